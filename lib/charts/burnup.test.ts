import { describe, expect, it } from 'vitest';
import { projectCompletion, type Projection } from '../coverage/projection';
import type { CountSeriesDto } from '../coverage/series';
import { ACTUAL_COLOR, buildBurnupOption, formatAxisTooltip, type BurnupLabels } from './burnup';
import { HEALTH_COLORS, type ChartAnnotation } from './timeline-marks';

const labels: BurnupLabels = {
  actual: 'Cities live',
  plan: 'Plan',
  projection: 'Projection',
  denominator: 'All 10 cities',
  asOf: 'As of 2021-03-08',
  projectedCompletion: 'Projected 2021-04-12',
  projectedBeyond: 'Projected later (beyond the chart)',
  yAxis: 'Cities',
  target: 'Target 2021-06-30',
  baselineTarget: 'Baseline target 2021-05-31',
  currentTarget: 'Current target 2021-06-30',
  source: (note) => `Source: ${note}`,
  illustrative: 'Illustrative',
  openSource: 'Click to open the source',
  formatValue: (v) => `${v} cities`,
  tooltipRow: (series, value) => `${series}: ${value}`,
  ariaLabel: 'Burn-up chart',
};

/** 10 cities; 2 live on 01-04, then one more every Monday to 6 on 03-01, as of Monday 03-08. */
function fixture(overrides: Partial<CountSeriesDto> = {}): CountSeriesDto {
  const mondays = ['2021-01-04', '2021-01-11', '2021-01-18', '2021-01-25', '2021-02-01', '2021-02-08', '2021-02-15', '2021-02-22', '2021-03-01', '2021-03-08'];
  const live = [2, 2, 2, 2, 2, 3, 4, 5, 6, 6];
  return {
    kind: 'COUNT',
    unit: 'CITY',
    asOf: '2021-03-08',
    startDate: '2021-01-01',
    denominator: 10,
    baselineTargetDate: '2021-06-30',
    targetDate: '2021-06-30',
    points: mondays.map((date, i) => ({ date, live: live[i]!, plan: Math.min(10, i + 1) })),
    plan: [...mondays, '2021-03-15', '2021-06-30'].map((date, i) => ({ date, plan: Math.min(10, i + 1) })),
    steps: [
      { date: '2021-01-04', live: 2 },
      { date: '2021-02-08', live: 3 },
      { date: '2021-02-15', live: 4 },
      { date: '2021-02-22', live: 5 },
      { date: '2021-03-01', live: 6 },
    ],
    completedOn: null,
    ...overrides,
  };
}

function project(series: CountSeriesDto): Projection {
  return projectCompletion({
    asOf: series.asOf,
    goal: series.denominator,
    targetDate: series.targetDate,
    steps: series.steps.map((s) => ({ date: s.date, value: s.live })),
    completedOn: series.completedOn,
  });
}

type Option = ReturnType<typeof buildBurnupOption>;
type AnySeries = Option['series'][number] & Record<string, unknown>;
const byId = (o: Option, id: string) => o.series.find((s) => s.id === id) as AnySeries | undefined;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a loosely typed ECharts option in assertions
const markLineData = (o: Option): any[] => (byId(o, 'marks') as any).markLine.data;

describe('buildBurnupOption', () => {
  const series = fixture();
  const projection = project(series);

  it('draws the actual count solid with an area, the plan dashed, on a time axis', () => {
    const o = buildBurnupOption({ series, projection, annotations: [] }, labels);
    expect(o.xAxis.type).toBe('time');
    const actual = byId(o, 'actual')!;
    expect(actual.name).toBe('Cities live');
    expect(actual.lineStyle).toMatchObject({ type: 'solid', color: ACTUAL_COLOR });
    expect(actual.areaStyle).toBeDefined();
    expect(actual.data).toEqual(series.points.map((p) => [p.date, p.live]));
    const plan = byId(o, 'plan')!;
    expect(plan.lineStyle).toMatchObject({ type: 'dashed' });
    // The plan runs on past the as-of date to the target.
    expect((plan.data as [string, number][]).at(-1)).toEqual(['2021-06-30', 10]);
  });

  it('draws the denominator as a labelled horizontal line, and the y axis reaches above it', () => {
    const o = buildBurnupOption({ series, projection, annotations: [] }, labels);
    expect(markLineData(o).find((d) => d.yAxis !== undefined)).toMatchObject({ yAxis: 10, label: { formatter: 'All 10 cities' } });
    expect(o.yAxis.max).toBeGreaterThan(10);
    expect(o.yAxis.min).toBe(0);
  });

  it('one target line when baseline and current target are the same day', () => {
    const o = buildBurnupOption({ series, projection, annotations: [] }, labels);
    const vertical = markLineData(o).filter((d) => d.xAxis !== undefined);
    expect(vertical.map((d) => [d.xAxis, d.label.formatter])).toEqual([
      ['2021-03-08', 'As of 2021-03-08'],
      ['2021-06-30', 'Target 2021-06-30'],
    ]);
    // Labels lie flat above the plot, not along the line across the curves.
    expect(vertical.every((d) => d.label.position === 'end')).toBe(true);
  });

  it('two labelled target lines after a re-plan, the baseline dashed', () => {
    const replanned = fixture({ baselineTargetDate: '2021-05-31' });
    const o = buildBurnupOption({ series: replanned, projection: project(replanned), annotations: [] }, labels);
    const vertical = markLineData(o).filter((d) => d.xAxis !== undefined && d.xAxis !== replanned.asOf);
    expect(vertical.map((d) => [d.xAxis, d.label.formatter, d.lineStyle.type])).toEqual([
      ['2021-05-31', 'Baseline target 2021-05-31', 'dashed'],
      ['2021-06-30', 'Current target 2021-06-30', 'solid'],
    ]);
  });

  it('projects a dotted line from the last actual point to the denominator on the projected date', () => {
    // 4 gained in 8 weeks = 0.5 a week; 4 to go -> 8 weeks -> 2021-05-03: on track for 06-30.
    expect([projection.health, projection.completionDate]).toEqual(['ON_TRACK', '2021-05-03']);
    const o = buildBurnupOption({ series, projection, annotations: [] }, labels);
    const p = byId(o, 'projection')!;
    expect(p.lineStyle).toMatchObject({ type: 'dotted', color: HEALTH_COLORS.ON_TRACK });
    expect(p.data).toEqual([
      ['2021-03-08', 6],
      ['2021-05-03', 10],
    ]);
    const format = (p.label as { formatter: (x: { dataIndex: number }) => string }).formatter;
    expect([format({ dataIndex: 0 }), format({ dataIndex: 1 })]).toEqual(['', 'Projected 2021-04-12']);
    expect(o.legend.data).toEqual(['Cities live', 'Plan', 'Projection']);
  });

  it('colours the projection by health', () => {
    const late = fixture({ targetDate: '2021-04-01', baselineTargetDate: '2021-04-01' });
    const p = project(late);
    expect(p.health).toBe('OFF_TRACK');
    const o = buildBurnupOption({ series: late, projection: p, annotations: [] }, labels);
    expect(byId(o, 'projection')!.lineStyle).toMatchObject({ color: HEALTH_COLORS.OFF_TRACK });
  });

  it('no projection line when complete or when nothing moved in the window', () => {
    const done = fixture({ steps: [...fixture().steps, { date: '2021-03-05', live: 10 }], completedOn: '2021-03-05' });
    const doneProjection = project(done);
    expect(doneProjection.health).toBe('COMPLETE');
    expect(byId(buildBurnupOption({ series: done, projection: doneProjection, annotations: [] }, labels), 'projection')).toBeUndefined();

    const stalled = fixture({ asOf: '2021-06-01', steps: [{ date: '2021-01-04', live: 2 }] });
    const stalledProjection = project(stalled);
    expect(stalledProjection.reason).toBe('NO_PROGRESS');
    const o = buildBurnupOption({ series: stalled, projection: stalledProjection, annotations: [] }, labels);
    expect(byId(o, 'projection')).toBeUndefined();
    expect(o.legend.data).toEqual(['Cities live', 'Plan']);
  });

  it('a projection years past the target stops at the chart edge and says so', () => {
    const slow = fixture({ steps: [{ date: '2021-01-04', live: 2 }, { date: '2021-03-01', live: 3 }] });
    const p = project(slow);
    // 1 in 8 weeks, 7 to go: 56 weeks.
    expect(p.completionDate).toBe('2022-04-04');
    const o = buildBurnupOption({ series: slow, projection: p, annotations: [] }, labels);
    const line = byId(o, 'projection')!.data as [string, number][];
    expect(line[1]![0]).toBe('2022-04-04');
    // The axis runs a little past the projected date so its label fits.
    expect(o.xAxis.max > '2022-04-04' && o.xAxis.max < '2022-06-01').toBe(true);

    const slower = fixture({ steps: [{ date: '2021-01-04', live: 2 }, { date: '2021-03-01', live: 2.1 }] as CountSeriesDto['steps'] });
    const q = project(slower);
    const clipped = buildBurnupOption({ series: slower, projection: q, annotations: [] }, labels);
    const clippedLine = byId(clipped, 'projection')!.data as [string, number][];
    expect(clippedLine[1]![0]).toBe('2023-06-30'); // two years past the target
    expect(clippedLine[1]![1]).toBeLessThan(10);
    const format = (byId(clipped, 'projection')!.label as { formatter: (x: { dataIndex: number }) => string }).formatter;
    expect(format({ dataIndex: 1 })).toBe('Projected later (beyond the chart)');
  });

  it('pins annotations up to the as-of date on the line, title and source in the tooltip, HTML escaped', () => {
    const annotations: ChartAnnotation[] = [
      { date: '2020-12-01', title: 'Plan <published>', sourceNote: 'Gazette & co', sourceUrl: 'https://example.org/a', isIllustrative: false },
      { date: '2021-02-15', title: 'Surge', sourceNote: null, sourceUrl: 'javascript:alert(1)', isIllustrative: true },
      { date: '2021-04-01', title: 'After the as-of date', sourceNote: null, sourceUrl: null, isIllustrative: false },
    ];
    const o = buildBurnupOption({ series, projection, annotations }, labels);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- loosely typed ECharts option
    const markPoint = (byId(o, 'actual') as any).markPoint;
    expect(markPoint.data.map((d: { coord: unknown; value: number }) => [d.coord, d.value])).toEqual([
      [['2020-12-01', 0], 1],
      [['2021-02-15', 4], 2],
    ]);
    const [first, second] = markPoint.data;
    expect(first.sourceUrl).toBe('https://example.org/a');
    expect(second.sourceUrl).toBeNull();
    const html = markPoint.tooltip.formatter({ data: first });
    expect(html).toContain('Plan &lt;published&gt;');
    expect(html).toContain('Source: Gazette &amp; co');
    expect(html).toContain('Click to open the source');
    expect(html).not.toContain('<published>');
    const html2 = markPoint.tooltip.formatter({ data: second });
    expect(html2).toContain('Illustrative');
    expect(html2).not.toContain('Click to open');
    // The axis starts early enough to show the first event.
    expect(o.xAxis.min).toBe('2020-12-01');
  });

  it('axis tooltip: the hovered date and the series that have a point on it, escaped', () => {
    const html = formatAxisTooltip(
      [
        { seriesName: 'Cities <live>', marker: '*', value: ['2021-03-08', 6], seriesId: 'actual' },
        { seriesName: 'Plan', marker: '*', value: ['2021-03-08', 9], seriesId: 'plan' },
        { seriesName: 'Projection', marker: '*', value: ['2021-05-03', 10], seriesId: 'projection' },
      ],
      labels,
    );
    expect(html).toBe('<strong>2021-03-08</strong><br/>*Cities &lt;live&gt;: 6 cities<br/>*Plan: 9 cities');
    expect(formatAxisTooltip([], labels)).toBe('');
  });
});
