'use client';

import { Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLocale, useTranslations } from 'next-intl';
import type { DiffLine } from '@/lib/audit/diff';
import type { AuditEntryDto } from '@/lib/audit/queries';
import { localized } from '@/lib/i18n/localized';

export interface AuditRow extends Omit<AuditEntryDto, 'before' | 'after'> {
  /** Before/after as changed leaves, computed on the server. */
  diff: DiffLine[];
}

const KNOWN_REASONS = new Set(['FORBIDDEN', 'VALIDATION', 'CONFLICT', 'NOT_FOUND', 'UNAUTHENTICATED', 'RATE_LIMITED']);
const KIND_COLOR = { added: 'green', removed: 'red', changed: 'blue' } as const;

function AuditDiff({ lines }: { lines: DiffLine[] }) {
  const t = useTranslations('audit.diff');
  const columns: ColumnsType<DiffLine> = [
    { title: t('field'), key: 'path', width: 220, render: (_: unknown, l) => <Typography.Text code>{l.path || '—'}</Typography.Text> },
    { title: '', key: 'kind', width: 80, render: (_: unknown, l) => <Tag color={KIND_COLOR[l.kind]}>{t(l.kind)}</Tag> },
    {
      title: t('before'),
      key: 'before',
      render: (_: unknown, l) =>
        l.before === undefined ? null : (
          <Typography.Text delete type="secondary" style={{ wordBreak: 'break-all' }}>
            {l.before}
          </Typography.Text>
        ),
    },
    {
      title: t('after'),
      key: 'after',
      render: (_: unknown, l) => (l.after === undefined ? null : <Typography.Text style={{ wordBreak: 'break-all' }}>{l.after}</Typography.Text>),
    },
  ];
  return (
    <Table<DiffLine>
      aria-label={t('title')}
      rowKey="path"
      size="small"
      columns={columns}
      dataSource={lines}
      pagination={false}
      locale={{ emptyText: t('none') }}
    />
  );
}

export function AuditTable({ entries }: { entries: AuditRow[] }) {
  const t = useTranslations('audit');
  const locale = useLocale();
  const columns: ColumnsType<AuditRow> = [
    {
      title: t('columns.at'),
      key: 'at',
      width: 170,
      render: (_: unknown, e) => <time dateTime={e.at}>{e.atShanghai}</time>,
    },
    {
      title: t('columns.actor'),
      key: 'actor',
      render: (_: unknown, e) => (
        <Space orientation="vertical" size={0}>
          <span>{e.actor ? e.actor.name : e.actorId ? t('unknownActor') : t('system')}</span>
          {e.actor && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.actor.email}
            </Typography.Text>
          )}
          {e.actorRole && <Tag style={{ marginTop: 2 }}>{t(`roles.${e.actorRole}`)}</Tag>}
        </Space>
      ),
    },
    {
      title: t('columns.institution'),
      key: 'institution',
      width: 140,
      render: (_: unknown, e) => (e.institution ? localized(locale, e.institution.nameZh, e.institution.nameEn) : '—'),
    },
    {
      title: t('columns.action'),
      key: 'action',
      render: (_: unknown, e) => <Typography.Text code>{e.action}</Typography.Text>,
    },
    {
      title: t('columns.outcome'),
      key: 'outcome',
      width: 140,
      render: (_: unknown, e) => (
        <Space orientation="vertical" size={0}>
          <Tag color={e.outcome === 'DENIED' ? 'error' : 'success'}>{t(`outcome.${e.outcome}`)}</Tag>
          {e.reason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {KNOWN_REASONS.has(e.reason) ? t(`reasons.${e.reason as 'FORBIDDEN'}`) : e.reason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('columns.entity'),
      key: 'entity',
      render: (_: unknown, e) =>
        e.entityType ? (
          <Space orientation="vertical" size={0}>
            <span>{e.entityType}</span>
            {e.entityId && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: e.entityId }}>
                {e.entityId.length > 16 ? `${e.entityId.slice(0, 16)}…` : e.entityId}
              </Typography.Text>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: t('columns.ip'), dataIndex: 'ip', key: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <Table<AuditRow>
      data-testid="audit-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={entries}
      pagination={false}
      scroll={{ x: 1000 }}
      expandable={{
        expandedRowRender: (e) => <AuditDiff lines={e.diff} />,
        rowExpandable: (e) => e.diff.length > 0,
      }}
      locale={{ emptyText: t('empty') }}
    />
  );
}
