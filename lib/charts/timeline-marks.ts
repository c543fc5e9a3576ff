/**
 * Pieces shared by the time-axis charts (burn-up, metric): target-date lines, annotation pins,
 * the projection line, a readable y-axis ceiling and HTML escaping for tooltips. Pure; no ECharts
 * import.
 */
import type { Health, Projection } from '../coverage/projection';
import { addDays, daysBetween } from '../time';
import { isHttpUrl } from '../url';

/** Line colours per health: the projection line and the badge agree. Green is not LIVE's green. */
export const HEALTH_COLORS: Readonly<Record<Health, string>> = {
  COMPLETE: '#1f5fae',
  ON_TRACK: '#237804',
  AT_RISK: '#d46b08',
  OFF_TRACK: '#cf1322',
};

export const TARGET_LINE_COLOR = '#cf1322';
export const BASELINE_LINE_COLOR = '#8c8c8c';
export const AS_OF_LINE_COLOR = '#1f5fae';
export const ANNOTATION_COLOR = '#531dab';

/** ECharts tooltips render HTML: everything from the database goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The first "round" number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x 10^k) at or above `value`. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    const candidate = Math.round(m * magnitude * 1e6) / 1e6;
    if (candidate >= value) return candidate;
  }
  return 10 * magnitude;
}

export interface TargetDateLabels {
  /** Used when the baseline and the current target are the same day: one line. */
  target: string;
  baselineTarget: string;
  currentTarget: string;
}

export interface VerticalMark {
  xAxis: string;
  name: string;
  label: { formatter: string; position: 'end'; color: string; distance?: [number, number]; fontWeight?: 'bold' };
  lineStyle: { color: string; type: 'solid' | 'dashed' | 'dotted'; width: number };
}

function verticalMark(xAxis: string, text: string, color: string, type: VerticalMark['lineStyle']['type'], width = 1.5): VerticalMark {
  return { xAxis, name: text, label: { formatter: text, position: 'end', color }, lineStyle: { color, type, width } };
}

/** Vertical lines for the baseline and current target dates (one line when they are equal). */
export function targetDateMarks(baseline: string, current: string, labels: TargetDateLabels): VerticalMark[] {
  if (baseline === current) return [verticalMark(current, labels.target, TARGET_LINE_COLOR, 'solid')];
  return [
    verticalMark(baseline, labels.baselineTarget, BASELINE_LINE_COLOR, 'dashed'),
    verticalMark(current, labels.currentTarget, TARGET_LINE_COLOR, 'solid'),
  ];
}

/**
 * The as-of line, unless a target line already sits on that day (two labels would overlap, and
 * the target label already names the date).
 */
export function asOfMarks(asOf: string, label: string, taken: readonly VerticalMark[]): VerticalMark[] {
  if (taken.some((m) => m.xAxis === asOf)) return [];
  return [verticalMark(asOf, label, AS_OF_LINE_COLOR, 'dotted', 1)];
}

/** A label is about this share of the plot's width; closer lines get their labels stacked. */
const LABEL_SHARE_OF_AXIS = 0.14;
/** Pixels between the plot's top edge and the lowest label, and between stacked labels. */
const LABEL_GAP_PX = 6;
const LABEL_ROW_PX = 16;
/** Rows of stacked labels the grid leaves room for above the plot. */
export const LABEL_ROWS = 3;

/**
 * Labels sit horizontally above the plot, centred on their line (rotated labels along the line
 * would cross the curves). Lines closer than a label's width get their labels on separate rows.
 */
export function stackVerticalLabels(marks: readonly VerticalMark[], axisStart: string, axisEnd: string): VerticalMark[] {
  const span = Math.max(1, daysBetween(axisStart, axisEnd));
  const rows: string[][] = [];
  return [...marks]
    .sort((a, b) => a.xAxis.localeCompare(b.xAxis))
    .map((m) => {
      let row = rows.findIndex((dates) => dates.every((d) => Math.abs(daysBetween(d, m.xAxis)) / span >= LABEL_SHARE_OF_AXIS));
      if (row === -1) row = Math.min(rows.length, LABEL_ROWS - 1);
      (rows[row] ??= []).push(m.xAxis);
      return { ...m, label: { ...m.label, distance: [0, LABEL_GAP_PX + row * LABEL_ROW_PX] as [number, number] } };
    });
}

/** Room above the plot for the stacked labels (and the y-axis name). */
export const GRID_TOP_PX = 24 + LABEL_ROWS * LABEL_ROW_PX;

/** The axis runs a little past its last date so a label centred on a line at the end still fits. */
export function paddedAxisEnd(start: string, end: string): string {
  return addDays(end, Math.ceil(Math.max(1, daysBetween(start, end)) * 0.05));
}

export interface ChartAnnotation {
  date: string;
  /** Already in the reader's language. */
  title: string;
  sourceNote: string | null;
  sourceUrl: string | null;
  isIllustrative: boolean;
}

export interface AnnotationLabels {
  /** e.g. "Source: {source}" already applied. */
  source: (note: string) => string;
  illustrative: string;
  /** Shown when the pin links to its source. */
  openSource: string;
}

export interface AnnotationPin {
  name: string;
  coord: [string, number];
  value: number;
  /** Read by the component's click handler. */
  sourceUrl: string | null;
  tooltipHtml: string;
}

export function annotationTooltipHtml(a: ChartAnnotation, labels: AnnotationLabels): string {
  const lines = [`<strong>${escapeHtml(a.date)}</strong>`, escapeHtml(a.title)];
  if (a.sourceNote) lines.push(`<span style="color:#595959">${escapeHtml(labels.source(a.sourceNote))}</span>`);
  if (a.isIllustrative) lines.push(`<em>${escapeHtml(labels.illustrative)}</em>`);
  if (isHttpUrl(a.sourceUrl)) lines.push(`<span style="color:#1f5fae">${escapeHtml(labels.openSource)}</span>`);
  return `<div style="max-width:320px;white-space:normal">${lines.join('<br/>')}</div>`;
}

/** Numbered pins, placed on the line at the event's date (`yAt` reads the line there). */
export function annotationPins(
  annotations: readonly ChartAnnotation[],
  yAt: (date: string) => number,
  labels: AnnotationLabels,
): AnnotationPin[] {
  return annotations.map((a, i) => ({
    name: a.title,
    coord: [a.date, yAt(a.date)],
    value: i + 1,
    // Only web links open from a chart; anything else (javascript:, data:) is dropped.
    sourceUrl: isHttpUrl(a.sourceUrl) ? a.sourceUrl : null,
    tooltipHtml: annotationTooltipHtml(a, labels),
  }));
}

export function annotationMarkPoint(pins: readonly AnnotationPin[]) {
  return {
    symbol: 'pin',
    symbolSize: 30,
    itemStyle: { color: ANNOTATION_COLOR },
    label: { show: true, color: '#ffffff', fontSize: 11, formatter: '{c}' },
    tooltip: {
      trigger: 'item' as const,
      formatter: (params: { data?: { tooltipHtml?: string } }) => params.data?.tooltipHtml ?? '',
    },
    data: pins.map((p) => ({ ...p })),
  };
}

export interface ProjectionLine {
  /** [[from date, from value], [to date, to value]]. */
  data: [[string, number], [string, number]];
  /** True when the projected date lies past the chart's end and the line stops at the edge. */
  isClipped: boolean;
}

/**
 * The dotted line from the last actual value to the goal on the projected date; stopped at
 * `chartEnd` (at the value it would have there) when the projection lies beyond it.
 */
export function projectionLine(
  from: { date: string; value: number },
  to: { date: string; value: number },
  chartEnd: string,
): ProjectionLine {
  if (to.date <= chartEnd) return { data: [[from.date, from.value], [to.date, to.value]], isClipped: false };
  const share = daysBetween(from.date, chartEnd) / daysBetween(from.date, to.date);
  const value = Math.round((from.value + (to.value - from.value) * share) * 10) / 10;
  return { data: [[from.date, from.value], [chartEnd, value]], isClipped: true };
}

/** How far past the target (or the last plan) the chart may run to show a late projection. */
export const PROJECTION_VIEW_DAYS_PAST_TARGET = 2 * 365;

/** The chart's last day: the later of the given dates, but a far projection no further than the cap. */
export function chartEndDate(fixed: readonly string[], projected: string | null): string {
  const end = fixed.reduce((a, b) => (a > b ? a : b));
  if (!projected || projected <= end) return end;
  const cap = addDays(end, PROJECTION_VIEW_DAYS_PAST_TARGET);
  return projected < cap ? projected : cap;
}

// ---------------------------------------------------------------------------------------------
// Option pieces shared by the burn-up and the metric chart.

/** Room for the stacked vertical labels above, the legend below, the axis names at the sides. */
export const TIMELINE_GRID = { left: 56, right: 40, top: GRID_TOP_PX, bottom: 48, containLabel: true };

export function timeXAxis(min: string, max: string) {
  return { type: 'time' as const, min, max, axisLabel: { hideOverlap: true } };
}

export interface ProjectionLabels {
  projection: string;
  projectedCompletion: string;
  projectedBeyond: string;
}

/** What every time-axis chart labels, beyond its own series. */
export interface TimelineChartLabels extends TargetDateLabels, AnnotationLabels, ProjectionLabels {
  /** e.g. "As of 2021-10-02". */
  asOf: string;
  /** y-axis name, e.g. "Cities live". */
  yAxis: string;
  /** A value as the tooltip shows it, e.g. "49 cities" or "85%". */
  formatValue: (value: number) => string;
  ariaLabel: string;
}

export interface TimelineFrameInput {
  asOf: string;
  targetDate: string;
  baselineTargetDate: string;
  /** Dates the x-axis starts at or before (the first point, the program start). */
  startDates: readonly string[];
  /** Further dates the x-axis reaches (e.g. the last plan point). */
  endDates: readonly string[];
  projection: Projection | null;
  /** The projection runs from here to `goal` on the projected date; null for either: none drawn. */
  projectFrom: { date: string; value: number } | null;
  goal: number | null;
  annotations: readonly ChartAnnotation[];
  /** The drawn line's value at the end of a date, where a pin for that date sits. */
  valueAt: (date: string) => number;
}

/** The value of a step line at the end of `date`: the last point on or before it, else 0. */
export function stepValueAt<T extends { date: string }>(points: readonly T[], date: string, value: (p: T) => number): number {
  let current = 0;
  for (const p of points) {
    if (p.date > date) break;
    current = value(p);
  }
  return current;
}

/**
 * The time frame both the burn-up and the metric chart draw in: the x-axis from the earliest
 * point or pin to the target dates (and the projection, capped), the projection line, the pins
 * of the annotations up to the as-of date, and the vertical target and as-of lines.
 */
export function timelineFrame(input: TimelineFrameInput, labels: TargetDateLabels & AnnotationLabels & { asOf: string }) {
  const { asOf, projection, projectFrom, goal } = input;
  const completion = projection !== null && projection.health !== 'COMPLETE' ? projection.completionDate : null;
  const projected = completion !== null && projectFrom !== null && goal !== null ? completion : null;
  const end = chartEndDate([asOf, input.targetDate, input.baselineTargetDate, ...input.endDates], projected);
  const line =
    projected !== null && projectFrom !== null && goal !== null
      ? projectionLine(projectFrom, { date: projected, value: goal }, end)
      : null;
  const visibleAnnotations = input.annotations.filter((a) => a.date <= asOf);
  const firstDate = [...input.startDates, ...visibleAnnotations.map((a) => a.date)].reduce((a, b) => (a < b ? a : b));
  const targetMarks = targetDateMarks(input.baselineTargetDate, input.targetDate, labels);
  const axisEnd = paddedAxisEnd(firstDate, end);
  return {
    line,
    xAxis: timeXAxis(firstDate, axisEnd),
    pins: annotationPins(visibleAnnotations, input.valueAt, labels),
    verticalMarks: stackVerticalLabels([...targetMarks, ...asOfMarks(asOf, labels.asOf, targetMarks)], firstDate, axisEnd),
    healthColor: projection ? HEALTH_COLORS[projection.health] : HEALTH_COLORS.ON_TRACK,
  };
}

/** The dotted projection from the last actual point to the projected completion, labelled at its end. */
export function projectionSeries(line: ProjectionLine, color: string, labels: ProjectionLabels, symbol?: 'circle') {
  return {
    id: 'projection',
    name: labels.projection,
    type: 'line' as const,
    data: line.data,
    showSymbol: true,
    ...(symbol ? { symbol } : {}),
    symbolSize: 7,
    lineStyle: { color, width: 2, type: 'dotted' as const },
    itemStyle: { color },
    label: {
      show: true,
      position: 'top' as const,
      color,
      fontWeight: 'bold' as const,
      // Only the end point is labelled; the start is the last actual point.
      formatter: (p: { dataIndex: number }) => (p.dataIndex === 1 ? (line.isClipped ? labels.projectedBeyond : labels.projectedCompletion) : ''),
    },
    tooltip: { show: false },
    z: 4,
  };
}

/**
 * Reference lines (targets, as-of, denominator) on an empty series of their own, so hiding a data
 * series in the legend keeps them.
 */
export function referenceLinesSeries(data: readonly object[]) {
  return {
    id: 'marks',
    name: 'marks',
    type: 'line' as const,
    data: [],
    silent: true,
    markLine: { silent: true, symbol: ['none', 'none'], animation: false, data: [...data] },
  };
}
