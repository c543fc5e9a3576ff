import { describe, expect, it } from 'vitest';
import { countStatuses, groupCoverage, ratio, toPercent } from './summarise';

describe('coverage arithmetic', () => {
  it('rounds percentages to one decimal and refuses a zero denominator', () => {
    expect(toPercent(7, 337)).toBe(2.1);
    expect(toPercent(337, 337)).toBe(100);
    expect(toPercent(0, 0)).toBeNull();
    expect(ratio(23, 28)).toEqual({ live: 23, denominator: 28, percent: 82.1 });
  });

  it('counts every status, zeros included', () => {
    expect(countStatuses(['LIVE', 'LIVE', 'PAUSED'])).toEqual({
      NOT_STARTED: 0,
      PLANNED: 0,
      IN_PROGRESS: 0,
      PILOT: 0,
      LIVE: 2,
      PAUSED: 1,
    });
  });

  it('rolls cities up to provinces with their own denominators', () => {
    const groups = groupCoverage(
      [
        { code: '4401', status: 'LIVE' },
        { code: '4403', status: 'PLANNED' },
        { code: '1100', status: 'LIVE' },
      ],
      (code) => code.slice(0, 2),
    );
    expect(groups.map((g) => [g.code, g.live, g.denominator, g.percent])).toEqual([
      ['11', 1, 1, 100],
      ['44', 1, 2, 50],
    ]);
  });
});
