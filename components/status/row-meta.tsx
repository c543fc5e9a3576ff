'use client';

import { Space, Tag, Typography } from 'antd';
import { useFormatter, useTranslations } from 'next-intl';
import type { StatusRowDto } from '@/lib/status/dto';

/** Who changed the row last and when, its version and whether it is verified. */
export function RowMeta({ row }: { row: StatusRowDto }) {
  const t = useTranslations('statusForm');
  const format = useFormatter();
  const time = (iso: string) => format.dateTime(new Date(iso), 'dateTime');
  return (
    <Space wrap size="middle" data-testid="row-meta">
      <Typography.Text type="secondary">
        {row.updatedBy ? t('lastChanged', { name: row.updatedBy.name, time: time(row.updatedAt) }) : t('lastChangedSeed')}
      </Typography.Text>
      <Typography.Text type="secondary">
        {row.lastConfirmedAt ? t('lastConfirmed', { time: time(row.lastConfirmedAt) }) : t('neverConfirmed')}
      </Typography.Text>
      <Tag data-testid="row-version">{t('version', { version: row.version })}</Tag>
      {row.verified ? <Tag color="success">{t('verified')}</Tag> : <Tag color="warning" data-testid="unverified">{t('unverified')}</Tag>}
    </Space>
  );
}
