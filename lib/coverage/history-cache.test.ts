import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { getApiCoverage } from '../api/queries';
import { serializeCsv } from '../csv/format';
import { createDb, applySqlitePragmas, type Db } from '../db';
import { CSV_COLUMNS, readStatusCsv } from '../import/csv';
import { exportStatusCsv } from '../import/export';
import { commitImport } from '../import/mutations';
import { replanTarget } from '../programs/mutations';
import { updateCityStatus } from '../status/mutations';
import { todayInShanghai } from '../time';
import { getProgramHistoryVersion, readThroughHistoryCache } from './history-cache';

const CITIES = 'alipay-unionpay-offline';
const BANKS = 'alipay-bank-apps';

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

describe('coverage cached by the program’s history version', () => {
  it('answers again from the cache while nothing is written, and recomputes after a write on another instance', async () => {
    const today = todayInShanghai();
    let computed = 0;
    const read = () =>
      readThroughHistoryCache(t.db, CITIES, `test-live|${today}`, async () => {
        computed += 1;
        return (await getApiCoverage(t.db, as.pm.viewer, CITIES, today)).value.live;
      });

    const first = await read();
    const again = await read();
    expect(computed).toBe(1);
    expect(again).toEqual(first);

    const row = await cityRow('4403');
    expect(row.status).toBe('LIVE');
    const db2 = await otherInstance();
    await updateCityStatus(db2, as.pm, { programSlug: CITIES, cityCode: '4403', input: { version: row.version, status: 'PAUSED', note: '系统升级' }, source: 'API' });

    const after = await read();
    expect(computed).toBe(2);
    expect(after!.value).toBe(first!.value - 1);
    expect(after!.etag).not.toBe(first!.etag);
  });

  it('the partner API’s coverage follows a write made through another instance, with a new ETag', async () => {
    const today = todayInShanghai();
    const before = await getApiCoverage(t.db, as.exec.viewer, CITIES, today);
    expect((await getApiCoverage(t.db, as.exec.viewer, CITIES, today)).etag).toBe(before.etag);

    const db2 = await otherInstance();
    const row = await cityRow('4401');
    await updateCityStatus(db2, as.pm, { programSlug: CITIES, cityCode: '4401', input: { version: row.version, status: 'PAUSED', note: '夜间维护' }, source: 'FORM' });
    const after = await getApiCoverage(t.db, as.exec.viewer, CITIES, today);
    expect(after.value.live).toBe(before.value.live - 1);
    expect(after.value.counts.PAUSED).toBe(before.value.counts.PAUSED + 1);
    expect(after.etag).not.toBe(before.etag);
    // The other instance, asked now, gives the same answer.
    expect((await getApiCoverage(db2, as.exec.viewer, CITIES, today)).etag).toBe(after.etag);
  });

  it('a CSV import invalidates the cached coverage', async () => {
    const today = todayInShanghai();
    const before = await getApiCoverage(t.db, as.pm.viewer, CITIES, today);
    const file = await exportStatusCsv(t.db, as.pm, { programSlug: CITIES });
    const rows = readStatusCsv(file.bytes).records.filter((r) => r.status === 'LIVE').slice(0, 3);
    expect(rows).toHaveLength(3);
    const csv = serializeCsv([CSV_COLUMNS, ...rows.map((r) => CSV_COLUMNS.map((c) => (c === 'status' ? 'PAUSED' : r[c]) ?? ''))]);
    const result = await commitImport(t.db, as.pm, { name: 'pause.csv', bytes: new TextEncoder().encode(csv) });
    expect(result.counts.changes).toBe(3);

    const after = await getApiCoverage(t.db, as.pm.viewer, CITIES, today);
    expect(after.value.live).toBe(before.value.live - 3);
    expect(after.etag).not.toBe(before.etag);
  });

  it('a re-planned target moves today’s projection, and the cache follows', async () => {
    const date = todayInShanghai();
    const before = await getApiCoverage(t.db, as.pm.viewer, BANKS, date);
    const program = await t.db.program.findUniqueOrThrow({ where: { slug: BANKS }, select: { version: true, targetDate: true } });
    const db2 = await otherInstance();
    await replanTarget(db2, as.admin, {
      slug: BANKS,
      version: program.version,
      expectedTargetDate: program.targetDate,
      newTargetDate: '2022-06-30',
      reason: '商户改造延期，重新排期',
    });
    const after = await getApiCoverage(t.db, as.pm.viewer, BANKS, date);
    expect(after.value.projection?.targetDate).toBe('2022-06-30');
    expect(before.value.projection?.targetDate).not.toBe('2022-06-30');
    expect(after.etag).not.toBe(before.etag);
  });

  it('a write to one program leaves another program’s version alone', async () => {
    const banks = await getProgramHistoryVersion(t.db, BANKS);
    const row = await cityRow('5101');
    await updateCityStatus(t.db, as.pm, { programSlug: CITIES, cityCode: '5101', input: { version: row.version, note: '补充说明' }, source: 'FORM' });
    expect(await getProgramHistoryVersion(t.db, BANKS)).toEqual(banks);
    expect(await getProgramHistoryVersion(t.db, 'no-such-program')).toBeNull();
  });
});
