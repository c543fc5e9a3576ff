'use client';

import { Tag } from 'antd';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { CsvDownloadButton } from '@/components/coverage/csv-download-button';
import { DataTable, PercentBar, type DataColumn } from '@/components/coverage/data-table';
import { HealthBadge } from '@/components/coverage/health-badge';
import type { CsvCell } from '@/lib/csv/format';
import { dashboardHref } from '@/lib/coverage/view-params';
import { localized } from '@/lib/i18n/localized';
import type { PortfolioDto, PortfolioRowDto } from '@/lib/portfolio/model';

/**
 * Every program on one date as one table row, in the risk order the server chose (no re-sorting:
 * the order is the point), each row leading to the program's dashboard at that date.
 */
export function PortfolioTable({ portfolio }: { portfolio: PortfolioDto }) {
  const t = useTranslations('portfolio');
  const tHealth = useTranslations('burnup.health');
  const locale = useLocale();
  const { asOf } = portfolio;
  const name = (r: PortfolioRowDto) => localized(locale, r.nameZh, r.nameEn);

  const progress = (r: PortfolioRowDto): string => {
    if (!r.isStarted) return t('notStarted', { date: r.startDate });
    if (r.unit === 'PERCENT') {
      return r.percent === null ? t('metricNoValue', { target: r.targetValue ?? 0 }) : t('metric', { value: r.percent, target: r.targetValue ?? 0 });
    }
    return t('count', { live: r.live ?? 0, denominator: r.denominator ?? 0, unit: r.unit, percent: r.percent ?? 0 });
  };
  const change = (r: PortfolioRowDto): string => {
    if (!r.isStarted) return t('notApplicable');
    const sign = r.changeSinceLastWeek > 0 ? '+' : r.changeSinceLastWeek < 0 ? '−' : '';
    const magnitude = Math.abs(r.changeSinceLastWeek);
    return r.unit === 'PERCENT' ? t('changeMetric', { sign, change: magnitude }) : t('changeCount', { sign, change: magnitude });
  };
  const projected = (r: PortfolioRowDto): string => {
    if (!r.isStarted || r.health === null) return t('notApplicable');
    if (r.completionDate === null) return t('noProjection');
    return r.daysLate ? t('projectedLate', { date: r.completionDate, days: r.daysLate }) : r.completionDate;
  };
  const stale = (r: PortfolioRowDto): string => {
    if (!r.staleness) return t('notApplicable');
    return r.staleness.stale === 0 ? t('noStale', { rows: r.staleness.rows }) : t('stale', { ...r.staleness, days: r.staleAfterDays });
  };

  const columns: DataColumn<PortfolioRowDto>[] = [
    {
      key: 'program',
      title: t('columns.program'),
      render: (r) => (
        <>
          <Link href={dashboardHref(r.slug, asOf)} prefetch={false} data-testid="portfolio-program">
            {name(r)}
          </Link>
          {r.isIllustrative && (
            <Tag color="warning" style={{ marginInlineStart: 6 }}>
              {t('illustrative')}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'progress',
      title: t('columns.progress'),
      render: (r) => (
        <span data-testid="portfolio-progress" style={{ whiteSpace: 'nowrap' }}>
          {r.isStarted && r.percent !== null && <PercentBar percent={r.unit === 'PERCENT' && r.targetValue ? (r.percent / r.targetValue) * 100 : r.percent} />}{' '}
          {progress(r)}
        </span>
      ),
    },
    { key: 'health', title: t('columns.health'), render: (r) => (r.health ? <HealthBadge health={r.health} /> : t('noHealth')) },
    {
      key: 'targets',
      title: t('columns.targets'),
      render: (r) => (
        <span data-testid="portfolio-targets">
          <div>{t('baseline', { date: r.baselineTargetDate })}</div>
          <div>
            {t('current', { date: r.targetDate })}
            {r.isReplanned && (
              <Tag style={{ marginInlineStart: 6 }} data-testid="portfolio-replanned">
                {t('replanned')}
              </Tag>
            )}
          </div>
        </span>
      ),
    },
    { key: 'projected', title: t('columns.projected'), render: projected },
    { key: 'change', title: t('columns.change'), render: change, align: 'right' },
    { key: 'stale', title: t('columns.stale'), render: stale },
  ];

  const csvRows: CsvCell[][] = portfolio.rows.map((r) => [
    name(r),
    progress(r),
    r.health ? tHealth(r.health) : null,
    r.baselineTargetDate,
    r.targetDate,
    projected(r),
    change(r),
    stale(r),
  ]);

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <CsvDownloadButton
          filename={t('csvFile', { date: asOf })}
          header={[t('columns.program'), t('columns.progress'), t('columns.health'), t('baseline', { date: '' }).trim(), t('current', { date: '' }).trim(), t('columns.projected'), t('columns.change'), t('columns.stale')]}
          rows={csvRows}
        />
      </div>
      <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('tableLabel', { date: asOf })}>
        <DataTable
          columns={columns}
          rows={portfolio.rows}
          rowKey={(r) => r.slug}
          rowProps={(r) => ({ 'data-program': r.slug, 'data-health': r.health ?? 'NONE' })}
          emptyText={t('empty')}
          label={t('tableLabel', { date: asOf })}
          sortLabel={(c) => c}
          data-testid="portfolio-table"
        />
      </div>
    </>
  );
}
