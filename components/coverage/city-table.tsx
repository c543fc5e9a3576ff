'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import type { CityCoverageDto } from '@/lib/coverage/queries';
import type { RolloutStatus } from '@/lib/generated/sqlite/client';
import { STATUS_COLORS } from '@/lib/charts/colours';
import { ROLLOUT_STATUSES } from '@/lib/coverage/summarise';
import { DataTable, dataTableStyles, type DataColumn } from './data-table';
import { localized } from '@/lib/i18n/localized';

interface Props {
  cities: CityCoverageDto[];
  highlight?: string | null;
  /** Link target of each row's edit link; absent for viewers who may not edit city statuses. */
  editHref?: (code: string) => string;
}

/** A province's cities with their status: the drilled map's accessible alternative. */
export function CityTable({ cities, highlight, editHref }: Props) {
  const t = useTranslations('dashboard.table');
  const ts = useTranslations('status');
  const locale = useLocale();
  const filterId = useId();
  const [filter, setFilter] = useState<RolloutStatus | ''>('');
  const shown = filter ? cities.filter((c) => c.status === filter) : cities;
  const columns: DataColumn<CityCoverageDto>[] = [
    {
      title: t('city'),
      key: 'name',
      render: (row) => <Link href={`/cities/${row.code}`}>{localized(locale, row.name, row.nameEn)}</Link>,
      sorter: (a, b) => a.code.localeCompare(b.code),
    },
    { title: t('code'), key: 'code', width: 72, render: (row) => row.code },
    {
      title: t('status'),
      key: 'status',
      render: (row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <span className={dataTableStyles.dot} style={{ background: STATUS_COLORS[row.status] }} aria-hidden />
          {ts(row.status)}
        </span>
      ),
      sorter: (a, b) => ROLLOUT_STATUSES.indexOf(a.status) - ROLLOUT_STATUSES.indexOf(b.status),
    },
    ...(editHref
      ? [
          {
            title: <span className="visually-hidden">{t('actions')}</span>,
            key: 'edit',
            render: (row: CityCoverageDto) => (
              <Link
                href={editHref(row.code)}
                data-testid={`edit-city-${row.code}`}
                aria-label={t('editCity', { city: localized(locale, row.name, row.nameEn) })}
              >
                {t('edit')}
              </Link>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <div className={dataTableStyles.toolbar}>
        <label htmlFor={filterId}>{t('statusFilter')}</label>
        <select
          id={filterId}
          className={dataTableStyles.select}
          value={filter}
          data-testid="city-status-filter"
          onChange={(e) => setFilter(e.target.value as RolloutStatus | '')}
        >
          <option value="">{t('allStatuses')}</option>
          {ROLLOUT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </select>
      </div>
      <DataTable<CityCoverageDto>
        data-testid="city-table"
        label={t('cityLabel')}
        sortLabel={(column) => t('sortBy', { column })}
        rowKey={(row) => row.code}
        columns={columns}
        rows={shown}
        rowProps={(row) => ({ 'data-city': row.code, className: row.code === highlight ? 'row-highlight' : undefined })}
        emptyText={t('empty')}
        scroll
      />
    </>
  );
}
