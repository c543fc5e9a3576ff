import { describe, expect, it } from 'vitest';
import { buildLiveLinesOption, toLiveLines, type ProgramLiveHistory } from './institutions-over-time';

const bankApps: ProgramLiveHistory = {
  slug: 'bank-apps',
  name: 'Bank apps',
  denominator: 28,
  startDate: '2021-01-01',
  steps: [
    { date: '2021-03-20', live: 1 },
    { date: '2021-10-01', live: 23 },
    { date: '2021-12-02', live: 28 },
  ],
};

describe('toLiveLines', () => {
  it('starts at zero on the start date, steps at each change and runs flat to the end date', () => {
    const [line] = toLiveLines([bankApps], '2022-06-30');
    expect(line!.data).toEqual([
      ['2021-01-01', 0],
      ['2021-03-20', 1],
      ['2021-10-01', 23],
      ['2021-12-02', 28],
      ['2022-06-30', 28],
    ]);
    expect(line!.final).toBe(28);
    expect(line!.denominator).toBe(28);
  });

  it('leaves out changes after the end date, so the final count is the count on that date', () => {
    const [line] = toLiveLines([bankApps], '2021-10-02');
    expect(line!.final).toBe(23);
    expect(line!.data[line!.data.length - 1]).toEqual(['2021-10-02', 23]);
  });

  it('a program with no live institution yet is a flat line at zero', () => {
    const [line] = toLiveLines([{ ...bankApps, steps: [] }], '2021-02-01');
    expect(line!.data).toEqual([
      ['2021-01-01', 0],
      ['2021-02-01', 0],
    ]);
    expect(line!.final).toBe(0);
  });

  it('counts going down (a paused institution) are kept', () => {
    const [line] = toLiveLines([{ ...bankApps, steps: [{ date: '2021-02-01', live: 2 }, { date: '2021-02-08', live: 1 }] }], '2021-02-10');
    expect(line!.data.map(([, v]) => v)).toEqual([0, 2, 1, 1]);
  });
});

describe('buildLiveLinesOption', () => {
  it('one step line per program, named with live / denominator, and the denominator drawn', () => {
    const lines = toLiveLines([bankApps, { ...bankApps, slug: 'wallets', name: 'Wallets', denominator: 5, steps: [] }], '2022-01-01');
    const option = buildLiveLinesOption(lines, {
      lineName: (l) => `${l.name} ${l.final}/${l.denominator}`,
      denominator: (l) => `all ${l.denominator}`,
      yAxis: 'institutions',
      ariaLabel: 'chart',
    });
    expect(option.series.map((s) => s.name)).toEqual(['Bank apps 28/28', 'Wallets 0/5']);
    expect(option.series.every((s) => s.step === 'end')).toBe(true);
    expect(option.series[0]!.markLine.data[0]!.yAxis).toBe(28);
    expect(option.series[1]!.markLine.data[0]!.yAxis).toBe(5);
    expect(option.yAxis.max).toBeGreaterThanOrEqual(28);
    expect(option.legend.data).toEqual(['Bank apps 28/28', 'Wallets 0/5']);
  });
});
