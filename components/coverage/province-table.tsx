'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ProvinceCoverageDto } from '@/lib/coverage/queries';
import { DataTable, PercentBar, type DataColumn } from './data-table';
import { localized } from '@/lib/i18n/localized';

/** The same numbers as the map, readable without it (and the map's accessible alternative). */
export function ProvinceTable({
  provinces,
  onSelect,
  hrefFor,
}: {
  provinces: ProvinceCoverageDto[];
  /** Drill into a province; `hrefFor` keeps the link usable from the keyboard and in a new tab. */
  onSelect?: (code: string) => void;
  hrefFor?: (code: string) => string;
}) {
  const t = useTranslations('dashboard.table');
  const locale = useLocale();
  const columns: DataColumn<ProvinceCoverageDto>[] = [
    {
      title: t('province'),
      key: 'name',
      render: (row) =>
        onSelect ? (
          <a
            href={hrefFor?.(row.code)}
            data-testid={`drill-${row.code}`}
            onClick={(e) => {
              e.preventDefault();
              onSelect(row.code);
            }}
          >
            {localized(locale, row.name, row.nameEn)}
          </a>
        ) : (
          localized(locale, row.name, row.nameEn)
        ),
      sorter: (a, b) => a.code.localeCompare(b.code),
    },
    { title: t('code'), key: 'code', width: 64, render: (row) => row.code },
    { title: t('live'), key: 'live', align: 'right', render: (row) => row.live, sorter: (a, b) => a.live - b.live },
    {
      title: t('denominator'),
      key: 'denominator',
      align: 'right',
      render: (row) => row.denominator,
      sorter: (a, b) => a.denominator - b.denominator,
    },
    {
      title: t('percent'),
      key: 'percent',
      sorter: (a, b) => (a.percent ?? 0) - (b.percent ?? 0) || a.code.localeCompare(b.code),
      render: (row) => (
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, whiteSpace: 'nowrap' }}>
          <PercentBar percent={row.percent ?? 0} />
          <span>{t('percentOf', { percent: row.percent ?? 0, live: row.live, denominator: row.denominator })}</span>
        </span>
      ),
    },
  ];
  return (
    <DataTable<ProvinceCoverageDto>
      data-testid="province-table"
      label={t('provinceLabel')}
      sortLabel={(column) => t('sortBy', { column })}
      rowKey={(row) => row.code}
      columns={columns}
      rows={provinces}
      defaultSort={{ key: 'percent', order: 'descend' }}
      rowProps={(row) => ({ 'data-province': row.code })}
      emptyText={t('empty')}
      scroll
    />
  );
}
