/**
 * The archive's promises: a stored week never changes, a week is stored once however many writers
 * race, and each delivery is claimed once. Runs on SQLite and (npm run test:pg) PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { withTestDb } from '../../tests/helpers/test-db';
import { createSummaryArchive, type SummaryArchive } from './archive';
import { buildCrossProgramSummary, buildWeeklySummary } from './build';
import { FIXTURE_WEEK, fixtureInput } from './fixtures';
import { ALL_PROGRAMS_SCOPE, SUMMARY_GENERATOR_VERSION, type StoredSummary } from './types';

const t = withTestDb();

function record(week: string, scope: string, generatedAt: string): StoredSummary {
  const part = buildWeeklySummary(fixtureInput());
  const payload = scope === ALL_PROGRAMS_SCOPE ? buildCrossProgramSummary(FIXTURE_WEEK, [part]) : part;
  return { week, scope, payload, generatedAt, generatorVersion: SUMMARY_GENERATOR_VERSION };
}

async function exerciseArchive(archive: SummaryArchive) {
  // Stored once: the first writer wins, the second gets the first's record back.
  const first = record('2021-W39', ALL_PROGRAMS_SCOPE, '2021-10-04T01:00:00.000Z');
  expect(await archive.find('2021-W39', ALL_PROGRAMS_SCOPE)).toBeNull();
  expect(await archive.insertIfAbsent(first)).toEqual({ stored: first, created: true });
  const second = record('2021-W39', ALL_PROGRAMS_SCOPE, '2021-10-05T01:00:00.000Z');
  expect(await archive.insertIfAbsent(second)).toEqual({ stored: first, created: false });
  expect(await archive.find('2021-W39', ALL_PROGRAMS_SCOPE)).toEqual(first);

  // Ten writers racing for one week: one record, and every writer sees it.
  const racers = await Promise.all(
    Array.from({ length: 10 }, (_, i) => archive.insertIfAbsent(record('2021-W40', 'fixture-cities', `2021-10-11T01:00:0${i}.000Z`))),
  );
  expect(racers.filter((r) => r.created)).toHaveLength(1);
  expect(new Set(racers.map((r) => r.stored.generatedAt)).size).toBe(1);

  expect((await archive.list()).map((e) => [e.week, e.scope])).toEqual([
    ['2021-W40', 'fixture-cities'],
    ['2021-W39', ALL_PROGRAMS_SCOPE],
  ]);
  expect((await archive.list({ scope: ALL_PROGRAMS_SCOPE })).map((e) => e.week)).toEqual(['2021-W39']);

  // Deliveries: claimed once; a released claim can be claimed again; a sent one cannot be released.
  const key = { week: '2021-W39', scope: ALL_PROGRAMS_SCOPE, recipient: 'exec@hutong.test' };
  const claims = await Promise.all(Array.from({ length: 5 }, () => archive.claimDelivery(key, 'zh-CN')));
  expect(claims.filter(Boolean)).toHaveLength(1);
  await archive.releaseDelivery(key);
  expect(await archive.claimDelivery(key, 'zh-CN')).toBe(true);
  await archive.markDelivered(key, { transport: 'smtp', messageId: '<m1@hutong>' });
  await archive.releaseDelivery(key);
  expect(await archive.claimDelivery(key, 'zh-CN')).toBe(false);
  expect(await archive.listDeliveries('2021-W39', ALL_PROGRAMS_SCOPE)).toEqual([
    expect.objectContaining({ recipient: 'exec@hutong.test', locale: 'zh-CN', transport: 'smtp', messageId: '<m1@hutong>', sentAt: expect.any(String) }),
  ]);
}

describe('the summary archive', { timeout: 60_000 }, () => {
  it('keeps its promises on the database', async () => {
    await exerciseArchive(createSummaryArchive(t.db));
  });

  it('refuses to change or delete a stored week, even behind the archive', async () => {
    const stored = record('2021-W41', ALL_PROGRAMS_SCOPE, '2021-10-18T01:00:00.000Z');
    await createSummaryArchive(t.db).insertIfAbsent(stored);
    // SQLite's driver reports a trigger's RAISE as a constraint error: the row is what matters.
    await expect(
      t.db.weeklySummary.updateMany({ where: { week: '2021-W41' }, data: { generatorVersion: 99 } }),
    ).rejects.toThrow();
    await expect(t.db.weeklySummary.deleteMany({ where: { week: '2021-W41' } })).rejects.toThrow();
    expect(await createSummaryArchive(t.db).find('2021-W41', ALL_PROGRAMS_SCOPE)).toEqual(stored);
  });
});
