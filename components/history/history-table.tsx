'use client';

import { Empty, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { StatusChangeDto } from '@/lib/history/queries';
import type { FieldDiff } from '@/lib/history/snapshot';
import { ExternalLink } from '@/components/status/external-link';
import { StatusTag } from '@/components/status/status-tag';
import { ActorName } from './actor-name';
import { localized } from '@/lib/i18n/localized';

function DiffValue({ diff, side }: { diff: FieldDiff; side: 'before' | 'after' }) {
  const t = useTranslations('history');
  const value = diff[side];
  if (value === null || value === '') return <span className="muted">{t('blank')}</span>;
  if (diff.field === 'status' && typeof value === 'string') {
    return <StatusTag status={value as StatusChangeDto['toStatus']} />;
  }
  if (diff.field === 'verified') return <span>{value ? t('verifiedYes') : t('verifiedNo')}</span>;
  if (diff.field === 'evidenceUrl' && typeof value === 'string') return <ExternalLink href={value} />;
  return <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{String(value)}</span>;
}

function ChangeCell({ row }: { row: StatusChangeDto }) {
  const t = useTranslations('history');
  return (
    <Space orientation="vertical" size={4}>
      <span className="muted">{t(`kind.${row.kind}`)}</span>
      {row.changes.length === 0 && <span className="muted">{t(row.detailsHidden ? 'withheldHint' : 'noFieldChanges')}</span>}
      {row.changes.map((diff) => (
        <span key={diff.field} data-field={diff.field} style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
          <span>{t('fieldLabel', { field: t(`field.${diff.field}`) })}</span>
          <DiffValue diff={diff} side="before" />
          <span aria-hidden>→</span>
          <DiffValue diff={diff} side="after" />
        </span>
      ))}
    </Space>
  );
}

/** Every change of one city or institution, newest first: when, what, who and on what source. */
export function HistoryTable({ items }: { items: StatusChangeDto[] }) {
  const t = useTranslations('history');
  const format = useFormatter();
  const locale = useLocale();
  const programName = (row: StatusChangeDto) => localized(locale, row.programNameZh, row.programNameEn);
  const programs = [...new Map(items.map((r) => [r.programSlug, programName(r)])).entries()];

  const columns: ColumnsType<StatusChangeDto> = [
    {
      title: t('columns.time'),
      key: 'time',
      width: 150,
      render: (_: unknown, row) => <time dateTime={row.changedAt}>{format.dateTime(new Date(row.changedAt), 'dateTime')}</time>,
    },
    {
      title: t('columns.program'),
      key: 'program',
      width: 200,
      render: (_: unknown, row) => programName(row),
      // Filtering by program only helps when there is more than one.
      ...(programs.length > 1
        ? {
            filters: programs.map(([slug, name]) => ({ text: name, value: slug })),
            onFilter: (value, row) => row.programSlug === value,
          }
        : {}),
    },
    { title: t('columns.change'), key: 'change', width: 360, render: (_: unknown, row) => <ChangeCell row={row} /> },
    { title: t('columns.actor'), key: 'actor', width: 150, render: (_: unknown, row) => <ActorName actor={row.actor} hidden={row.detailsHidden} /> },
    {
      title: t('columns.source'),
      key: 'source',
      render: (_: unknown, row) => (
        <Space orientation="vertical" size={4}>
          <Space size={4} wrap>
            <Tag>{t(`source.${row.source}`)}</Tag>
            {row.isIllustrative && (
              <Tag color="default" title={t('illustrativeHint')}>
                {t('illustrative')}
              </Tag>
            )}
          </Space>
          {row.sourceNote && <span className="muted">{row.sourceNote}</span>}
          {row.sourceUrl && <ExternalLink href={row.sourceUrl}>{t('sourceLink')}</ExternalLink>}
        </Space>
      ),
    },
  ];

  return (
    <Table<StatusChangeDto>
      data-testid="history-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 1100 }}
      onRow={(row) => ({ 'data-program': row.programSlug, 'data-to-status': row.toStatus }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <Empty description={<Space orientation="vertical"><strong>{t('empty')}</strong>{t('emptyHint')}</Space>} /> }}
    />
  );
}
