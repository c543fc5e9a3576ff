/**
 * A PERCENT program's metric over time (e.g. share of Taobao merchants accepting QuickPass):
 * metric series DTO + projection -> ECharts option (pure; no ECharts import, no i18n).
 *
 * Sourced values are drawn as filled dots, illustrative ones as hollow dots, so a reader can tell
 * the published 85% from the invented ramp without the tooltip. The target value is a horizontal
 * line, the target dates vertical ones, the projection (when not yet reached) dotted.
 */
import type { Projection } from '../coverage/projection';
import type { MetricPointDto, MetricSeriesDto } from '../coverage/series';
import {
  TARGET_LINE_COLOR,
  annotationMarkPoint,
  escapeHtml,
  projectionSeries,
  referenceLinesSeries,
  stepValueAt,
  timelineFrame,
  TIMELINE_GRID,
  type ChartAnnotation,
  type TimelineChartLabels,
} from './timeline-marks';

export const METRIC_COLOR = '#1f5fae';

export interface MetricLabels extends TimelineChartLabels {
  /** Series name, e.g. "Share of merchants". */
  metric: string;
  /** e.g. "Target 85%". */
  targetValue: string;
}

export interface MetricInput {
  series: MetricSeriesDto;
  projection: Projection | null;
  annotations: readonly ChartAnnotation[];
}

export interface MetricDatum {
  value: [string, number];
  symbol: 'circle' | 'emptyCircle';
  symbolSize: number;
  tooltipHtml: string;
}

export function toMetricData(points: readonly MetricPointDto[], labels: Pick<MetricLabels, 'formatValue' | 'source' | 'illustrative'>): MetricDatum[] {
  return points.map((p) => {
    const lines = [`<strong>${escapeHtml(p.date)}</strong>`, escapeHtml(labels.formatValue(p.value))];
    if (p.sourceNote) lines.push(`<span style="color:#595959">${escapeHtml(labels.source(p.sourceNote))}</span>`);
    if (p.isIllustrative) lines.push(`<em>${escapeHtml(labels.illustrative)}</em>`);
    return {
      value: [p.date, p.value],
      symbol: p.isIllustrative ? 'emptyCircle' : 'circle',
      symbolSize: p.isIllustrative ? 6 : 10,
      tooltipHtml: `<div style="max-width:320px;white-space:normal">${lines.join('<br/>')}</div>`,
    };
  });
}

export function buildMetricOption({ series, projection, annotations }: MetricInput, labels: MetricLabels) {
  const last = series.points[series.points.length - 1];
  const goal = series.targetValue;
  const { line, xAxis, pins, verticalMarks, healthColor } = timelineFrame(
    {
      asOf: series.asOf,
      targetDate: series.targetDate,
      baselineTargetDate: series.baselineTargetDate,
      startDates: [series.points[0]?.date ?? series.startDate, series.startDate],
      endDates: [],
      projection,
      projectFrom: last ? { date: series.asOf, value: last.value } : null,
      goal,
      annotations,
      valueAt: (date) => stepValueAt(series.points, date, (p) => p.value),
    },
    labels,
  );

  return {
    animation: false,
    grid: TIMELINE_GRID,
    legend: { bottom: 0, data: [labels.metric, ...(line ? [labels.projection] : [])] },
    tooltip: {
      trigger: 'item' as const,
      formatter: (params: { data?: { tooltipHtml?: string } }) => params.data?.tooltipHtml ?? '',
    },
    xAxis,
    yAxis: {
      type: 'value' as const,
      name: labels.yAxis,
      min: 0,
      max: 100,
      axisLabel: { formatter: '{value}%' },
    },
    series: [
      {
        id: 'metric',
        name: labels.metric,
        type: 'line' as const,
        data: toMetricData(series.points, labels),
        showSymbol: true,
        lineStyle: { color: METRIC_COLOR, width: 2.5 },
        itemStyle: { color: METRIC_COLOR },
        areaStyle: { color: METRIC_COLOR, opacity: 0.1 },
        z: 3,
        markPoint: annotationMarkPoint(pins),
      },
      ...(line ? [projectionSeries(line, healthColor, labels)] : []),
      referenceLinesSeries([
        ...(goal !== null
          ? [
              {
                yAxis: goal,
                name: labels.targetValue,
                label: { formatter: labels.targetValue, position: 'insideStartTop' as const, color: TARGET_LINE_COLOR },
                lineStyle: { color: TARGET_LINE_COLOR, type: 'dashed' as const, width: 1.5 },
              },
            ]
          : []),
        ...verticalMarks,
      ]),
    ],
  };
}
