import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { serializeCsv } from '../csv/format';
import { createDb, applySqlitePragmas, type Db } from '../db';
import { CSV_COLUMNS, readStatusCsv } from '../import/csv';
import { exportStatusCsv } from '../import/export';
import { commitImport } from '../import/mutations';
import { updateCityStatus } from '../status/mutations';
import { todayInShanghai } from '../time';
import { replanTarget } from '../programs/mutations';
import { getCachedCoverageView, getCachedDashboardView } from './cached';
import { getCoverageAsOf, getLastChangeDate } from './queries';
import { getCoverageSeriesSource } from './series';

const CITIES = 'alipay-unionpay-offline';

const { t, as } = withDemoDb({ now: DEMO_NOW });

/** A second app instance: its own client (own pool, own cache) on the same database. */
let other: Db | null = null;
async function otherInstance(): Promise<Db> {
  if (!other) {
    other = createDb(t.config);
    if (t.config.provider === 'sqlite') await applySqlitePragmas(other);
  }
  return other;
}
afterAll(async () => {
  await other?.$disconnect();
});

async function cityRow(code: string) {
  return t.db.cityStatus.findFirstOrThrow({ where: { cityCode: code, program: { slug: CITIES } }, select: { version: true, status: true } });
}

describe('the dashboard’s coverage view, cached by the program’s history version', () => {
  it('equals the coverage computed from the history, and is answered again from the cache while nothing is written', async () => {
    const today = todayInShanghai();
    const first = await getCachedCoverageView(t.db, CITIES, { asOf: today, province: '44' });
    expect(first!.value.coverage).toEqual(await getCoverageAsOf(t.db, CITIES, today));
    expect(first!.value.drill?.province.code).toBe('44');
    expect(first!.value.cities).toBeNull();
    const again = await getCachedCoverageView(t.db, CITIES, { asOf: today, province: '44' });
    // The very same answer object: nothing was recomputed.
    expect(again!.value).toBe(first!.value);
    expect(again!.etag).toBe(first!.etag);
    // Another province, the city layer and another date are answers of their own.
    expect((await getCachedCoverageView(t.db, CITIES, { asOf: today, province: '51' }))!.value.drill?.province.code).toBe('51');
    expect((await getCachedCoverageView(t.db, CITIES, { asOf: today, withCities: true }))!.value.cities!.length).toBe(first!.value.coverage.denominator);
    expect((await getCachedCoverageView(t.db, CITIES, { asOf: '2021-10-02' }))!.value.coverage.asOf).toBe('2021-10-02');
    expect(await getCachedCoverageView(t.db, 'no-such-program', { asOf: today })).toBeNull();
  });

  it('follows a status write made through another app instance, with a new ETag', async () => {
    const today = todayInShanghai();
    const before = await getCachedCoverageView(t.db, CITIES, { asOf: today, province: '44' });
    const row = await cityRow('4403');
    expect(row.status).toBe('LIVE');
    const db2 = await otherInstance();
    await updateCityStatus(db2, as.pm, { programSlug: CITIES, cityCode: '4403', input: { version: row.version, status: 'PAUSED', note: '系统升级' }, source: 'API' });

    const after = await getCachedCoverageView(t.db, CITIES, { asOf: today, province: '44' });
    expect(after!.value.coverage.live).toBe(before!.value.coverage.live - 1);
    expect(after!.value.drill!.cities.find((c) => c.code === '4403')?.status).toBe('PAUSED');
    expect(after!.etag).not.toBe(before!.etag);
    expect(after!.value.coverage).toEqual(await getCoverageAsOf(t.db, CITIES, today));
  });

  it('follows a CSV import', async () => {
    const today = todayInShanghai();
    const before = await getCachedCoverageView(t.db, CITIES, { asOf: today, withCities: true });
    const file = await exportStatusCsv(t.db, as.pm, { programSlug: CITIES });
    const rows = readStatusCsv(file.bytes).records.filter((r) => r.status === 'LIVE').slice(0, 2);
    expect(rows).toHaveLength(2);
    const csv = serializeCsv([CSV_COLUMNS, ...rows.map((r) => CSV_COLUMNS.map((c) => (c === 'status' ? 'PAUSED' : r[c]) ?? ''))]);
    const result = await commitImport(t.db, as.pm, { name: 'pause.csv', bytes: new TextEncoder().encode(csv) });
    expect(result.counts.changes).toBe(2);

    const after = await getCachedCoverageView(t.db, CITIES, { asOf: today, withCities: true });
    expect(after!.value.coverage.live).toBe(before!.value.coverage.live - 2);
    const paused = new Set(after!.value.cities!.filter((c) => c.status === 'PAUSED').map((c) => c.code));
    for (const r of rows) expect(paused.has(r.code!)).toBe(true);
    expect(after!.etag).not.toBe(before!.etag);
  });
});

describe('the dashboard’s whole view (coverage, series, last change) under one history version', () => {
  const uncached = async (asOf: string, seriesEnd: string) => ({
    coverage: await getCoverageAsOf(t.db, CITIES, asOf),
    series: await getCoverageSeriesSource(t.db, CITIES, { end: seriesEnd }),
    lastChange: await getLastChangeDate(t.db, CITIES),
  });

  it('equals what the queries give, and is answered from the cache while nothing is written', async () => {
    const today = todayInShanghai();
    const first = await getCachedDashboardView(t.db, CITIES, { asOf: '2021-10-02', seriesEnd: today });
    expect(first).toMatchObject(await uncached('2021-10-02', today));
    expect(first!.drill).toBeNull();
    expect(await getCachedDashboardView(t.db, CITIES, { asOf: '2021-10-02', seriesEnd: today })).toBe(first);
    expect((await getCachedDashboardView(t.db, CITIES, { asOf: '2021-10-02', province: '44', seriesEnd: today }))!.drill?.province.code).toBe('44');
    expect(await getCachedDashboardView(t.db, 'no-such-program', { asOf: today, seriesEnd: today })).toBeNull();
  });

  it('follows a status write on another app instance: coverage, burn-up steps and the last change', async () => {
    const today = todayInShanghai();
    const before = await getCachedDashboardView(t.db, CITIES, { asOf: today, seriesEnd: today });
    const row = await cityRow('4401');
    expect(row.status).toBe('LIVE');
    await updateCityStatus(await otherInstance(), as.pm, { programSlug: CITIES, cityCode: '4401', input: { version: row.version, status: 'PAUSED', note: '系统升级' }, source: 'API' });

    const after = await getCachedDashboardView(t.db, CITIES, { asOf: today, seriesEnd: today });
    expect(after).not.toBe(before);
    expect(after!.coverage.live).toBe(before!.coverage.live - 1);
    expect(after).toMatchObject(await uncached(today, today));
    expect(after!.lastChange).toBe(today);
  });

  it('follows a re-planned target: the series carries the new target change', async () => {
    const today = todayInShanghai();
    const before = await getCachedDashboardView(t.db, CITIES, { asOf: today, seriesEnd: today });
    const program = await t.db.program.findUniqueOrThrow({ where: { slug: CITIES } });
    await replanTarget(t.db, as.admin, { slug: CITIES, version: program.version, expectedTargetDate: program.targetDate, newTargetDate: '2022-06-30', reason: '部分地市推迟验收' });

    const after = await getCachedDashboardView(t.db, CITIES, { asOf: today, seriesEnd: today });
    expect(after!.series!.targetChanges).toHaveLength(before!.series!.targetChanges.length + 1);
    expect(after!.coverage.program.targetDate).toBe('2022-06-30');
    expect(after).toMatchObject(await uncached(today, today));
  });
});
