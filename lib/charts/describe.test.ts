import { describe, expect, it } from 'vitest';
import type { Projection } from '../coverage/projection';
import type { CountSeriesDto } from '../coverage/series-model';
import { describeBurnup, describeCityStatuses, describeProvinceMap } from './describe';

const series: CountSeriesDto = {
  kind: 'COUNT',
  unit: 'CITY',
  asOf: '2021-10-02',
  startDate: '2020-12-01',
  denominator: 337,
  baselineTargetDate: '2022-03-31',
  targetDate: '2022-03-31',
  points: [
    { date: '2021-09-27', live: 47, plan: 60 },
    { date: '2021-10-02', live: 49, plan: 62 },
  ],
  plan: [],
} as unknown as CountSeriesDto;

const projection = (over: Partial<Projection>): Projection => ({
  health: 'OFF_TRACK',
  reason: 'PROJECTED_LATE',
  completionDate: '2024-01-29',
  velocityPerWeek: 2.5,
  windowWeeks: 8,
  current: 49,
  goal: 337,
  remaining: 288,
  targetDate: '2022-03-31',
  daysLate: 669,
  asOf: '2021-10-02',
  ...over,
});

describe('what the burn-up says', () => {
  it('live of all on the date, the target, and the completion at the recent pace', () => {
    expect(describeBurnup(series, projection({}))).toEqual({
      current: 49,
      goal: 337,
      asOf: '2021-10-02',
      targetDate: '2022-03-31',
      outlook: 'projected',
      weeks: 8,
      completionDate: '2024-01-29',
    });
  });

  it('says when there is no progress, no projection, or when it is done', () => {
    expect(describeBurnup(series, projection({ reason: 'NO_PROGRESS', completionDate: null })).outlook).toBe('noProgress');
    expect(describeBurnup(series, projection({ completionDate: null })).outlook).toBe('tooFar');
    expect(describeBurnup(series, projection({ health: 'COMPLETE', reason: 'ALL_LIVE', completionDate: '2021-12-02' }))).toMatchObject({
      outlook: 'complete',
      completionDate: '2021-12-02',
    });
    expect(describeBurnup(series, null).outlook).toBe('none');
  });
});

describe('what the maps say', () => {
  const province = (code: string, live: number, denominator: number) => ({
    code,
    name: `省${code}`,
    nameEn: `P${code}`,
    live,
    denominator,
    percent: denominator ? Math.round((live / denominator) * 1000) / 10 : null,
    counts: { NOT_STARTED: 0, PLANNED: 0, IN_PROGRESS: 0, PILOT: 0, LIVE: live, PAUSED: 0 },
  });

  it('the national total, complete and empty provinces, and the three best covered', () => {
    const facts = describeProvinceMap([province('11', 1, 1), province('44', 10, 21), province('45', 0, 14), province('12', 1, 1), province('13', 3, 11), province('81', 0, 0)]);
    expect(facts).toMatchObject({ live: 15, denominator: 48, provinces: 5, complete: 2, none: 1 });
    expect(facts.leaders.map((l) => [l.code, l.percent])).toEqual([
      ['11', 100],
      ['12', 100],
      ['44', 47.6],
    ]);
  });

  it('cities per status, in the statuses order, without the empty ones', () => {
    const cities = (['LIVE', 'PILOT', 'LIVE', 'NOT_STARTED'] as const).map((status) => ({ status }));
    expect(describeCityStatuses(cities)).toEqual([
      { status: 'NOT_STARTED', count: 1 },
      { status: 'PILOT', count: 1 },
      { status: 'LIVE', count: 2 },
    ]);
  });
});
