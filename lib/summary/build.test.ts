import { describe, expect, it } from 'vitest';
import {
  buildCrossProgramSummary,
  buildWeeklySummary,
  classifyMilestones,
  classifySetback,
  findStalePartners,
  pickProvincesBehind,
} from './build';
import type { RolloutStatus } from '../generated/sqlite/client';
import { FIXTURE_WEEK, fixtureInput } from './fixtures';

describe('buildWeeklySummary', () => {
  const summary = buildWeeklySummary(fixtureInput());

  it('reports coverage at the week end and the change since the previous week end', () => {
    expect(summary).toMatchObject({ week: '2021-W39', weekStart: '2021-09-27', weekEnd: '2021-10-03' });
    expect(summary.coverage).toEqual({ live: 100, denominator: 297, percent: 33.7 });
    expect(summary.previous).toEqual({ live: 98, denominator: 297, percent: 33 });
    expect(summary.change).toEqual({ live: 2, percentPoints: 0.7 });
  });

  it('lists what went live, and what moved backwards or was paused', () => {
    expect(summary.wentLive).toEqual([
      { code: '4401', nameZh: '广州市', nameEn: 'Guangzhou' },
      { code: '4403', nameZh: '深圳市', nameEn: 'Shenzhen' },
    ]);
    expect(summary.setbacks).toEqual([
      { code: '6301', nameZh: '西宁市', nameEn: 'Xining', from: 'PLANNED', to: 'PAUSED', kind: 'PAUSED' },
      { code: '6501', nameZh: '乌鲁木齐市', nameEn: 'Urumqi', from: 'PILOT', to: 'IN_PROGRESS', kind: 'BACKWARD' },
    ]);
    expect(summary.liveCodes).toEqual(['1100', '4401', '4403']);
  });

  it('projects at the recent pace and warns in numbers when that misses the target', () => {
    expect(summary.projection).toMatchObject({ health: 'AT_RISK', completionDate: '2022-04-18', daysLate: 18, daysEarly: 0, velocityPerWeek: 7 });
    expect(summary.warning).toEqual({ kind: 'LATE', completionDate: '2022-04-18', targetDate: '2022-03-31', daysLate: 18 });
  });

  it('keeps only the week’s annotations, and stale partners only for institution programs', () => {
    expect(summary.annotations.map((a) => a.date)).toEqual(['2021-10-02']);
    expect(summary.stalePartners).toBeNull();
    const banks = buildWeeklySummary(fixtureInput({ program: { ...fixtureInput().program, unit: 'INSTITUTION', scopeRule: 'ENROLLED_INSTITUTIONS' } }));
    expect(banks.stalePartners).toEqual([]);
    expect(banks.provincesBehind.length).toBeGreaterThan(0);
  });

  it('refuses inputs read as of another day than the week end', () => {
    const input = fixtureInput();
    expect(() => buildWeeklySummary({ ...input, coverage: { ...input.coverage, asOf: '2021-10-02' } })).toThrow(RangeError);
    expect(() => buildWeeklySummary({ ...input, series: { ...input.series, asOf: '2021-10-04' } })).toThrow(RangeError);
  });

  it('is deterministic: the same input gives the same summary', () => {
    expect(buildWeeklySummary(fixtureInput())).toEqual(summary);
  });
});

describe('the rules', () => {
  it.each([
    ['LIVE', 'IN_PROGRESS', 'BACKWARD'],
    ['LIVE', 'PAUSED', 'PAUSED'],
    ['PLANNED', 'NOT_STARTED', 'BACKWARD'],
    ['PAUSED', 'PLANNED', null],
    ['PAUSED', 'PAUSED', null],
    ['PLANNED', 'LIVE', null],
    ['LIVE', 'LIVE', null],
  ] as const)('%s -> %s is %s', (from, to, kind) => {
    expect(classifySetback(from, to)).toBe(kind);
  });

  const partner = (code: string, confirmedOn: string | null, status: RolloutStatus = 'LIVE') => ({
    code,
    nameZh: code,
    nameEn: code,
    status,
    previousStatus: status,
    lastConfirmedAt: confirmedOn === null ? null : new Date(`${confirmedOn}T10:00:00+08:00`),
  });

  it('calls a partner stale after staleAfterDays without confirmation, never-confirmed first', () => {
    const stale = findStalePartners(
      [partner('FRESH', '2021-09-03'), partner('OLD', '2021-09-02'), partner('OLDER', '2021-06-01'), partner('NEVER', null, 'PLANNED')],
      30,
      '2021-10-03',
    );
    expect(stale.map((s) => [s.code, s.lastConfirmedOn, s.daysSinceConfirmed])).toEqual([
      ['NEVER', null, null],
      ['OLDER', '2021-06-01', 124],
      ['OLD', '2021-09-02', 31],
    ]);
  });

  it('calls nobody stale once every partner is live, however long ago they confirmed', () => {
    const partners = [partner('ICBC', '2021-09-02'), partner('CMB', '2021-06-01')];
    expect(findStalePartners(partners, 30, '2026-11-29')).toEqual([]);
    // One partner not yet live keeps the rollout open, and the age rule applies to everyone.
    const open = findStalePartners([...partners, partner('CGB', '2026-11-20', 'PILOT')], 30, '2026-11-29');
    expect(open.map((s) => s.code)).toEqual(['CMB', 'ICBC']);
  });

  it('names the provinces furthest behind: lowest share first, bigger gap on a tie, complete ones never', () => {
    const p = (code: string, live: number, denominator: number) => ({
      code,
      nameZh: code,
      nameEn: code,
      live,
      denominator,
      percent: Math.round((live / denominator) * 1000) / 10,
    });
    const behind = pickProvincesBehind([p('11', 1, 1), p('44', 3, 21), p('65', 0, 14), p('63', 0, 8), p('32', 13, 13)], 3);
    expect(behind.map((x) => x.code)).toEqual(['65', '63', '44']);
  });

  it('sorts milestones into done this week (with lateness), overdue, and due within 28 days', () => {
    const m = classifyMilestones(fixtureInput().milestones, FIXTURE_WEEK);
    expect(m.done).toEqual([{ titleZh: '首批城市', titleEn: 'First cities', dueDate: '2021-09-30', doneDate: '2021-10-02', daysLate: 2 }]);
    expect(m.missed).toEqual([{ titleZh: '西部城市', titleEn: 'Western cities', dueDate: '2021-09-15', doneDate: null, daysLate: 18 }]);
    expect(m.due.map((x) => x.titleEn)).toEqual(['100 cities']);
  });

  it('puts every program under one line each, in order, and refuses a program of another week', () => {
    const a = buildWeeklySummary(fixtureInput());
    const cross = buildCrossProgramSummary(FIXTURE_WEEK, [a]);
    expect(cross.lines).toEqual([
      expect.objectContaining({ slug: 'fixture-cities', coverage: a.coverage, change: a.change, wentLive: 2, setbacks: 2, health: 'AT_RISK', daysLate: 18 }),
    ]);
    expect(() => buildCrossProgramSummary({ ...FIXTURE_WEEK, id: '2021-W40' }, [a])).toThrow(RangeError);
  });
});
