import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { serializeCsv } from '../csv/format';
import { createDb, applySqlitePragmas, type Db } from '../db';
import { CSV_COLUMNS, readStatusCsv } from '../import/csv';
import { exportStatusCsv } from '../import/export';
import { commitImport } from '../import/mutations';
import { updateCityStatus } from '../status/mutations';
import { todayInShanghai } from '../time';
import { getCachedCoverageView } from './cached';
import { getCoverageAsOf } from './queries';

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
