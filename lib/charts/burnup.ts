/**
 * Burn-up chart: series DTO + projection -> ECharts option (pure; no ECharts import, no i18n).
 *
 * - actual live count: solid line with area, up to the as-of date;
 * - plan: dashed, on to the target date;
 * - denominator: horizontal line, the "all" to reach;
 * - baseline and current target dates: vertical lines (one when equal), labelled;
 * - projection: dotted, from the last actual point to the denominator on the projected date,
 *   coloured by health;
 * - annotations: numbered pins on the actual line, title and source in their tooltip.
 */
import type { Projection } from '../coverage/projection';
import type { CountSeriesDto } from '../coverage/series';
import { STATUS_COLORS } from './colours';
import {
  annotationMarkPoint,
  escapeHtml,
  niceCeiling,
  projectionSeries,
  referenceLinesSeries,
  stepValueAt,
  timelineFrame,
  TIMELINE_GRID,
  type ChartAnnotation,
  type TimelineChartLabels,
} from './timeline-marks';

export const ACTUAL_COLOR = STATUS_COLORS.LIVE;
export const PLAN_COLOR = '#595959';
export const DENOMINATOR_COLOR = '#262626';

export interface BurnupLabels extends TimelineChartLabels {
  actual: string;
  plan: string;
  /** e.g. "All 337 cities". */
  denominator: string;
  /** One tooltip row, e.g. "Cities live: 49 cities" (the colon differs between languages). */
  tooltipRow: (series: string, value: string) => string;
}

export interface BurnupInput {
  series: CountSeriesDto;
  projection: Projection | null;
  annotations: readonly ChartAnnotation[];
}

export type DatedValue = [string, number];

export function toActualData(series: CountSeriesDto): DatedValue[] {
  return series.points.map((p) => [p.date, p.live]);
}

export function toPlanData(series: CountSeriesDto): DatedValue[] {
  return series.plan.map((p) => [p.date, p.plan]);
}

/** What the axis tooltip says for one hovered date. */
interface AxisParam {
  seriesName?: string;
  marker?: string;
  value?: unknown;
  seriesId?: string;
}

export const SERIES_IDS = { actual: 'actual', plan: 'plan', projection: 'projection', marks: 'marks' } as const;

export function formatAxisTooltip(
  params: AxisParam[] | AxisParam,
  labels: Pick<BurnupLabels, 'formatValue' | 'tooltipRow'>,
): string {
  const list = (Array.isArray(params) ? params : [params]).filter((p) => Array.isArray(p.value));
  const first = list[0]?.value as DatedValue | undefined;
  if (!first) return '';
  // Only the series that have a point on the hovered date: a far-away neighbour would mislead.
  const rows = list
    .filter((p) => (p.value as DatedValue)[0] === first[0] && p.seriesId !== SERIES_IDS.marks)
    .map((p) => `${p.marker ?? ''}${escapeHtml(labels.tooltipRow(p.seriesName ?? '', labels.formatValue((p.value as DatedValue)[1])))}`);
  return [`<strong>${escapeHtml(first[0])}</strong>`, ...rows].join('<br/>');
}

export function buildBurnupOption({ series, projection, annotations }: BurnupInput, labels: BurnupLabels) {
  const { denominator, asOf } = series;
  const last = series.points[series.points.length - 1] ?? { date: asOf, live: 0 };
  const { line, xAxis, pins, verticalMarks, healthColor } = timelineFrame(
    {
      asOf,
      targetDate: series.targetDate,
      baselineTargetDate: series.baselineTargetDate,
      startDates: [series.points[0]?.date ?? series.startDate],
      endDates: [series.plan[series.plan.length - 1]?.date ?? asOf],
      projection,
      projectFrom: { date: last.date, value: last.live },
      goal: denominator,
      annotations,
      // Pins sit on the exact daily steps, not on the sampled points.
      valueAt: (date) => stepValueAt(series.steps, date, (s) => s.live),
    },
    labels,
  );

  return {
    animation: false,
    grid: TIMELINE_GRID,
    legend: {
      bottom: 0,
      data: [labels.actual, labels.plan, ...(line ? [labels.projection] : [])],
    },
    tooltip: {
      trigger: 'axis' as const,
      axisPointer: { type: 'line' as const },
      formatter: (params: AxisParam[] | AxisParam) => formatAxisTooltip(params, labels),
    },
    xAxis,
    yAxis: {
      type: 'value' as const,
      name: labels.yAxis,
      min: 0,
      max: niceCeiling(denominator * 1.05),
      minInterval: 1,
    },
    series: [
      {
        id: SERIES_IDS.actual,
        name: labels.actual,
        type: 'line' as const,
        data: toActualData(series),
        showSymbol: false,
        symbol: 'circle',
        lineStyle: { color: ACTUAL_COLOR, width: 2.5, type: 'solid' as const },
        itemStyle: { color: ACTUAL_COLOR },
        areaStyle: { color: ACTUAL_COLOR, opacity: 0.15 },
        z: 3,
        markPoint: annotationMarkPoint(pins),
      },
      {
        id: SERIES_IDS.plan,
        name: labels.plan,
        type: 'line' as const,
        data: toPlanData(series),
        showSymbol: false,
        symbol: 'circle',
        lineStyle: { color: PLAN_COLOR, width: 1.5, type: 'dashed' as const },
        itemStyle: { color: PLAN_COLOR },
        z: 2,
      },
      ...(line ? [projectionSeries(line, healthColor, labels, 'circle')] : []),
      referenceLinesSeries([
        {
          yAxis: denominator,
          name: labels.denominator,
          label: { formatter: labels.denominator, position: 'insideStartTop' as const, color: DENOMINATOR_COLOR },
          lineStyle: { color: DENOMINATOR_COLOR, type: 'solid' as const, width: 1.5 },
        },
        ...verticalMarks,
      ]),
    ],
  };
}
