import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { EXPECTED } from '../../prisma/seed/demo';
import type { RolloutStatus } from '../generated/sqlite/client';
import { listAnnotations, listMilestones } from '../programs/annotations';
import { getCoverageAsOf } from './queries';
import {
  buildCoverageSeries,
  countPlannedBy,
  getCoverageSeriesSource,
  findCompletedOn,
  getCoverageSeries,
  getProjection,
  listWeeklyDates,
  planDateOf,
  replayLiveSteps,
  sampleSteps,
  targetDateAt,
  type CountSeriesDto,
} from './series';

describe('pure helpers', () => {
  it('lists Mondays from the start to the as-of date, then the as-of date itself', () => {
    // 2019-12-01 is a Sunday; 2019-12-02 the first Monday.
    const dates = listWeeklyDates('2019-12-01', '2019-12-20');
    expect(dates).toEqual(['2019-12-02', '2019-12-09', '2019-12-16', '2019-12-20']);
    expect(listWeeklyDates('2019-12-02', '2019-12-16')).toEqual(['2019-12-02', '2019-12-09', '2019-12-16']);
    expect(listWeeklyDates('2021-12-01', '2021-11-01')).toEqual(['2021-11-01']);
    for (const d of dates.slice(0, -1)) expect(new Date(`${d}T12:00:00+08:00`).getUTCDay()).toBe(1);
  });

  it('replays transitions into daily live counts, ignoring entities outside the scope', () => {
    const steps = replayLiveSteps(
      [
        { entityCode: 'A', date: '2021-01-05', delta: 1 },
        { entityCode: 'B', date: '2021-01-05', delta: 1 },
        { entityCode: 'X', date: '2021-01-06', delta: 1 },
        { entityCode: 'A', date: '2021-01-07', delta: -1 },
        { entityCode: 'A', date: '2021-01-08', delta: 1 },
        { entityCode: 'B', date: '2021-01-08', delta: -1 },
      ],
      new Set(['A', 'B']),
    );
    // 01-06 (only X) and 01-08 (one in, one out) leave the count unchanged: no step.
    expect(steps).toEqual([
      { date: '2021-01-05', live: 2 },
      { date: '2021-01-07', live: 1 },
    ]);
  });

  it('samples a step function at sorted dates', () => {
    const steps = [
      { date: '2021-01-05', value: 2 },
      { date: '2021-01-12', value: 5 },
    ];
    expect(sampleSteps(steps, ['2021-01-04', '2021-01-05', '2021-01-11', '2021-01-12', '2021-02-01'])).toEqual([0, 2, 2, 5, 5]);
  });

  it('counts a row toward the plan at its planned date, or a live row without one at its live date', () => {
    expect(planDateOf({ status: 'PLANNED', plannedDate: '2021-03-01', liveDate: null })).toBe('2021-03-01');
    expect(planDateOf({ status: 'LIVE', plannedDate: '2021-03-01', liveDate: '2021-02-01' })).toBe('2021-03-01');
    expect(planDateOf({ status: 'LIVE', plannedDate: null, liveDate: '2021-02-01' })).toBe('2021-02-01');
    expect(planDateOf({ status: 'NOT_STARTED', plannedDate: null, liveDate: null })).toBeNull();
    expect(countPlannedBy(['2021-03-01', '2021-01-01', '2021-02-01'], ['2020-12-31', '2021-02-01', '2021-12-31'])).toEqual([0, 2, 3]);
  });

  it('finds the day the count last reached the denominator', () => {
    const steps = [
      { date: '2021-11-01', live: 10 },
      { date: '2021-11-05', live: 9 },
      { date: '2021-11-09', live: 10 },
    ];
    expect(findCompletedOn(steps, 10)).toBe('2021-11-09');
    expect(findCompletedOn(steps.slice(0, 2), 10)).toBeNull();
    expect(findCompletedOn([], 0)).toBeNull();
  });

  it('knows the target in force at an instant, re-plans included', () => {
    const changes = [
      { fromDate: '2027-03-31', toDate: '2027-06-30', changedAt: new Date('2026-09-15T02:00:00Z') },
      { fromDate: '2027-06-30', toDate: '2027-09-30', changedAt: new Date('2026-12-01T02:00:00Z') },
    ];
    expect(targetDateAt('2027-09-30', changes, new Date('2026-09-01T00:00:00Z'))).toBe('2027-03-31');
    expect(targetDateAt('2027-09-30', changes, new Date('2026-10-01T00:00:00Z'))).toBe('2027-06-30');
    expect(targetDateAt('2027-09-30', changes, new Date('2027-01-01T00:00:00Z'))).toBe('2027-09-30');
    expect(targetDateAt('2022-03-31', [], new Date('2021-01-01T00:00:00Z'))).toBe('2022-03-31');
  });
});

const { t } = withDemoDb({ now: DEMO_NOW });

async function countSeries(slug: string, asOf: string): Promise<CountSeriesDto> {
  const s = await getCoverageSeries(t.db, slug, { asOf });
  if (s?.kind !== 'COUNT') throw new Error(`expected a count series for ${slug}`);
  return s;
}

describe('getCoverageSeries on the demo data', () => {
  it('Alipay x UnionPay to 2021-10-02: weekly from the start, 49 of 337 on the last day', async () => {
    const s = await countSeries('alipay-unionpay-offline', '2021-10-02');
    expect([s.unit, s.denominator, s.startDate, s.targetDate, s.baselineTargetDate]).toEqual(['CITY', 337, '2019-12-01', '2022-03-31', '2022-03-31']);
    expect(s.points[0]?.date).toBe('2019-12-02');
    expect(s.points.at(-1)).toMatchObject({ date: '2021-10-02', live: EXPECTED.alipayUnionpayLiveOn20211002 });
    expect(s.points.at(-2)?.date).toBe('2021-09-27');
    expect(s.completedOn).toBeNull();
    // Nothing after the as-of date leaks into the actual line.
    expect(s.steps.every((x) => x.date <= '2021-10-02')).toBe(true);
  });

  it('built in the browser from a later source, a series equals the one read for that date', async () => {
    // The dashboard loads the source once up to today and rebuilds the series as the timeline
    // moves: it must be exactly what the server would have computed for each date.
    for (const slug of ['alipay-unionpay-offline', 'alipay-bank-apps', 'quickpass-payment-code-reverse']) {
      const source = await getCoverageSeriesSource(t.db, slug, { end: '2026-11-25' });
      if (!source) throw new Error(`no source for ${slug}`);
      for (const date of ['2021-03-01', '2021-10-02', '2021-12-02', '2026-08-15']) {
        expect(buildCoverageSeries(source, date)).toEqual(await getCoverageSeries(t.db, slug, { asOf: date }));
      }
    }
  });

  it('agrees with getCoverageAsOf at every sampled week (the same replay rule)', async () => {
    const s = await countSeries('alipay-unionpay-offline', '2021-12-02');
    const sampled = s.points.filter((_, i) => i % 6 === 0 || i >= s.points.length - 10);
    for (const p of sampled) {
      const c = await getCoverageAsOf(t.db, 'alipay-unionpay-offline', p.date);
      expect([p.date, p.live]).toEqual([p.date, c?.live]);
    }
  });

  it('2021-12-02: all 337 live, completed that very day; on 2021-12-01 not yet', async () => {
    const s = await countSeries('alipay-unionpay-offline', '2021-12-02');
    expect(s.points.at(-1)).toMatchObject({ date: '2021-12-02', live: 337 });
    expect(s.completedOn).toBe('2021-12-02');
    expect((await countSeries('alipay-unionpay-offline', '2021-12-01')).completedOn).toBeNull();
    // A later view still dates completion to 2021-12-02, though no weekly point falls on it.
    const later = await countSeries('alipay-unionpay-offline', '2022-01-10');
    expect(later.completedOn).toBe('2021-12-02');
    expect(later.points.some((p) => p.date === '2021-12-02')).toBe(false);
  });

  it('the plan line counts rows by planned date and runs on to the target', async () => {
    const s = await countSeries('alipay-unionpay-offline', '2021-10-02');
    const last = s.plan.at(-1);
    expect(last?.date).toBe('2022-03-31');
    // Every row of this program has a planned date by the target (the public plan: all by March 2022).
    expect(last?.plan).toBe(337);
    for (let i = 1; i < s.plan.length; i++) expect(s.plan[i]!.plan).toBeGreaterThanOrEqual(s.plan[i - 1]!.plan);
    // Independently: rows planned on or before a date, straight from the table.
    const program = await t.db.program.findUniqueOrThrow({ where: { slug: 'alipay-unionpay-offline' } });
    const rows = await t.db.cityStatus.findMany({ where: { programId: program.id } });
    const expected = rows.filter((r) => {
      const d = r.plannedDate ?? (r.status === 'LIVE' ? r.liveDate : null);
      return d !== null && d <= '2021-10-02';
    }).length;
    expect(s.points.at(-1)?.plan).toBe(expected);
    expect(s.plan.find((p) => p.date === '2021-09-27')?.plan).toBe(s.points.find((p) => p.date === '2021-09-27')?.plan);
  });

  it('institutions: 23 of 28 on 2021-10-02', async () => {
    const s = await countSeries('alipay-bank-apps', '2021-10-02');
    expect([s.unit, s.denominator, s.points.at(-1)?.live]).toEqual(['INSTITUTION', 28, 23]);
  });

  it('the re-planned program shows the target in force on the as-of date', async () => {
    const before = await countSeries('quickpass-payment-code-reverse', '2026-08-01');
    const after = await countSeries('quickpass-payment-code-reverse', '2026-11-25');
    expect([before.baselineTargetDate, before.targetDate]).toEqual(['2027-03-31', '2027-03-31']);
    expect([after.baselineTargetDate, after.targetDate]).toEqual(['2027-03-31', '2027-06-30']);
  });

  it('a PERCENT program returns its metric points up to the as-of date', async () => {
    const s = await getCoverageSeries(t.db, 'alipay-online-quickpass', { asOf: '2021-10-02' });
    if (s?.kind !== 'METRIC') throw new Error('expected a metric series');
    expect(s.targetValue).toBe(85);
    expect(s.points.at(-1)).toMatchObject({ date: '2021-10-02', value: 85, isIllustrative: false });
    expect(s.points.every((p) => p.date <= '2021-10-02')).toBe(true);
    expect(s.points.at(-1)?.sourceNote).toMatch(/Alipay statement/);
  });

  it('an unknown program is null', async () => {
    expect(await getCoverageSeries(t.db, 'nope', { asOf: '2021-10-02' })).toBeNull();
    expect(await getProjection(t.db, 'nope', '2021-10-02')).toBeNull();
  });
});

describe('getProjection on the demo data', () => {
  it('Alipay x UnionPay as of 2021-10-02: the Aug-Sep pace (19 cities in 8 weeks) says off track', async () => {
    // The real rollout finished on 2021-12-02, four months early: the surge after the MIIT meeting
    // is not in an 8-week window ending 2021-10-02. The rule reports the pace it sees.
    const p = await getProjection(t.db, 'alipay-unionpay-offline', '2021-10-02');
    expect(p).toMatchObject({
      unit: 'CITY',
      health: 'OFF_TRACK',
      reason: 'PROJECTED_LATE',
      current: 49,
      remaining: 288,
      velocityPerWeek: 2.375,
      windowWeeks: 8,
      completionDate: '2024-01-29',
      daysLate: 669,
      targetDate: '2022-03-31',
    });
  });

  it('Alipay x UnionPay as of 2021-11-01: the October surge puts it on track', async () => {
    const p = await getProjection(t.db, 'alipay-unionpay-offline', '2021-11-01');
    expect([p?.health, p?.completionDate]).toEqual(['ON_TRACK', '2022-01-13']);
  });

  it('Alipay x UnionPay as of 2021-12-02: complete, on 2021-12-02', async () => {
    const p = await getProjection(t.db, 'alipay-unionpay-offline', '2021-12-02');
    expect(p).toMatchObject({ health: 'COMPLETE', completionDate: '2021-12-02', remaining: 0, daysLate: 0 });
  });

  it('the in-flight program: at risk against the old target in August, on track after the re-plan', async () => {
    const august = await getProjection(t.db, 'quickpass-payment-code-reverse', '2026-08-01');
    expect(august).toMatchObject({ health: 'AT_RISK', targetDate: '2027-03-31', completionDate: '2027-04-16', daysLate: 16 });
    const now = await getProjection(t.db, 'quickpass-payment-code-reverse', '2026-11-25');
    expect(now).toMatchObject({
      health: 'ON_TRACK',
      targetDate: '2027-06-30',
      current: 194,
      remaining: 143,
      velocityPerWeek: 7.375,
      completionDate: '2027-04-10',
      daysLate: 0,
    });
  });

  it('a metric: 85% reached on its target date', async () => {
    const p = await getProjection(t.db, 'alipay-online-quickpass', '2021-10-02');
    expect(p).toMatchObject({ unit: 'PERCENT', health: 'COMPLETE', completionDate: '2021-10-02' });
  });
});

describe('annotations and milestones', () => {
  it('lists a program’s annotations by date, optionally only up to a date', async () => {
    const all = await listAnnotations(t.db, 'alipay-unionpay-offline');
    const upTo = await listAnnotations(t.db, 'alipay-unionpay-offline', { until: '2021-10-02' });
    expect(all.map((a) => a.date)).toEqual([...all.map((a) => a.date)].sort());
    expect(all.at(-1)).toMatchObject({ date: '2021-12-02', isIllustrative: false });
    expect(upTo.at(-1)?.date).toBe('2021-10-02');
    expect(upTo.length).toBe(all.length - 1);
    expect(Object.keys(all[0]!).sort()).toEqual(['date', 'isIllustrative', 'sourceNote', 'sourceUrl', 'titleEn', 'titleZh']);
    expect(await listAnnotations(t.db, 'nope')).toEqual([]);
  });

  it('lists milestones by due date; one done after the as-of date reads as open', async () => {
    const now = await listMilestones(t.db, 'alipay-unionpay-offline');
    const early = await listMilestones(t.db, 'alipay-unionpay-offline', { asOf: '2019-01-01' });
    expect(now.map((m) => m.dueDate)).toEqual([...now.map((m) => m.dueDate)].sort());
    expect(now.some((m) => m.doneDate !== null)).toBe(true);
    expect(early.every((m) => m.doneDate === null)).toBe(true);
  });
});

describe('replaying a hand-made history', () => {
  let programId: string;
  const codes = ['4401', '4403', '1100'];
  const at = (iso: string) => new Date(iso);

  beforeAll(async () => {
    const p = await t.db.program.create({
      data: {
        slug: 'hand-made',
        nameZh: '测试',
        nameEn: 'Test',
        unit: 'CITY',
        directionZh: '测试',
        directionEn: 'Test',
        scopeRule: 'ALL_PREFECTURE_CITIES',
        startDate: '2022-01-01',
        baselineTargetDate: '2022-03-31',
        targetDate: '2022-03-31',
      },
    });
    programId = p.id;
    await t.db.cityStatus.createMany({
      data: codes.map((cityCode) => ({ programId, cityCode, status: 'LIVE' as RolloutStatus })),
    });
    const change = (entityCode: string, toStatus: RolloutStatus, changedAt: Date, version: number) => ({
      programId,
      entityType: 'CITY' as const,
      entityCode,
      kind: 'STATUS' as const,
      toStatus,
      after: { status: toStatus },
      changedAt,
      source: 'SEED' as const,
      version,
    });
    await t.db.statusChange.createMany({
      data: [
        // Live at 23:59 Shanghai on 01-10: counts on 01-10.
        change('4401', 'LIVE', at('2022-01-10T15:59:00Z'), 2),
        // Live at 00:00 Shanghai on 01-12: counts from 01-12, not 01-11.
        change('4403', 'LIVE', at('2022-01-11T16:00:00Z'), 2),
        // Live, paused, live again.
        change('1100', 'LIVE', at('2022-01-03T02:00:00Z'), 2),
        change('1100', 'PAUSED', at('2022-01-05T02:00:00Z'), 3),
        change('1100', 'LIVE', at('2022-01-17T02:00:00Z'), 4),
        // Same instant, two versions: the higher version wins (as in queryStatusesAsOf).
        change('4401', 'PAUSED', at('2022-01-20T02:00:00Z'), 3),
        change('4401', 'LIVE', at('2022-01-20T02:00:00Z'), 4),
        // History of a city outside the program's rows is ignored.
        change('3301', 'LIVE', at('2022-01-04T02:00:00Z'), 2),
      ],
    });
  });

  it('follows the day boundaries in Asia/Shanghai, pauses and version order', async () => {
    const s = await countSeries('hand-made', '2022-01-20');
    expect(s.steps).toEqual([
      { date: '2022-01-03', live: 1 },
      { date: '2022-01-05', live: 0 },
      { date: '2022-01-10', live: 1 },
      { date: '2022-01-12', live: 2 },
      { date: '2022-01-17', live: 3 },
    ]);
    expect(s.points).toEqual([
      { date: '2022-01-03', live: 1, plan: 0 },
      { date: '2022-01-10', live: 1, plan: 0 },
      { date: '2022-01-17', live: 3, plan: 0 },
      { date: '2022-01-20', live: 3, plan: 0 },
    ]);
    expect(s.completedOn).toBe('2022-01-17');
    for (const day of ['2022-01-04', '2022-01-11', '2022-01-12', '2022-01-20']) {
      const c = await getCoverageAsOf(t.db, 'hand-made', day);
      const live = s.steps.filter((x) => x.date <= day).at(-1)?.live ?? 0;
      expect([day, live]).toEqual([day, c?.live]);
    }
  });

  it('stays fast for a program with 30,000 history rows', async () => {
    // 337 cities x 90 rows: each goes PLANNED -> IN_PROGRESS -> LIVE, then is confirmed weekly
    // (LIVE -> LIVE rows, as partners do); every tenth city flaps LIVE <-> PAUSED instead.
    const cities = await t.db.city.findMany({ where: { level: { not: 'COUNTY_LEVEL' } }, select: { code: true } });
    const big = await t.db.program.create({
      data: {
        slug: 'big-history',
        nameZh: '大',
        nameEn: 'Big',
        unit: 'CITY',
        directionZh: '大',
        directionEn: 'Big',
        scopeRule: 'ALL_PREFECTURE_CITIES',
        startDate: '2020-01-01',
        baselineTargetDate: '2022-12-31',
        targetDate: '2022-12-31',
      },
    });
    await t.db.cityStatus.createMany({ data: cities.map((c) => ({ programId: big.id, cityCode: c.code })) });
    const t0 = Date.parse('2020-01-06T02:00:00Z');
    const rows = cities.flatMap((c, i) =>
      Array.from({ length: 90 }, (_, k) => {
        const flaps = i % 10 === 0;
        const toStatus: RolloutStatus =
          k === 0 ? 'PLANNED' : k === 1 ? 'IN_PROGRESS' : flaps && k % 2 === 0 ? 'PAUSED' : 'LIVE';
        return {
          programId: big.id,
          entityType: 'CITY' as const,
          entityCode: c.code,
          kind: k > 2 && !flaps ? ('CONFIRM' as const) : ('STATUS' as const),
          toStatus,
          after: { status: toStatus },
          changedAt: new Date(t0 + (k * 7 + (i % 7)) * 86_400_000),
          source: 'SEED' as const,
          version: k + 2,
        };
      }),
    );
    for (let b = 0; b < rows.length; b += 5000) await t.db.statusChange.createMany({ data: rows.slice(b, b + 5000) });
    expect(rows.length).toBeGreaterThanOrEqual(30_000);

    const started = performance.now();
    const s = await countSeries('big-history', '2022-12-31');
    // Generous for a loaded 2-core CI box; typically well under 200 ms.
    expect(performance.now() - started).toBeLessThan(2000);
    // Flapping cities end on k = 89 (odd): LIVE. All 337 end live.
    expect(s.points.at(-1)?.live).toBe(cities.length);
    for (const p of [s.points[3]!, s.points[40]!]) {
      const c = await getCoverageAsOf(t.db, 'big-history', p.date);
      expect([p.date, p.live]).toEqual([p.date, c?.live]);
    }
  }, 180_000);
});
