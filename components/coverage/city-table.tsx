'use client';

import { Badge, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { CityCoverageDto } from '@/lib/coverage/queries';
import { STATUS_COLORS } from '@/lib/charts/colours';
import { ROLLOUT_STATUSES } from '@/lib/coverage/summarise';

/** A province's cities with their status: the drilled map's accessible alternative. */
export function CityTable({ cities, highlight }: { cities: CityCoverageDto[]; highlight?: string | null }) {
  const t = useTranslations('dashboard.table');
  const ts = useTranslations('status');
  const locale = useLocale();
  const columns: ColumnsType<CityCoverageDto> = [
    {
      title: t('city'),
      dataIndex: 'name',
      key: 'name',
      render: (_: unknown, row) => <Link href={`/cities/${row.code}`}>{locale === 'en' ? row.nameEn : row.name}</Link>,
      sorter: (a, b) => a.code.localeCompare(b.code),
    },
    { title: t('code'), dataIndex: 'code', key: 'code', width: 72 },
    {
      title: t('status'),
      dataIndex: 'status',
      key: 'status',
      render: (_: unknown, row) => <Badge color={STATUS_COLORS[row.status]} text={ts(row.status)} />,
      sorter: (a, b) => ROLLOUT_STATUSES.indexOf(a.status) - ROLLOUT_STATUSES.indexOf(b.status),
      filters: ROLLOUT_STATUSES.map((s) => ({ text: ts(s), value: s })),
      onFilter: (value, row) => row.status === value,
    },
  ];
  return (
    <Table<CityCoverageDto>
      data-testid="city-table"
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={cities}
      pagination={false}
      scroll={{ y: 480 }}
      rowClassName={(row) => (row.code === highlight ? 'row-highlight' : '')}
      onRow={(row) => ({ 'data-city': row.code }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('empty') }}
    />
  );
}
