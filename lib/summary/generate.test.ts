/**
 * The weekly summary replayed over the 2021 timeline of the demo data, on a real migrated
 * database (SQLite, or PostgreSQL with HUTONG_TEST_DB=postgresql), with the archive in a
 * throw-away folder.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { withDemoDb } from '../../tests/helpers/demo-db';
import { EXPECTED, NAMED_CITIES_20211002, PROGRAM_SLUGS } from '../../prisma/seed/demo';
import { getCoverageAsOf } from '../coverage/queries';
import { getProjection } from '../coverage/series';
import { AppError } from '../errors';
import { addDays } from '../time';
import { createSummaryArchive, type SummaryArchive } from './archive';
import { buildWeeklySummary } from './build';
import { readWeeklySummary, resolveSummaryRequest } from './generate';
import { parseIsoWeek } from './iso-week';
import { loadSummaryInput } from './load';
import { ALL_PROGRAMS_SCOPE, type CrossProgramSummary, type ProgramWeekSummary, type StoredSummary } from './types';

const NOW = new Date('2026-11-25T04:00:00Z');

let archive: SummaryArchive;

const { t } = withDemoDb({ now: NOW });
beforeAll(async () => {
  archive = createSummaryArchive(t.db);
}, 120_000);

async function cross(week: string): Promise<StoredSummary<CrossProgramSummary>> {
  const { summary } = await readWeeklySummary(t.db, archive, week, null, { now: NOW });
  return summary as StoredSummary<CrossProgramSummary>;
}

function part(summary: CrossProgramSummary, slug: string): ProgramWeekSummary {
  const found = summary.programs.find((p) => p.program.slug === slug);
  if (!found) throw new Error(`no ${slug} in ${summary.week}`);
  return found;
}

async function expectCode(promise: Promise<unknown>, code: AppError['code']) {
  await expect(promise).rejects.toBeInstanceOf(AppError);
  await expect(promise).rejects.toMatchObject({ code });
}

describe('the 2021 timeline', { timeout: 60_000 }, () => {
  it('2021-W39, the week of the Alipay statement of 2021-10-02: the named cities live, 23 institutions', async () => {
    const { payload } = await cross('2021-W39');
    expect(payload).toMatchObject({ week: '2021-W39', weekStart: '2021-09-27', weekEnd: '2021-10-03' });
    // The in-flight 2026 program had not started: four programs, one line each.
    expect(payload.lines.map((l) => l.slug)).toEqual([
      PROGRAM_SLUGS.alipayUnionpay,
      PROGRAM_SLUGS.bankApps,
      PROGRAM_SLUGS.wechatUnionpay,
      PROGRAM_SLUGS.alipayOnline,
    ]);

    const cities = part(payload, PROGRAM_SLUGS.alipayUnionpay);
    expect(cities.liveCodes).toEqual(expect.arrayContaining([...NAMED_CITIES_20211002]));
    expect(cities.coverage).toEqual({ live: EXPECTED.alipayUnionpayLiveOn20211002, denominator: EXPECTED.allCities, percent: 14.5 });
    expect(cities.program.targetDate).toBe('2022-03-31');
    // The plain-language warning: the pace of the last 8 weeks misses March 2022.
    expect(cities.warning).toMatchObject({ kind: 'LATE', targetDate: '2022-03-31' });
    expect(cities.annotations.map((a) => a.date)).toContain('2021-10-02');

    const banks = part(payload, PROGRAM_SLUGS.bankApps);
    expect(banks.coverage).toEqual({ live: EXPECTED.bankAppsLiveOn20211002, denominator: EXPECTED.bankAppsLiveOn20211202, percent: 82.1 });
    expect(banks.liveCodes).toEqual(expect.arrayContaining(['ICBC', 'CCB', 'BOC', 'BOCOM', 'CMB', 'CITIC']));
    expect(banks.liveCodes).not.toContain('CGB');
    expect(banks.stalePartners).not.toBeNull();

    const capitals = part(payload, PROGRAM_SLUGS.wechatUnionpay);
    expect(capitals.coverage).toMatchObject({ live: EXPECTED.provincialCapitals, denominator: EXPECTED.provincialCapitals });
    expect(capitals.projection).toMatchObject({ health: 'COMPLETE', completionDate: '2021-09-30', daysLate: 0 });
    expect(capitals.milestones.done.map((m) => m.titleEn)).toContain('All provincial capitals live');

    const online = part(payload, PROGRAM_SLUGS.alipayOnline);
    expect(online.metric).toMatchObject({ value: EXPECTED.alipayOnlineOn20211002, date: '2021-10-02', target: 85 });
  });

  it('2021-W48 reports nationwide coverage reached on 2021-12-02, 119 days ahead of the 2022-03-31 target', async () => {
    const { payload } = await cross('2021-W48');
    const cities = part(payload, PROGRAM_SLUGS.alipayUnionpay);
    expect(cities.coverage).toEqual({ live: 337, denominator: 337, percent: 100 });
    expect(cities.projection).toMatchObject({ health: 'COMPLETE', completionDate: '2021-12-02', targetDate: '2022-03-31', daysLate: 0, daysEarly: 119 });
    expect(cities.warning).toBeNull();
    expect(cities.provincesBehind).toEqual([]);
    expect(cities.milestones.done.map((m) => m.titleEn)).toContain('Nationwide coverage');

    const banks = part(payload, PROGRAM_SLUGS.bankApps);
    expect(banks.coverage).toMatchObject({ live: EXPECTED.bankAppsLiveOn20211202, denominator: EXPECTED.bankAppsLiveOn20211202 });
    expect(banks.wentLive.map((e) => e.code)).toEqual(expect.arrayContaining(['CGB', 'MIPAY']));
    expect(payload.lines.find((l) => l.slug === PROGRAM_SLUGS.alipayUnionpay)).toMatchObject({ health: 'COMPLETE', daysEarly: 119 });
  });

  it('reconciles every week of 2021: live = last week + went live - left live, and the lists are the codes', async () => {
    const w30 = await cross('2021-W30');
    const w31 = await cross('2021-W31');
    for (const s of [...w30.payload.programs, ...w31.payload.programs]) {
      if (s.program.unit === 'PERCENT') continue;
      const leftLive = s.setbacks.filter((x) => x.from === 'LIVE').length;
      expect(s.coverage.live, s.program.slug).toBe(s.previous.live + s.wentLive.length - leftLive);
      expect(s.liveCodes).toHaveLength(s.coverage.live);
    }
    // The previous week of W31 is W30: the same numbers, stored separately.
    for (const s of w31.payload.programs) {
      expect(s.previous).toEqual(part(w30.payload, s.program.slug).coverage);
    }
  });
});

describe('numbers agree with the coverage and projection the API serves for the same date', { timeout: 60_000 }, () => {
  it.each(['2021-W39', '2021-W44', '2021-W48'])('%s', async (week) => {
    const { payload } = await cross(week);
    const end = parseIsoWeek(week)!.end;
    for (const s of payload.programs) {
      const coverage = await getCoverageAsOf(t.db, s.program.slug, end);
      const previous = await getCoverageAsOf(t.db, s.program.slug, addDays(end, -7));
      expect(s.coverage, s.program.slug).toEqual({ live: coverage!.live, denominator: coverage!.denominator, percent: coverage!.percent });
      expect(s.previous, s.program.slug).toEqual({ live: previous!.live, denominator: previous!.denominator, percent: previous!.percent });
      expect(s.counts).toEqual(coverage!.counts);
      const projection = await getProjection(t.db, s.program.slug, end);
      expect(s.projection, s.program.slug).toEqual({ ...projection!, unit: undefined, daysEarly: s.projection!.daysEarly });
    }
  });
});

describe('the archive', { timeout: 60_000 }, () => {
  it('keeps a generated week exactly as it was when the history is edited afterwards', async () => {
    const before = await cross('2021-W39');
    const program = await t.db.program.findUniqueOrThrow({ where: { slug: PROGRAM_SLUGS.alipayUnionpay } });
    const urumqi = '6501';
    expect(part(before.payload, PROGRAM_SLUGS.alipayUnionpay).liveCodes).not.toContain(urumqi);
    // A late correction: Urumqi (6501) is recorded as live since 2021-09-29.
    await t.db.statusChange.create({
      data: {
        programId: program.id,
        entityType: 'CITY',
        entityCode: urumqi,
        kind: 'STATUS',
        fromStatus: 'PLANNED',
        toStatus: 'LIVE',
        after: { status: 'LIVE' },
        changedAt: new Date('2021-09-29T10:00:00+08:00'),
        source: 'FORM',
        version: 99,
      },
    });
    // Generated afresh the week would now differ ...
    const fresh = buildWeeklySummary((await loadSummaryInput(t.db, parseIsoWeek('2021-W39')!, PROGRAM_SLUGS.alipayUnionpay))!);
    expect(fresh.coverage.live).toBe(EXPECTED.alipayUnionpayLiveOn20211002 + 1);
    // ... but the archived week, across programs and for the program alone, does not.
    const after = await cross('2021-W39');
    expect(after).toEqual(before);
    const alone = await readWeeklySummary(t.db, archive, '2021-W39', PROGRAM_SLUGS.alipayUnionpay, { now: NOW });
    expect(alone.created).toBe(false);
    expect((alone.summary.payload as ProgramWeekSummary).coverage.live).toBe(EXPECTED.alipayUnionpayLiveOn20211002);
  });

  it('generates a week once: repeated and concurrent reads give one stored record', async () => {
    const reads = await Promise.all(
      Array.from({ length: 6 }, (_, i) => readWeeklySummary(t.db, archive, '2021-W20', null, { now: new Date(NOW.getTime() + i * 1000) })),
    );
    const generatedAt = new Set(reads.map((r) => r.summary.generatedAt));
    expect(generatedAt.size).toBe(1);
    expect(reads.filter((r) => r.created)).toHaveLength(1);
    const entries = (await archive.list()).filter((e) => e.week === '2021-W20');
    expect(entries.filter((e) => e.scope === ALL_PROGRAMS_SCOPE)).toHaveLength(1);
    // Each program's own record is there too, once.
    expect(entries.map((e) => e.scope).sort()).toEqual([ALL_PROGRAMS_SCOPE, ...reads[0]!.request.programs.map((p) => p.slug)].sort());
    const again = await readWeeklySummary(t.db, archive, '2021-W20', null, { now: new Date(NOW.getTime() + 60_000) });
    expect(again.created).toBe(false);
    expect(again.summary).toEqual(reads[0]!.summary);
  });
});

describe('which weeks exist', { timeout: 60_000 }, () => {
  it('refuses malformed and impossible weeks as VALIDATION', async () => {
    for (const week of ['2021-W99', '2021-W53', '2021-W00', 'W39', '2021-39', '../etc']) {
      await expectCode(resolveSummaryRequest(t.db, week, null, NOW), 'VALIDATION');
    }
  });

  it('has no week that has not ended, none before a program started, and no unknown program', async () => {
    await expectCode(resolveSummaryRequest(t.db, '2027-W10', null, NOW), 'NOT_FOUND');
    // 2026-11-25 is a Wednesday of 2026-W48: that week is still running; W47 ended on Sunday.
    await expectCode(resolveSummaryRequest(t.db, '2026-W48', null, NOW), 'NOT_FOUND');
    await expect(resolveSummaryRequest(t.db, '2026-W47', null, NOW)).resolves.toMatchObject({ scope: ALL_PROGRAMS_SCOPE });
    await expectCode(resolveSummaryRequest(t.db, '2019-W40', null, NOW), 'NOT_FOUND');
    await expectCode(resolveSummaryRequest(t.db, '2021-W39', PROGRAM_SLUGS.reverse, NOW), 'NOT_FOUND');
    await expectCode(resolveSummaryRequest(t.db, '2021-W39', 'no-such-program', NOW), 'NOT_FOUND');
    // The week holding the first program's start (2019-12-01, a Sunday) is the first one.
    await expect(resolveSummaryRequest(t.db, '2019-W48', null, NOW)).resolves.toMatchObject({
      programs: [expect.objectContaining({ slug: PROGRAM_SLUGS.alipayUnionpay })],
    });
  });
});
