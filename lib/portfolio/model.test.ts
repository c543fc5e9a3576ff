import { describe, expect, it } from 'vitest';
import type { CountSeriesSourceDto } from '../coverage/series-model';
import { buildPortfolio, type PortfolioProgramSource } from './model';

function source(slug: string, steps: Array<[string, number]>, options: Partial<{ startDate: string; targetDate: string; baseline: string; denominator: number; stale: number }> = {}): PortfolioProgramSource {
  const startDate = options.startDate ?? '2021-01-04';
  const targetDate = options.targetDate ?? '2021-12-31';
  const denominator = options.denominator ?? 100;
  const series: CountSeriesSourceDto = {
    kind: 'COUNT',
    unit: 'CITY',
    end: '2022-12-31',
    startDate,
    baselineTargetDate: options.baseline ?? targetDate,
    targetDate,
    targetChanges: options.baseline ? [{ fromDate: options.baseline, toDate: targetDate, changedAt: '2021-03-01T02:00:00.000Z' }] : [],
    denominator,
    planDates: [],
    steps: steps.map(([date, live]) => ({ date, live })),
  };
  return {
    program: {
      slug,
      nameZh: slug,
      nameEn: slug,
      unit: 'CITY',
      scopeRule: 'ALL_PREFECTURE_CITIES',
      startDate,
      isIllustrative: false,
      baselineTargetDate: options.baseline ?? targetDate,
      staleAfterDays: 30,
    },
    series,
    staleness: { stale: options.stale ?? 0, rows: denominator },
  };
}

const weekly = (from: string, count: number, per: number): Array<[string, number]> =>
  Array.from({ length: count }, (_, i) => [new Date(Date.parse(`${from}T00:00:00Z`) + i * 7 * 86400000).toISOString().slice(0, 10), (i + 1) * per]);

describe('buildPortfolio', () => {
  const sources = [
    source('done', [['2021-03-01', 100]]),
    // 4 a week from March: 100 by mid-August, on track for the end of the year.
    source('steady', weekly('2021-03-01', 20, 4)),
    // 1 a week: far behind.
    source('slow', weekly('2021-03-01', 20, 1), { stale: 7 }),
    // Re-planned from September 2021 to March 2022; 2 a week reaches 100 before the new target.
    source('replanned', weekly('2021-03-01', 20, 2), { baseline: '2021-09-30', targetDate: '2022-03-31' }),
    source('future', [], { startDate: '2022-06-01', targetDate: '2023-06-01' }),
  ];

  it('sorts by risk: off track, at risk, on track, complete, not started', () => {
    const p = buildPortfolio(sources, '2021-07-15');
    expect(p.rows.map((r) => [r.slug, r.health])).toEqual([
      ['slow', 'OFF_TRACK'],
      ['replanned', 'ON_TRACK'],
      ['steady', 'ON_TRACK'],
      ['done', 'COMPLETE'],
      ['future', null],
    ]);
  });

  it('gives progress with its denominator, the change over the week, target dates and staleness', () => {
    const rows = buildPortfolio(sources, '2021-07-15').rows;
    const slow = rows.find((r) => r.slug === 'slow')!;
    expect([slow.live, slow.denominator, slow.percent, slow.changeSinceLastWeek, slow.staleness]).toEqual([20, 100, 20, 1, { stale: 7, rows: 100 }]);
    const replanned = rows.find((r) => r.slug === 'replanned')!;
    expect([replanned.baselineTargetDate, replanned.targetDate, replanned.isReplanned]).toEqual(['2021-09-30', '2022-03-31', true]);
    const future = rows.find((r) => r.slug === 'future')!;
    expect([future.isStarted, future.staleness, future.completionDate]).toEqual([false, null, null]);
  });

  it('puts the longer delay first within one health', () => {
    const p = buildPortfolio([source('a', weekly('2021-03-01', 20, 1)), source('b', weekly('2021-03-01', 20, 0.5))], '2021-07-15');
    expect(p.rows.map((r) => r.slug)).toEqual(['b', 'a']);
  });
});
