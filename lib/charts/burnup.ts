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
  HEALTH_COLORS,
  annotationMarkPoint,
  asOfMarks,
  annotationPins,
  chartEndDate,
  escapeHtml,
  niceCeiling,
  paddedAxisEnd,
  projectionLine,
  stackVerticalLabels,
  targetDateMarks,
  type AnnotationLabels,
  type ChartAnnotation,
  type TargetDateLabels,
  projectionSeries,
  referenceLinesSeries,
  TIMELINE_GRID,
  timeXAxis,
} from './timeline-marks';

export const ACTUAL_COLOR = STATUS_COLORS.LIVE;
export const PLAN_COLOR = '#595959';
export const DENOMINATOR_COLOR = '#262626';

export interface BurnupLabels extends TargetDateLabels, AnnotationLabels {
  actual: string;
  plan: string;
  projection: string;
  /** e.g. "All 337 cities". */
  denominator: string;
  /** e.g. "As of 2021-10-02". */
  asOf: string;
  /** Label at the projection's end, e.g. "Projected 2024-01-29". */
  projectedCompletion: string;
  /** Label when the projected date lies past the chart, e.g. "Projected 2031-05-02 (beyond the chart)". */
  projectedBeyond: string;
  /** y-axis name, e.g. "Cities live". */
  yAxis: string;
  /** A count as the tooltip shows it, e.g. "49 cities". */
  formatValue: (value: number) => string;
  /** One tooltip row, e.g. "Cities live: 49 cities" (the colon differs between languages). */
  tooltipRow: (series: string, value: string) => string;
  ariaLabel: string;
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

/** The live count at the end of any date, from the exact daily steps. */
function liveAt(series: CountSeriesDto, date: string): number {
  let live = 0;
  for (const s of series.steps) {
    if (s.date > date) break;
    live = s.live;
  }
  return live;
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
  const showProjection =
    projection !== null && projection.health !== 'COMPLETE' && projection.completionDate !== null;
  const lastPlan = series.plan[series.plan.length - 1]?.date ?? asOf;
  const end = chartEndDate(
    [asOf, series.targetDate, series.baselineTargetDate, lastPlan],
    showProjection ? projection.completionDate : null,
  );
  const line =
    showProjection && projection.completionDate
      ? projectionLine({ date: last.date, value: last.live }, { date: projection.completionDate, value: denominator }, end)
      : null;
  const visibleAnnotations = annotations.filter((a) => a.date <= asOf);
  const firstDate = [series.points[0]?.date ?? series.startDate, ...visibleAnnotations.map((a) => a.date)].reduce((a, b) =>
    a < b ? a : b,
  );
  const pins = annotationPins(visibleAnnotations, (d) => liveAt(series, d), labels);
  const targetMarks = targetDateMarks(series.baselineTargetDate, series.targetDate, labels);
  const axisEnd = paddedAxisEnd(firstDate, end);
  const verticalMarks = stackVerticalLabels([...targetMarks, ...asOfMarks(asOf, labels.asOf, targetMarks)], firstDate, axisEnd);
  const healthColor = projection ? HEALTH_COLORS[projection.health] : HEALTH_COLORS.ON_TRACK;

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
    xAxis: timeXAxis(firstDate, axisEnd),
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
