'use client';

import dynamic from 'next/dynamic';
import { useSearchParams } from 'next/navigation';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { ChartAnnotation } from '@/lib/charts/timeline-marks';
import type { Projection } from '@/lib/coverage/projection';
import {
  buildCoverageSeries,
  projectSeries,
  type BurnupPointDto,
  type CoverageSeriesDto,
  type MetricPointDto,
  type SeriesSourceDto,
} from '@/lib/coverage/series-model';
import { toPercent } from '@/lib/coverage/summarise';
import type { AnnotationDto } from '@/lib/programs/annotations';
import type { ProgramDto } from '@/lib/programs/queries';
import { daysBetween, isIsoDate } from '@/lib/time';
import { ExternalLink } from '@/components/status/external-link';
import { WhenVisible } from '@/components/charts/when-visible';
import { Skeleton, Stack, Tag } from '@/components/ui/plain';
import { DataTable, type DataColumn } from './data-table';
import { Panel } from './panel';
import { HealthBadge, HealthRule } from './health-badge';
import styles from './burnup-panel.module.css';
import { localized } from '@/lib/i18n/localized';

const CHART_HEIGHT = 420;
const chartLoading = () => <Skeleton active height={CHART_HEIGHT} />;
// The charts (ECharts) load after the numbers and the table have painted, and only once they are
// about to scroll into view (WhenVisible).
const BurnupChart = dynamic(() => import('@/components/charts/burnup-chart'), { ssr: false, loading: chartLoading });
const MetricChart = dynamic(() => import('@/components/charts/metric-chart'), { ssr: false, loading: chartLoading });

interface Props {
  /** Everything up to the timeline's last date; the series for the date shown is built from it. */
  source: SeriesSourceDto;
  /** The date the server rendered; the URL's `asOf` wins once the user scrubs the timeline. */
  initialAsOf: string;
  program: ProgramDto;
  /** The program's annotations; those after the as-of date are left out here. */
  annotations: AnnotationDto[];
}

/**
 * Progress toward the target: health badge with its rule written out, the projected completion
 * with the pace it comes from, the burn-up (or metric) chart, the events marked on it, and the
 * same numbers as a table so nothing is only in the chart.
 */
export function BurnupPanel({ source, initialAsOf, program, annotations }: Props) {
  const t = useTranslations('burnup');
  const locale = useLocale();
  // Follows the timeline: the slider rewrites `asOf` in the URL (history.replaceState), and the
  // series and projection for that date are rebuilt here from data already loaded, with no request.
  const urlAsOf = useSearchParams().get('asOf');
  const wanted = urlAsOf && isIsoDate(urlAsOf) ? urlAsOf : initialAsOf;
  const asOf = wanted > source.end ? source.end : wanted;
  const series = useMemo(() => buildCoverageSeries(source, asOf), [source, asOf]);
  const projection = useMemo(() => projectSeries(series), [series]);
  const isMetric = series.kind === 'METRIC';
  const programName = localized(locale, program.nameZh, program.nameEn);
  const shown = useMemo(() => annotations.filter((a) => a.date <= series.asOf), [annotations, series.asOf]);
  const chartAnnotations = useMemo<ChartAnnotation[]>(
    () =>
      shown.map((a) => ({
        date: a.date,
        title: localized(locale, a.titleZh, a.titleEn),
        sourceNote: a.sourceNote,
        sourceUrl: a.sourceUrl,
        isIllustrative: a.isIllustrative,
      })),
    [shown, locale],
  );
  const chartProps = {
    projection,
    annotations: chartAnnotations,
    programName,
    downloadName: `hutong-${program.slug}-burnup-${series.asOf}.png`,
    height: CHART_HEIGHT,
  };

  return (
    <Panel title={isMetric ? t('titleMetric') : t('title')} data-testid="burnup-panel">
      <Stack gap="middle">
        <div className={styles.summary}>
          <ProjectionSummary series={series} projection={projection} />
          <HealthRule current={projection?.health ?? null} isMetric={isMetric} />
        </div>
        <WhenVisible height={CHART_HEIGHT} testId={isMetric ? 'metric-chart' : 'burnup-chart'}>
          {series.kind === 'METRIC' ? <MetricChart series={series} {...chartProps} /> : <BurnupChart series={series} {...chartProps} />}
        </WhenVisible>
        {chartAnnotations.length > 0 && <AnnotationList annotations={chartAnnotations} />}
        {series.kind === 'METRIC' ? <MetricTable points={series.points} /> : <WeeklyTable points={series.points} denominator={series.denominator} asOf={series.asOf} />}
      </Stack>
    </Panel>
  );
}

function ProjectionSummary({ series, projection }: { series: CoverageSeriesDto; projection: Projection | null }) {
  const t = useTranslations('burnup.projection');
  const format = useFormatter();
  const isMetric = series.kind === 'METRIC';
  const unit = series.kind === 'METRIC' ? 'PERCENT' : series.unit;

  if (!projection) {
    return <p style={{ margin: 0 }}>{isMetric ? t('noTarget') : t('noScope')}</p>;
  }
  const target = projection.targetDate;
  const goal = format.number(projection.goal, { maximumFractionDigits: 1 });
  const date = projection.completionDate;
  let headline: string;
  if (projection.health === 'COMPLETE') {
    headline = date ? (isMetric ? t('completeOnMetric', { date, target: goal }) : t('completeOn', { date })) : '';
  } else if (projection.reason === 'NO_PROGRESS') {
    headline = isMetric ? t('noProgressMetric', { weeks: projection.windowWeeks }) : t('noProgress', { weeks: projection.windowWeeks });
  } else if (!date) {
    headline = t('tooFar');
  } else {
    headline = isMetric ? t('projectedMetric', { date, target: goal }) : t('projected', { date });
  }
  const versusTarget = date
    ? (() => {
        const days = daysBetween(target, date);
        if (days > 0) return t('daysLate', { days, target });
        if (days < 0) return t('daysEarly', { days: -days, target });
        return t('onTarget', { target });
      })()
    : null;
  const velocity = format.number(projection.velocityPerWeek, { maximumFractionDigits: 1 });
  const remaining = format.number(projection.remaining, { maximumFractionDigits: 1 });

  return (
    <Stack gap="small" data-testid="burnup-projection">
      <div className={styles.headline}>
        <HealthBadge health={projection.health} />
        {/* One text run, so a wrapped line never starts with the separator. */}
        <span>
          {headline && <strong style={{ fontSize: 15 }}>{headline}</strong>}
          {headline && versusTarget && ' · '}
          {versusTarget}
        </span>
      </div>
      <span className="muted" data-testid="burnup-velocity">
        {t(`velocity${unit}`, { velocity, weeks: projection.windowWeeks })}
        {projection.remaining > 0 && (
          <>
            {' · '}
            {unit === 'PERCENT'
              ? t('remainingPERCENT', { remaining })
              : t(`remaining${unit}`, { remaining: projection.remaining, total: projection.goal })}
          </>
        )}
      </span>
    </Stack>
  );
}

function AnnotationList({ annotations }: { annotations: ChartAnnotation[] }) {
  const t = useTranslations('burnup.annotations');
  return (
    <div data-testid="burnup-annotations">
      <div style={{ fontWeight: 600, marginBottom: 4 }}>{t('title')}</div>
      <ol style={{ margin: 0, paddingInlineStart: 22, fontSize: 13, lineHeight: 1.8 }}>
        {annotations.map((a) => (
          <li key={`${a.date}-${a.title}`}>
            <span style={{ fontVariantNumeric: 'tabular-nums' }}>{a.date}</span> {a.title}
            {a.sourceNote && <span className="muted"> · {t('source', { source: a.sourceNote })}</span>}
            {a.sourceUrl && (
              <>
                {' · '}
                <ExternalLink href={a.sourceUrl}>{t('link')}</ExternalLink>
              </>
            )}
            {a.isIllustrative && (
              <Tag color="warning" style={{ marginInlineStart: 6 }}>
                {t('illustrative')}
              </Tag>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function WeeklyTable({ points, denominator, asOf }: { points: BurnupPointDto[]; denominator: number; asOf: string }) {
  const t = useTranslations('burnup.table');
  const rows = useMemo(() => [...points].reverse(), [points]);
  const columns: DataColumn<BurnupPointDto>[] = [
    {
      title: t('date'),
      key: 'date',
      render: ({ date }) => (
        <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {date}
          {date === asOf && (
            <Tag style={{ marginInlineStart: 6 }} color="blue">
              {t('asOfTag')}
            </Tag>
          )}
        </span>
      ),
    },
    { title: t('live'), key: 'live', align: 'right', render: (row) => row.live },
    { title: t('plan'), key: 'plan', align: 'right', render: (row) => row.plan },
    {
      title: t('gap'),
      key: 'gap',
      align: 'right',
      render: (row) => {
        const gap = row.live - row.plan;
        return <span style={{ color: gap < 0 ? '#cf1322' : undefined }}>{gap > 0 ? `+${gap}` : gap}</span>;
      },
    },
    {
      title: t('percent'),
      key: 'percent',
      align: 'right',
      render: (row) => t('percentOf', { percent: toPercent(row.live, denominator) ?? 0, live: row.live, denominator }),
    },
  ];
  const label = t('toggle', { count: rows.length });
  return <PointsTable summary={`${label} · ${t('dateHint')}`} label={label} columns={columns} rows={rows} emptyText={t('empty')} />;
}

function MetricTable({ points }: { points: MetricPointDto[] }) {
  const t = useTranslations('burnup.table');
  const rows = useMemo(() => [...points].reverse(), [points]);
  const columns: DataColumn<MetricPointDto>[] = [
    { title: t('date'), key: 'date', render: ({ date }) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{date}</span> },
    { title: t('value'), key: 'value', align: 'right', render: ({ value }) => `${value}%` },
    {
      title: t('source'),
      key: 'source',
      render: (row) => (
        <span>
          {row.sourceNote ?? ''}
          {row.sourceUrl && (
            <>
              {' '}
              <ExternalLink href={row.sourceUrl} />
            </>
          )}
          {row.isIllustrative && (
            <Tag color="warning" style={{ marginInlineStart: row.sourceNote ? 6 : 0 }}>
              {t('illustrative')}
            </Tag>
          )}
        </span>
      ),
    },
  ];
  const label = t('toggleMetric', { count: rows.length });
  return <PointsTable summary={label} label={label} columns={columns} rows={rows} emptyText={t('empty')} />;
}

/** The chart's points as a table, folded under the chart (the accessible alternative to it). */
function PointsTable<T extends { date: string }>(props: {
  summary: string;
  label: string;
  columns: DataColumn<T>[];
  rows: T[];
  emptyText: string;
}) {
  // Rows are drawn once the reader opens the table: a closed table costs the server's render and
  // the phone's hydration nothing.
  const [opened, setOpened] = useState(false);
  return (
    <details className={styles.details} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary>{props.summary}</summary>
      {opened && (
        <DataTable<T>
          data-testid="burnup-table"
          label={props.label}
          sortLabel={(column) => column}
          rowKey={(row) => row.date}
          columns={props.columns}
          rows={props.rows}
          emptyText={props.emptyText}
          scroll
        />
      )}
    </details>
  );
}
