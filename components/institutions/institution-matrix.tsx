'use client';

import { Empty, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { MatrixCellDto, MatrixProgramDto, MatrixRowDto } from '@/lib/institutions/queries';
import { StatusTag } from '@/components/status/status-tag';
import { localized } from '@/lib/i18n/localized';

/** Sorts a column by how far the rollout got: live first (earliest first), then by status. */
const STATUS_ORDER = ['LIVE', 'PILOT', 'IN_PROGRESS', 'PLANNED', 'PAUSED', 'NOT_STARTED'] as const;

function cellSortKey(cell: MatrixCellDto | null | undefined): string {
  if (!cell) return '9';
  return `${STATUS_ORDER.indexOf(cell.status)}${cell.liveDate ?? cell.plannedDate ?? '9999-99-99'}`;
}

function MatrixCell({ cell, program }: { cell: MatrixCellDto | null | undefined; program: MatrixProgramDto }) {
  const t = useTranslations('institutions');
  if (!cell) return <span className="muted">{t('notEnrolled')}</span>;
  return (
    <Space size={[8, 4]} wrap>
      <StatusTag status={cell.status} />
      {cell.liveDate ? (
        <span>{t('liveOn', { date: cell.liveDate })}</span>
      ) : (
        cell.plannedDate && <span className="muted">{t('plannedFor', { date: cell.plannedDate })}</span>
      )}
      {cell.isStale && (
        <Tag color="warning" data-testid="stale-marker" title={t('staleHint', { limit: program.staleAfterDays })}>
          {cell.daysSinceConfirmed === null ? t('neverConfirmed') : t('staleTag', { days: cell.daysSinceConfirmed })}
        </Tag>
      )}
      {cell.verified === false && <Tag color="orange">{t('unverified')}</Tag>}
    </Space>
  );
}

export interface InstitutionMatrixProps {
  programs: MatrixProgramDto[];
  rows: MatrixRowDto[];
}

/** Institutions (rows) against the programs that count institutions (columns). */
export function InstitutionMatrix({ programs, rows }: InstitutionMatrixProps) {
  const t = useTranslations('institutions');
  const tType = useTranslations('institutionType');
  const locale = useLocale();

  const columns: ColumnsType<MatrixRowDto> = [
    {
      title: t('columns.institution'),
      key: 'institution',
      fixed: 'left',
      width: 260,
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (_: unknown, row) => (
        <Space size={6} wrap>
          <Link href={`/institutions/${encodeURIComponent(row.code)}`}>{localized(locale, row.nameZh, row.nameEn)}</Link>
          <span className="muted">{row.code}</span>
          {row.isIllustrative && (
            <Tag title={t('illustrativeHint')} data-testid="illustrative-marker">
              {t('illustrative')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('columns.type'),
      key: 'type',
      width: 160,
      render: (_: unknown, row) => tType(row.type),
    },
    ...programs.map(
      (p): ColumnsType<MatrixRowDto>[number] => ({
        title: (
          <Space size={4} wrap>
            <span>{localized(locale, p.nameZh, p.nameEn)}</span>
            {p.isRolloutComplete && (
              <Tag color="success" data-testid={`rollout-complete-${p.slug}`}>
                {t('rolloutComplete')}
              </Tag>
            )}
          </Space>
        ),
        key: p.slug,
        sorter: (a, b) => cellSortKey(a.cells[p.slug]).localeCompare(cellSortKey(b.cells[p.slug])),
        render: (_: unknown, row) => <MatrixCell cell={row.cells[p.slug]} program={p} />,
      }),
    ),
  ];

  return (
    <Table<MatrixRowDto>
      data-testid="institution-matrix"
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 420 + programs.length * 220 }}
      onRow={(row) => ({ 'data-institution': row.code }) as React.HTMLAttributes<HTMLElement>}
      locale={{
        emptyText: <Empty description={<Space orientation="vertical"><strong>{t('empty')}</strong>{t('emptyHint')}</Space>} />,
      }}
    />
  );
}
