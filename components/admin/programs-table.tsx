'use client';

import { Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { AdminProgramDto } from '@/lib/programs/admin-queries';
import { localized } from '@/lib/i18n/localized';

export function ProgramsTable({ programs }: { programs: AdminProgramDto[] }) {
  const t = useTranslations('adminPrograms');
  const locale = useLocale();
  const columns: ColumnsType<AdminProgramDto> = [
    {
      title: t('columns.name'),
      key: 'name',
      render: (_: unknown, p) => (
        <Space orientation="vertical" size={0}>
          <Space size={4} wrap>
            <Link href={`/admin/programs/${encodeURIComponent(p.slug)}`}>{localized(locale, p.nameZh, p.nameEn)}</Link>
            {p.isIllustrative && <Tag>{t('illustrative')}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} code>
            {p.slug}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('columns.scope'),
      key: 'scope',
      render: (_: unknown, p) => (
        <Space size={4} wrap>
          <Tag color="blue">{t(`unit.${p.unit}`)}</Tag>
          <span>{t(`scope.${p.scopeRule}`)}</span>
        </Space>
      ),
    },
    { title: t('columns.statusRows'), dataIndex: 'statusRows', key: 'statusRows', align: 'right', width: 100 },
    { title: t('columns.baseline'), dataIndex: 'baselineTargetDate', key: 'baseline', width: 120 },
    {
      title: t('columns.target'),
      key: 'target',
      width: 120,
      render: (_: unknown, p) =>
        p.targetDate === p.baselineTargetDate ? p.targetDate : <Typography.Text type="warning">{p.targetDate}</Typography.Text>,
    },
    { title: t('columns.staleAfterDays'), dataIndex: 'staleAfterDays', key: 'staleAfterDays', align: 'right', width: 100 },
    {
      title: t('columns.lastChange'),
      key: 'lastChange',
      width: 200,
      render: (_: unknown, p) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {p.lastChange ? `${p.lastChange.actorName ?? '—'} · ${p.lastChange.atShanghai.slice(0, 16)}` : '—'}
        </Typography.Text>
      ),
    },
    {
      title: t('columns.actions'),
      key: 'actions',
      width: 80,
      render: (_: unknown, p) => <Link href={`/admin/programs/${encodeURIComponent(p.slug)}`}>{t('manage')}</Link>,
    },
  ];
  return (
    <Table<AdminProgramDto>
      data-testid="admin-programs-table"
      rowKey="slug"
      columns={columns}
      dataSource={programs}
      pagination={false}
      locale={{ emptyText: t('empty') }}
      scroll={{ x: 900 }}
    />
  );
}
