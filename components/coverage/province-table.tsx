'use client';

import { Progress, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLocale, useTranslations } from 'next-intl';
import type { ProvinceCoverageDto } from '@/lib/coverage/queries';

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
  const columns: ColumnsType<ProvinceCoverageDto> = [
    {
      title: t('province'),
      dataIndex: 'name',
      key: 'name',
      render: (_: unknown, row) =>
        onSelect ? (
          <a
            href={hrefFor?.(row.code)}
            data-testid={`drill-${row.code}`}
            onClick={(e) => {
              e.preventDefault();
              onSelect(row.code);
            }}
          >
            {locale === 'en' ? row.nameEn : row.name}
          </a>
        ) : locale === 'en' ? (
          row.nameEn
        ) : (
          row.name
        ),
      sorter: (a, b) => a.code.localeCompare(b.code),
    },
    { title: t('code'), dataIndex: 'code', key: 'code', width: 64 },
    {
      title: t('live'),
      dataIndex: 'live',
      key: 'live',
      align: 'right',
      sorter: (a, b) => a.live - b.live,
    },
    {
      title: t('denominator'),
      dataIndex: 'denominator',
      key: 'denominator',
      align: 'right',
      sorter: (a, b) => a.denominator - b.denominator,
    },
    {
      title: t('percent'),
      dataIndex: 'percent',
      key: 'percent',
      defaultSortOrder: 'descend',
      sorter: (a, b) => (a.percent ?? 0) - (b.percent ?? 0) || a.code.localeCompare(b.code),
      render: (_: unknown, row) => (
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, whiteSpace: 'nowrap' }}>
          <Progress percent={row.percent ?? 0} showInfo={false} size="small" style={{ width: 56, margin: 0 }} />
          <span>{t('percentOf', { percent: row.percent ?? 0, live: row.live, denominator: row.denominator })}</span>
        </span>
      ),
    },
  ];
  return (
    <Table<ProvinceCoverageDto>
      data-testid="province-table"
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={provinces}
      pagination={false}
      scroll={{ y: 480 }}
      onRow={(row) => ({ 'data-province': row.code }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('empty') }}
    />
  );
}
