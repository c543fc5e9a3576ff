import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { verify } from '@node-rs/argon2';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db';
import { listCities, listPrefectureLevelCities, listProvinces } from '../../lib/geo/divisions';
import type { Db } from '../../lib/db';
import { endOfShanghaiDay, toShanghaiDate } from '../../lib/time';
import { isDatabaseEmpty, seedDatabase, type SeedReport } from './index';
import { buildDemoData } from './demo';
import { EXPECTED, NAMED_CITIES_20211002 } from './demo/expected';

// The sourced figures checked here (23 and 28 institutions, 85%, 31 capitals, 337 cities, the
// dated pilots) are listed with their sources in docs/sources.md.
const PASSWORD = 'test-demo-password-1';
const NOW = new Date('2026-11-25T04:00:00Z');
const SLUGS = [
  'alipay-unionpay-offline',
  'alipay-bank-apps',
  'wechat-unionpay-offline',
  'alipay-online-quickpass',
  'quickpass-payment-code-reverse',
];
const SOURCED_INSTITUTIONS = ['ICBC', 'CCB', 'BOC', 'BOCOM', 'CMB', 'CITIC', 'CGB', 'MIPAY'];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Replays a program's history as of the end of a Shanghai calendar date: per entity, the toStatus
 * of the latest change before the next day's 00:00 Asia/Shanghai, else NOT_STARTED.
 */
async function statusesAsOf(db: Db, programId: string, date: string): Promise<Map<string, string>> {
  const changes = await db.statusChange.findMany({
    where: { programId, changedAt: { lt: endOfShanghaiDay(date) } },
    orderBy: [{ changedAt: 'asc' }, { version: 'asc' }],
    select: { entityCode: true, toStatus: true },
  });
  const result = new Map<string, string>();
  for (const c of changes) result.set(c.entityCode, c.toStatus);
  return result;
}

async function liveOn(db: Db, programId: string, date: string): Promise<Set<string>> {
  const statuses = await statusesAsOf(db, programId, date);
  return new Set([...statuses].filter(([, s]) => s === 'LIVE').map(([code]) => code));
}

describe('seedDatabase with the demo data set', () => {
  let t: TestDb;
  let db: Db;
  let report: SeedReport;
  const programIds = new Map<string, string>();
  const id = (slug: string) => {
    const value = programIds.get(slug);
    if (!value) throw new Error(`no program ${slug}`);
    return value;
  };

  beforeAll(async () => {
    t = await createTestDb();
    db = t.db;
    expect(await isDatabaseEmpty(db)).toBe(true);
    report = await seedDatabase(db, { demo: true, demoPassword: PASSWORD, now: NOW });
    for (const p of await db.program.findMany({ select: { id: true, slug: true } })) programIds.set(p.slug, p.id);
  }, 120_000);

  afterAll(async () => {
    await t?.cleanup();
  });

  it('is no longer empty and reports what it wrote, without passwords', async () => {
    expect(await isDatabaseEmpty(db)).toBe(false);
    expect(report.provinces).toBe(31);
    expect(report.prefectureLevelCities).toBe(337);
    expect(report.institutions).toBe(28);
    expect(report.programs).toBe(5);
    expect(report.users.map((u) => u.email).sort()).toEqual(
      ['admin@hutong.test', 'cmb@hutong.test', 'exec@hutong.test', 'icbc@hutong.test', 'pm@hutong.test'],
    );
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
    expect(report.statusChanges).toBe(await db.statusChange.count());
  });

  it('writes exactly the rows of the demo data set', async () => {
    const counts = {
      programs: await db.program.count(),
      cityStatuses: await db.cityStatus.count(),
      institutionStatuses: await db.institutionStatus.count(),
      statusChanges: await db.statusChange.count(),
      milestones: await db.milestone.count(),
      annotations: await db.annotation.count(),
      metricPoints: await db.metricPoint.count(),
      targetChanges: await db.targetChange.count(),
    };
    expect(counts).toEqual(EXPECTED.rows);
    expect(report).toMatchObject(EXPECTED.rows);
  });

  it('has the 31 provinces with their capitals', async () => {
    const provinces = await db.province.findMany({ orderBy: { code: 'asc' } });
    expect(provinces).toHaveLength(31);
    expect(provinces.filter((p) => p.kind === 'MUNICIPALITY').map((p) => p.code)).toEqual(['11', '12', '31', '50']);
    const gd = provinces.find((p) => p.code === '44');
    expect(gd).toMatchObject({ name: '广东省', shortName: '广东', nameEn: 'Guangdong', kind: 'PROVINCE', capitalCode: '4401' });
    const cityCodes = new Set((await db.city.findMany({ select: { code: true } })).map((c) => c.code));
    for (const p of provinces) expect(cityCodes.has(p.capitalCode)).toBe(true);
  });

  it('has 337 prefecture-level cities and municipalities, and the county-level units separately', async () => {
    const all = listCities();
    const countyLevel = all.filter((c) => c.level === 'COUNTY_LEVEL').length;
    expect(await db.city.count({ where: { level: { in: ['MUNICIPALITY', 'PREFECTURE'] } } })).toBe(337);
    expect(await db.city.count({ where: { level: 'MUNICIPALITY' } })).toBe(4);
    expect(countyLevel).toBeGreaterThan(0);
    expect(await db.city.count({ where: { level: 'COUNTY_LEVEL' } })).toBe(countyLevel);
    expect(await db.city.count()).toBe(all.length);
  });

  it('gives cities English names and search pinyin', async () => {
    const byCode = new Map((await db.city.findMany()).map((c) => [c.code, c]));
    expect(byCode.get('4403')).toMatchObject({ name: '深圳市', nameEn: 'Shenzhen', pinyin: 'shenzhen sz', provinceCode: '44' });
    expect(byCode.get('1100')).toMatchObject({ nameEn: 'Beijing', pinyin: 'beijing bj', level: 'MUNICIPALITY' });
    expect(byCode.get('5000')?.nameEn).toBe('Chongqing');
    expect(byCode.get('6101')?.nameEn).toBe("Xi'an");
    expect(byCode.get('1522')?.nameEn).toBe("Xing'an"); // 兴安盟: 盟 dropped
    expect(byCode.get('6531')?.nameEn).toBe('Kashi'); // 喀什地区: polyphone fixed, 地区 dropped
    expect(byCode.get('5329')?.nameEn).toBe('Dalibaizu'); // 大理白族自治州: 自治州 dropped
    for (const c of byCode.values()) {
      expect(c.nameEn).toMatch(/^[A-Z][a-zü']+$/);
      expect(c.pinyin).toMatch(/^[a-z]+ [a-z]+$/);
    }
  });

  it('has 28 institutions; the 8 named in sources are not illustrative', async () => {
    const institutions = await db.institution.findMany();
    expect(institutions).toHaveLength(28);
    for (const i of institutions) {
      if (SOURCED_INSTITUTIONS.includes(i.code)) {
        expect(i.isIllustrative, i.code).toBe(false);
        expect(i.source, i.code).toBeTruthy();
      } else {
        expect(i.isIllustrative, i.code).toBe(true);
        expect(i.source, i.code).toBeNull();
      }
    }
    expect(institutions.find((i) => i.code === 'ICBC')?.nameEn).toBe('Industrial and Commercial Bank of China');
    expect(institutions.find((i) => i.code === 'MIPAY')?.type).toBe('DEVICE_WALLET');
  });

  it('has the five programs with their scopes', async () => {
    const programs = await db.program.findMany({ orderBy: { sortOrder: 'asc' } });
    expect(programs.map((p) => p.slug)).toEqual(SLUGS);
    expect(await db.cityStatus.count({ where: { programId: id('alipay-unionpay-offline') } })).toBe(337);
    expect(await db.cityStatus.count({ where: { programId: id('quickpass-payment-code-reverse') } })).toBe(337);
    expect(await db.cityStatus.count({ where: { programId: id('wechat-unionpay-offline') } })).toBe(31);
    expect(await db.institutionStatus.count({ where: { programId: id('alipay-bank-apps') } })).toBe(28);
    expect(await db.cityStatus.count({ where: { programId: id('alipay-online-quickpass') } })).toBe(0);

    const allCities = new Set(listPrefectureLevelCities().map((c) => c.code));
    const rows = await db.cityStatus.findMany({ where: { programId: id('alipay-unionpay-offline') }, select: { cityCode: true } });
    expect(new Set(rows.map((r) => r.cityCode))).toEqual(allCities);
    const capitals = new Set(listProvinces().map((p) => p.capitalCode));
    const wechat = await db.cityStatus.findMany({ where: { programId: id('wechat-unionpay-offline') }, select: { cityCode: true } });
    expect(new Set(wechat.map((r) => r.cityCode))).toEqual(capitals);

    const alipay = programs[0];
    expect(alipay).toMatchObject({ unit: 'CITY', scopeRule: 'ALL_PREFECTURE_CITIES', startDate: '2019-12-01', baselineTargetDate: '2022-03-31', targetDate: '2022-03-31', isIllustrative: false });
    expect(programs[3]).toMatchObject({ unit: 'PERCENT', scopeRule: 'METRIC', targetValue: 85, targetDate: '2021-10-02' });
  });

  it('gives every LIVE row the Shanghai date of its last LIVE change', async () => {
    const changes = await db.statusChange.findMany({ where: { toStatus: 'LIVE' }, orderBy: { changedAt: 'asc' } });
    const lastLive = new Map<string, string>();
    for (const c of changes) lastLive.set(`${c.programId}|${c.entityCode}`, toShanghaiDate(c.changedAt));
    const rows = [
      ...(await db.cityStatus.findMany()).map((r) => ({ key: `${r.programId}|${r.cityCode}`, ...r })),
      ...(await db.institutionStatus.findMany()).map((r) => ({ key: `${r.programId}|${r.institutionCode}`, ...r })),
    ];
    let live = 0;
    for (const r of rows) {
      if (r.status === 'LIVE') {
        live++;
        expect(r.liveDate, r.key).toBe(lastLive.get(r.key));
      } else {
        expect(r.liveDate, r.key).toBeNull();
      }
    }
    expect(live).toBeGreaterThan(337 + 31 + 28);
  });

  it('keeps version = 1 + history, with a consistent history chain', async () => {
    const changes = await db.statusChange.findMany({ orderBy: [{ changedAt: 'asc' }, { version: 'asc' }] });
    const byKey = new Map<string, typeof changes>();
    for (const c of changes) {
      const key = `${c.programId}|${c.entityCode}`;
      const list = byKey.get(key);
      if (list) list.push(c);
      else byKey.set(key, [c]);
    }
    const rows = [
      ...(await db.cityStatus.findMany()).map((r) => ({ key: `${r.programId}|${r.cityCode}`, ...r })),
      ...(await db.institutionStatus.findMany()).map((r) => ({ key: `${r.programId}|${r.institutionCode}`, ...r })),
    ];
    for (const r of rows) {
      const history = byKey.get(r.key) ?? [];
      expect(r.version, r.key).toBe(1 + history.length);
      expect(r.verified).toBe(true);
      if (history.length === 0) {
        expect(r.status).toBe('NOT_STARTED');
        continue;
      }
      let previous = 'NOT_STARTED';
      history.forEach((h, i) => {
        expect(h.version).toBe(i + 2);
        expect(h.fromStatus).toBe(previous);
        expect(h.kind).toBe('STATUS');
        expect(h.source).toBe('SEED');
        expect((h.before as { status: string }).status).toBe(previous);
        expect((h.after as { status: string }).status).toBe(h.toStatus);
        // 10:00 Asia/Shanghai
        expect(h.changedAt.toISOString().slice(11)).toBe('02:00:00.000Z');
        previous = h.toStatus;
      });
      const last = history[history.length - 1]!;
      expect(r.status).toBe(last.toStatus);
      expect(last.after).toEqual({ status: r.status, plannedDate: r.plannedDate, liveDate: r.liveDate });
    }
  });

  it('replays alipay-unionpay-offline to the published counts', async () => {
    const programId = id('alipay-unionpay-offline');
    const on1002 = await liveOn(db, programId, '2021-10-02');
    for (const code of NAMED_CITIES_20211002) expect(on1002.has(code), code).toBe(true);
    expect(on1002.size).toBe(EXPECTED.alipayUnionpayLiveOn20211002);
    expect(on1002.size).toBeGreaterThanOrEqual(45);
    expect((await liveOn(db, programId, '2021-12-02')).size).toBe(337);
    expect((await liveOn(db, programId, '2021-12-01')).size).toBeLessThan(337);
    expect((await statusesAsOf(db, programId, '2019-12-30')).get('3302')).toBe('PILOT');
    expect((await statusesAsOf(db, programId, '2019-12-29')).size).toBe(0);
  });

  it('replays alipay-bank-apps: 23 on 2021-10-02, 28 on 2021-12-02', async () => {
    const programId = id('alipay-bank-apps');
    const on1002 = await liveOn(db, programId, '2021-10-02');
    expect(on1002.size).toBe(23);
    for (const code of ['ICBC', 'CCB', 'BOC', 'BOCOM', 'CMB', 'CITIC']) expect(on1002.has(code), code).toBe(true);
    expect(on1002.has('CGB')).toBe(false);
    expect(on1002.has('MIPAY')).toBe(false);
    expect((await liveOn(db, programId, '2021-12-02')).size).toBe(28);
    expect((await liveOn(db, programId, '2021-12-01')).size).toBeLessThan(28);
    const history = await db.statusChange.findMany({ where: { programId } });
    expect(history.every((h) => h.entityType === 'INSTITUTION')).toBe(true);
  });

  it('replays wechat-unionpay-offline: all 31 capitals on 2021-09-30', async () => {
    const programId = id('wechat-unionpay-offline');
    expect((await liveOn(db, programId, '2021-09-30')).size).toBe(31);
    expect((await liveOn(db, programId, '2021-09-29')).size).toBeLessThan(31);
    const jan2020 = await statusesAsOf(db, programId, '2020-01-31');
    expect(jan2020.get('3501')).toBe('PILOT');
    expect(jan2020.get('3701')).toBe('PILOT');
  });

  it('has the metric at exactly 85% on 2021-10-02, sourced', async () => {
    const points = await db.metricPoint.findMany({ where: { programId: id('alipay-online-quickpass') }, orderBy: { date: 'asc' } });
    const p = points.find((x) => x.date === '2021-10-02');
    expect(p).toMatchObject({ value: 85, isIllustrative: false });
    expect(p?.sourceNote).toContain('Alipay statement, 2021-10-02');
    expect(points[0]!.date < '2021-09-01').toBe(true);
    expect(points[0]!.value).toBeLessThan(1);
    expect(points[points.length - 1]!.value).toBeGreaterThanOrEqual(94);
    for (let i = 1; i < points.length; i++) expect(points[i]!.value).toBeGreaterThanOrEqual(points[i - 1]!.value);
  });

  it('gives every sourced fact a sourceNote and no invented URL', async () => {
    const sourcedChanges = await db.statusChange.findMany({ where: { isIllustrative: false } });
    expect(sourcedChanges.length).toBeGreaterThan(0);
    for (const c of sourcedChanges) expect(c.sourceNote, c.entityCode).toBeTruthy();
    const sourcedPoints = await db.metricPoint.findMany({ where: { isIllustrative: false } });
    for (const p of sourcedPoints) expect(p.sourceNote).toBeTruthy();
    const sourcedAnnotations = await db.annotation.findMany({ where: { isIllustrative: false } });
    expect(sourcedAnnotations.length).toBeGreaterThanOrEqual(8);
    for (const a of sourcedAnnotations) {
      expect(a.sourceNote).toBeTruthy();
      expect(a.titleZh).toBeTruthy();
      expect(a.titleEn).toBeTruthy();
    }
    for (const p of await db.program.findMany({ where: { isIllustrative: false } })) expect(p.source).toBeTruthy();
    expect(await db.statusChange.count({ where: { sourceUrl: { not: null } } })).toBe(0);
    expect(await db.cityStatus.count({ where: { evidenceUrl: { not: null } } })).toBe(0);
    // The Ningbo pilot and the nationwide date are sourced; the fifth program is all illustrative.
    const ningbo = await db.statusChange.findFirst({ where: { programId: id('alipay-unionpay-offline'), entityCode: '3302', toStatus: 'PILOT' } });
    expect(ningbo).toMatchObject({ isIllustrative: false });
    expect(toShanghaiDate(ningbo!.changedAt)).toBe('2019-12-30');
    expect(await db.statusChange.count({ where: { programId: id('quickpass-payment-code-reverse'), isIllustrative: false } })).toBe(0);
  });

  it('has milestones and annotations for every program', async () => {
    for (const slug of SLUGS) {
      expect(await db.milestone.count({ where: { programId: id(slug) } }), slug).toBeGreaterThanOrEqual(3);
      expect(await db.annotation.count({ where: { programId: id(slug) } }), slug).toBeGreaterThanOrEqual(2);
    }
    const nationwide = await db.milestone.findFirst({ where: { programId: id('alipay-unionpay-offline'), titleEn: 'Nationwide coverage' } });
    expect(nationwide).toMatchObject({ dueDate: '2022-03-31', doneDate: '2021-12-02' });
  });

  it('has the in-flight illustrative program, re-planned and part-way through', async () => {
    const programId = id('quickpass-payment-code-reverse');
    const program = await db.program.findUniqueOrThrow({ where: { id: programId }, include: { targetChanges: true, milestones: true } });
    expect(program).toMatchObject({ isIllustrative: true, startDate: '2026-03-01', baselineTargetDate: '2027-03-31', targetDate: '2027-06-30' });
    expect(program.targetChanges).toHaveLength(1);
    expect(program.targetChanges[0]).toMatchObject({ fromDate: '2027-03-31', toDate: '2027-06-30' });
    expect(program.targetChanges[0]!.changedById).toBeTruthy();

    const rows = await db.cityStatus.findMany({ where: { programId } });
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    expect(count('LIVE') / 337).toBeGreaterThanOrEqual(0.55);
    expect(count('LIVE') / 337).toBeLessThanOrEqual(0.6);
    expect(count('PAUSED')).toBeGreaterThan(0);
    expect(count('PILOT')).toBeGreaterThan(0);
    expect(count('PLANNED')).toBeGreaterThan(count('IN_PROGRESS'));
    expect(rows.filter((r) => r.status === 'PLANNED').some((r) => r.plannedDate! >= '2027-01-01')).toBe(true);

    const latest = await db.statusChange.findFirst({ where: { programId }, orderBy: { changedAt: 'desc' } });
    expect(toShanghaiDate(latest!.changedAt)).toBe(EXPECTED.reverseLastChange);
    const stale = rows.filter((r) => r.lastConfirmedAt! < new Date(NOW.getTime() - 30 * DAY_MS)).length;
    expect(stale).toBeGreaterThan(0);
    expect(stale).toBeLessThan(rows.length / 2);
    for (const r of rows) expect(r.lastConfirmedAt!.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 60 * DAY_MS);

    const today = '2026-11-25';
    expect(program.milestones.some((m) => m.doneDate)).toBe(true);
    expect(program.milestones.some((m) => !m.doneDate && m.dueDate < today)).toBe(true);
    expect(program.milestones.some((m) => !m.doneDate && m.dueDate > today)).toBe(true);
  });

  it('creates one demo user per role with an argon2id hash of the demo password', async () => {
    const users = await db.user.findMany({ orderBy: { email: 'asc' } });
    expect(users.map((u) => [u.email, u.role, u.institutionCode])).toEqual([
      ['admin@hutong.test', 'ADMIN', null],
      ['cmb@hutong.test', 'PARTNER', 'CMB'],
      ['exec@hutong.test', 'EXECUTIVE', null],
      ['icbc@hutong.test', 'PARTNER', 'ICBC'],
      ['pm@hutong.test', 'PROGRAM_MANAGER', null],
    ]);
    expect(users.find((u) => u.role === 'EXECUTIVE')?.locale).toBe('zh-CN');
    expect(users.some((u) => u.locale === 'en')).toBe(true);
    for (const u of users) {
      expect(u.passwordHash.startsWith('$argon2id$')).toBe(true);
      expect(u.name).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await verify(users[0]!.passwordHash, PASSWORD)).toBe(true);
    expect(await verify(users[0]!.passwordHash, 'wrong-password')).toBe(false);
  });

  it('refuses to seed a database twice', async () => {
    await expect(seedDatabase(db, { demo: true, demoPassword: PASSWORD, now: NOW })).rejects.toThrow(/already/);
    await expect(seedDatabase(db, { demo: false })).rejects.toThrow(/already/);
    expect(await db.province.count()).toBe(31);
    expect(await db.program.count()).toBe(5);
  });
});

describe('seedDatabase without the demo data set', () => {
  let t: TestDb;

  beforeAll(async () => {
    t = await createTestDb();
  }, 60_000);

  afterAll(async () => {
    await t?.cleanup();
  });

  it('requires a password for the demo users', async () => {
    await expect(seedDatabase(t.db, { demo: true })).rejects.toThrow(/password/);
    expect(await isDatabaseEmpty(t.db)).toBe(true);
  });

  it('writes reference data only', async () => {
    const report = await seedDatabase(t.db, { demo: false });
    expect(report).toMatchObject({ provinces: 31, prefectureLevelCities: 337, institutions: 28, programs: 0, users: [] });
    expect(await t.db.province.count()).toBe(31);
    expect(await t.db.city.count()).toBe(listCities().length);
    expect(await t.db.institution.count()).toBe(28);
    expect(await t.db.program.count()).toBe(0);
    expect(await t.db.statusChange.count()).toBe(0);
    expect(await t.db.user.count()).toBe(0);
  }, 60_000);
});

describe('buildDemoData', () => {
  it('is deterministic for a given now', () => {
    const a = buildDemoData({ now: NOW });
    const b = buildDemoData({ now: NOW });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('uses now only for the in-flight program', () => {
    const a = buildDemoData({ now: NOW });
    const b = buildDemoData({ now: new Date(NOW.getTime() + 7 * DAY_MS) });
    expect(JSON.stringify(a.programs.slice(0, 4))).toBe(JSON.stringify(b.programs.slice(0, 4)));
    expect(JSON.stringify(a.programs[4]!.history)).toBe(JSON.stringify(b.programs[4]!.history));
  });
});
