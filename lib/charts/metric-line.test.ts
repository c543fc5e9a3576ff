import { describe, expect, it } from 'vitest';
import { projectCompletion } from '../coverage/projection';
import type { MetricSeriesDto } from '../coverage/series';
import { buildMetricOption, toMetricData, type MetricLabels } from './metric-line';
import { HEALTH_COLORS } from './timeline-marks';

const labels: MetricLabels = {
  metric: 'Share of merchants',
  targetValue: 'Target 85%',
  projection: 'Projection',
  asOf: 'As of',
  projectedCompletion: 'Projected',
  projectedBeyond: 'Projected later',
  yAxis: 'Share',
  target: 'Target 2021-10-02',
  baselineTarget: 'Baseline target',
  currentTarget: 'Current target',
  source: (note) => `Source: ${note}`,
  illustrative: 'Illustrative',
  openSource: 'Click to open the source',
  formatValue: (v) => `${v}%`,
  ariaLabel: 'Metric chart',
};

function fixture(asOf: string): MetricSeriesDto {
  const all = [
    { date: '2021-09-11', value: 4.5, sourceNote: null, sourceUrl: null, isIllustrative: true },
    { date: '2021-09-18', value: 17.8, sourceNote: null, sourceUrl: null, isIllustrative: true },
    { date: '2021-09-25', value: 51.6, sourceNote: null, sourceUrl: null, isIllustrative: true },
    { date: '2021-10-02', value: 85, sourceNote: 'Alipay <statement>', sourceUrl: null, isIllustrative: false },
  ];
  return {
    kind: 'METRIC',
    asOf,
    startDate: '2021-08-01',
    baselineTargetDate: '2021-10-02',
    targetDate: '2021-10-02',
    targetValue: 85,
    points: all.filter((p) => p.date <= asOf),
  };
}

function project(s: MetricSeriesDto) {
  return projectCompletion({
    asOf: s.asOf,
    startDate: s.startDate,
    goal: s.targetValue ?? 0,
    targetDate: s.targetDate,
    steps: s.points.map((p) => ({ date: p.date, value: p.value })),
  });
}

type Option = ReturnType<typeof buildMetricOption>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a loosely typed ECharts option in assertions
const seriesById = (o: Option, id: string): any => o.series.find((s) => s.id === id);

describe('buildMetricOption', () => {
  it('plots the percentage on a 0-100% axis, sourced values filled, illustrative ones hollow', () => {
    const s = fixture('2021-10-02');
    const o = buildMetricOption({ series: s, projection: project(s), annotations: [] }, labels);
    expect([o.yAxis.min, o.yAxis.max, o.yAxis.axisLabel.formatter]).toEqual([0, 100, '{value}%']);
    const data = seriesById(o, 'metric').data;
    expect(data.map((d: { value: unknown; symbol: string }) => [d.value, d.symbol])).toEqual([
      [['2021-09-11', 4.5], 'emptyCircle'],
      [['2021-09-18', 17.8], 'emptyCircle'],
      [['2021-09-25', 51.6], 'emptyCircle'],
      [['2021-10-02', 85], 'circle'],
    ]);
  });

  it('draws the target value as a horizontal line and the target date as a vertical one', () => {
    const s = fixture('2021-10-02');
    const o = buildMetricOption({ series: s, projection: project(s), annotations: [] }, labels);
    const marks = seriesById(o, 'marks').markLine.data;
    expect(marks.find((m: { yAxis?: number }) => m.yAxis !== undefined)).toMatchObject({ yAxis: 85, label: { formatter: 'Target 85%' } });
    // As of the target date itself: one vertical line, not two overlapping labels.
    expect(marks.filter((m: { xAxis?: string }) => m.xAxis !== undefined).map((m: { label: { formatter: string } }) => m.label.formatter)).toEqual([
      'Target 2021-10-02',
    ]);
  });

  it('reached: no projection line', () => {
    const s = fixture('2021-10-02');
    const p = project(s);
    expect(p.health).toBe('COMPLETE');
    expect(seriesById(buildMetricOption({ series: s, projection: p, annotations: [] }, labels), 'projection')).toBeUndefined();
  });

  it('not yet reached: a dotted projection to the target value, coloured by health', () => {
    const s = fixture('2021-09-25');
    const p = project(s);
    expect(p.health).toBe('AT_RISK');
    const o = buildMetricOption({ series: s, projection: p, annotations: [] }, labels);
    const line = seriesById(o, 'projection');
    expect(line.lineStyle).toMatchObject({ type: 'dotted', color: HEALTH_COLORS.AT_RISK });
    expect(line.data).toEqual([
      ['2021-09-25', 51.6],
      [p.completionDate, 85],
    ]);
    // The as-of line is drawn when it is not on the target date.
    const vertical = seriesById(o, 'marks').markLine.data.filter((m: { xAxis?: string }) => m.xAxis !== undefined);
    expect(vertical.map((m: { xAxis: string }) => m.xAxis)).toEqual(['2021-09-25', '2021-10-02']);
  });

  it('tooltips name the source and flag illustrative values, escaped', () => {
    const [illustrative, sourced] = toMetricData(fixture('2021-10-02').points.slice(2), labels);
    expect(illustrative?.tooltipHtml).toContain('Illustrative');
    expect(sourced?.tooltipHtml).toContain('Source: Alipay &lt;statement&gt;');
    expect(sourced?.tooltipHtml).not.toContain('Illustrative');
    const o = buildMetricOption({ series: fixture('2021-10-02'), projection: null, annotations: [] }, labels);
    expect((o.tooltip.formatter as (p: { data?: { tooltipHtml?: string } }) => string)({ data: sourced })).toBe(sourced?.tooltipHtml);
  });

  it('a metric without a target value draws no target line and no projection', () => {
    const s = { ...fixture('2021-09-25'), targetValue: null };
    const o = buildMetricOption({ series: s, projection: null, annotations: [] }, labels);
    expect(seriesById(o, 'marks').markLine.data.some((m: { yAxis?: number }) => m.yAxis !== undefined)).toBe(false);
    expect(seriesById(o, 'projection')).toBeUndefined();
  });
});
