import { describe, expect, it } from 'vitest';
import {
  annotationPins,
  LABEL_ROWS,
  asOfMarks,
  chartEndDate,
  escapeHtml,
  niceCeiling,
  paddedAxisEnd,
  projectionLine,
  stackVerticalLabels,
  targetDateMarks,
} from './timeline-marks';

describe('timeline marks', () => {
  it('rounds the y-axis ceiling up to a readable number', () => {
    expect([niceCeiling(354), niceCeiling(29.4), niceCeiling(32.6), niceCeiling(100), niceCeiling(0)]).toEqual([400, 30, 40, 100, 1]);
  });

  it('links a pin to its source only for http(s) sources', () => {
    const labels = { source: (note: string) => note, illustrative: 'illustrative', openSource: 'open' };
    const pin = (sourceUrl: string | null) =>
      annotationPins([{ date: '2021-10-02', title: 'x', sourceNote: null, sourceUrl, isIllustrative: false }], () => 1, labels)[0];
    expect(pin('https://www.caixin.com/x?a=1')).toMatchObject({ sourceUrl: 'https://www.caixin.com/x?a=1' });
    expect(pin('https://www.caixin.com/x?a=1')?.tooltipHtml).toContain('open');
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'not a url', null]) {
      expect(pin(bad)?.sourceUrl, String(bad)).toBeNull();
      expect(pin(bad)?.tooltipHtml).not.toContain('open');
    }
  });

  it('escapes HTML for tooltips', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });

  it('stops a projection at the chart edge at the value it would have there', () => {
    expect(projectionLine({ date: '2021-01-01', value: 0 }, { date: '2021-01-11', value: 100 }, '2021-01-06')).toEqual({
      data: [['2021-01-01', 0], ['2021-01-06', 50]],
      isClipped: true,
    });
    expect(projectionLine({ date: '2021-01-01', value: 0 }, { date: '2021-01-11', value: 100 }, '2021-02-01').isClipped).toBe(false);
  });

  it('extends the chart to a projection, at most two years past the fixed dates', () => {
    expect(chartEndDate(['2021-10-02', '2022-03-31'], null)).toBe('2022-03-31');
    expect(chartEndDate(['2021-10-02', '2022-03-31'], '2022-01-01')).toBe('2022-03-31');
    expect(chartEndDate(['2021-10-02', '2022-03-31'], '2024-01-29')).toBe('2024-01-29');
    expect(chartEndDate(['2021-10-02', '2022-03-31'], '2040-01-01')).toBe('2024-03-30');
  });

  it('stacks the labels of lines closer than a label width, and leaves distant ones on one row', () => {
    const [baseline, current] = targetDateMarks('2027-03-31', '2027-06-30', { target: 'T', baselineTarget: 'B', currentTarget: 'C' });
    const asOf = asOfMarks('2027-03-20', 'A', [baseline!, current!]);
    // Axis of about 16 months: 11 days apart collide, 3 months apart do not.
    const stacked = stackVerticalLabels([current!, baseline!, ...asOf], '2026-03-01', '2027-07-15');
    expect(stacked.map((m) => [m.xAxis, m.label.distance])).toEqual([
      ['2027-03-20', [0, 6]],
      ['2027-03-31', [0, 22]],
      ['2027-06-30', [0, 6]],
    ]);
    expect(stacked.every((m) => m.label.position === 'end')).toBe(true);
    // Same day as a target: no separate as-of line.
    expect(asOfMarks('2027-06-30', 'A', [current!])).toEqual([]);
  });

  it('never stacks more rows than the grid leaves room for', () => {
    const marks = ['2021-01-01', '2021-01-02', '2021-01-03', '2021-01-04', '2021-01-05'].map((d) => asOfMarks(d, d, [])[0]!);
    const rows = new Set(stackVerticalLabels(marks, '2021-01-01', '2021-12-31').map((m) => m.label.distance?.[1]));
    expect(rows.size).toBe(LABEL_ROWS);
  });

  it('pads the axis end by 5% of the span', () => {
    expect(paddedAxisEnd('2021-01-01', '2021-01-21')).toBe('2021-01-22');
  });
});
