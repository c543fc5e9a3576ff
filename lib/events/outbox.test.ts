/**
 * The outbox: every write path records exactly its events, in its own transaction (a refused or
 * rolled-back write records none), and readers receive only what they may read.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { refused } from '../../tests/helpers/refused';
import { writeTransaction } from '../db/write-transaction';
import { patchStatus } from '../api/writes';
import { serializeCsv } from '../csv/format';
import { CSV_COLUMNS, readStatusCsv } from '../import/csv';
import { exportStatusCsv } from '../import/export';
import { commitImport } from '../import/mutations';
import { replanTarget } from '../programs/mutations';
import { bulkUpdateCityStatuses, confirmStatus, updateCityStatus, updateInstitutionStatus, verifyStatus } from '../status/mutations';
import { latestEventId, readEventsAfter, recordEvents } from './outbox';

const CITIES = 'alipay-unionpay-offline';
const BANKS = 'alipay-bank-apps';

const { t, as } = withDemoDb({ now: DEMO_NOW });

const cityRow = (code: string) => t.db.cityStatus.findFirstOrThrow({ where: { cityCode: code, program: { slug: CITIES } } });
const bankRow = (code: string) => t.db.institutionStatus.findFirstOrThrow({ where: { institutionCode: code, program: { slug: BANKS } } });
const programId = async (slug: string) => (await t.db.program.findUniqueOrThrow({ where: { slug } })).id;

/** Runs a write and returns the events it recorded (the whole table after the mark). */
async function eventsOf(write: () => Promise<unknown>) {
  const mark = await latestEventId(t.db);
  await write();
  return t.db.domainEvent.findMany({ where: { id: { gt: mark } }, orderBy: { id: 'asc' } });
}

describe('each write path records exactly its events', () => {
  it('a status edit through the form: one STATUS_CHANGED with the figures before and after', async () => {
    const row = await cityRow('4403');
    const events = await eventsOf(() =>
      updateCityStatus(t.db, as.pm, { programSlug: CITIES, cityCode: '4403', input: { version: row.version, status: 'PAUSED' }, source: 'FORM' }),
    );
    const change = await t.db.statusChange.findFirstOrThrow({ where: { entityCode: '4403', source: 'FORM' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'STATUS_CHANGED',
      programId: await programId(CITIES),
      entityType: 'CITY',
      entityCode: '4403',
      institutionCode: null,
      actorId: as.pm.viewer.id,
      effectiveAt: change.changedAt,
      payload: {
        programSlug: CITIES,
        changeKind: 'STATUS',
        source: 'FORM',
        before: { status: 'LIVE', version: row.version },
        after: { status: 'PAUSED', version: row.version + 1 },
      },
    });
  });

  it('a partner through the API: a details edit, then a confirmation (a body of only the version)', async () => {
    const row = await bankRow('ICBC');
    const edit = await eventsOf(() => patchStatus(t.db, as.icbc, 'institution', BANKS, 'ICBC', JSON.stringify({ version: row.version, note: '新增网点' })));
    expect(edit.map((e) => [e.kind, e.entityCode, e.institutionCode])).toEqual([['STATUS_CHANGED', 'ICBC', 'ICBC']]);
    expect(edit[0]?.payload).toMatchObject({ changeKind: 'DETAILS', source: 'API' });
    const confirm = await eventsOf(() => patchStatus(t.db, as.icbc, 'institution', BANKS, 'ICBC', JSON.stringify({ version: row.version + 1 })));
    expect(confirm).toHaveLength(1);
    expect(confirm[0]).toMatchObject({ kind: 'CONFIRMED', entityCode: 'ICBC', payload: { source: 'API', version: row.version + 2 } });
  });

  it('a verification records VERIFIED; the confirm form records CONFIRMED', async () => {
    const row = await bankRow('ICBC');
    expect(row.verified).toBe(false);
    const verified = await eventsOf(() => verifyStatus(t.db, as.pm, { programSlug: BANKS, entity: 'institution', code: 'ICBC', input: { version: row.version }, source: 'FORM' }));
    expect(verified.map((e) => e.kind)).toEqual(['VERIFIED']);
    const confirmed = await eventsOf(() =>
      confirmStatus(t.db, as.icbc, { programSlug: BANKS, entity: 'institution', code: 'ICBC', input: { version: row.version + 1, confirm: true }, source: 'FORM' }),
    );
    expect(confirmed.map((e) => [e.kind, e.actorId])).toEqual([['CONFIRMED', as.icbc.viewer.id]]);
  });

  it('a bulk edit of three cities records three events in the one transaction', async () => {
    const codes = ['4402', '4404', '4405'];
    const rows = await Promise.all(codes.map(cityRow));
    const events = await eventsOf(() =>
      bulkUpdateCityStatuses(t.db, as.pm, {
        programSlug: CITIES,
        provinceCode: '44',
        input: { cities: rows.map((r) => ({ code: r.cityCode, version: r.version })), note: '省内统一升级' },
        source: 'FORM',
      }),
    );
    expect(events.map((e) => e.entityCode)).toEqual(codes);
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(['STATUS_CHANGED']));
  });

  it('an import records one STATUS_CHANGED per written row and one IMPORT_LANDED per program', async () => {
    const file = await exportStatusCsv(t.db, as.pm, { programSlug: CITIES });
    const records = readStatusCsv(file.bytes).records.filter((r) => ['1100', '1200'].includes(r.code ?? ''));
    const edited = records.map((r) => ({ ...r, note: `导入 ${r.code}` }));
    edited[0] = { ...edited[0]!, status: 'PAUSED' };
    const bytes = new TextEncoder().encode(serializeCsv([CSV_COLUMNS, ...edited.map((r) => CSV_COLUMNS.map((c) => r[c] ?? ''))]));
    const events = await eventsOf(() => commitImport(t.db, as.pm, { name: 'two.csv', bytes }));
    expect(events.map((e) => [e.kind, e.entityCode])).toEqual([
      ['STATUS_CHANGED', '1100'],
      ['STATUS_CHANGED', '1200'],
      ['IMPORT_LANDED', null],
    ]);
    expect(events[2]).toMatchObject({ programId: await programId(CITIES), institutionCode: null, payload: { programSlug: CITIES, updated: 2, statusChanges: 1 } });
    expect(events[0]?.payload).toMatchObject({ source: 'IMPORT', changeKind: 'STATUS' });
  });

  it('a re-plan records TARGET_REPLANNED with the dates before and after', async () => {
    const before = await t.db.program.findUniqueOrThrow({ where: { slug: BANKS } });
    const events = await eventsOf(() =>
      replanTarget(t.db, as.admin, { slug: BANKS, version: before.version, expectedTargetDate: before.targetDate, newTargetDate: '2022-06-30', reason: '新增机构，验收顺延一季度' }),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'TARGET_REPLANNED',
      programId: before.id,
      entityType: null,
      payload: { programSlug: BANKS, fromDate: before.targetDate, toDate: '2022-06-30', baselineTargetDate: before.baselineTargetDate, reason: '新增机构，验收顺延一季度' },
    });
  });

  it('twenty writes at once to different rows: no error, one event each', async () => {
    const rows = await t.db.cityStatus.findMany({ where: { program: { slug: CITIES }, city: { provinceCode: { in: ['32', '33'] } } }, orderBy: { cityCode: 'asc' }, take: 20 });
    const events = await eventsOf(async () => {
      const results = await Promise.allSettled(
        rows.map((r) => updateCityStatus(t.db, as.pm, { programSlug: CITIES, cityCode: r.cityCode, input: { version: r.version, note: `并发 ${r.cityCode}` }, source: 'API' })),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    });
    expect(events.map((e) => e.entityCode).sort()).toEqual(rows.map((r) => r.cityCode).sort());
  });

  it('refused writes record nothing: a stale version, another bank, an import with a bad row', async () => {
    const row = await cityRow('4401');
    const cmb = await bankRow('CMB');
    const events = await eventsOf(async () => {
      await refused(updateCityStatus(t.db, as.pm, { programSlug: CITIES, cityCode: '4401', input: { version: row.version - 1, note: 'x' }, source: 'FORM' }));
      await refused(updateInstitutionStatus(t.db, as.icbc, { programSlug: BANKS, institutionCode: 'CMB', input: { version: cmb.version, note: 'x' }, source: 'FORM' }));
      const bad = new TextEncoder().encode(serializeCsv([CSV_COLUMNS, CSV_COLUMNS.map((c) => (c === 'program' ? CITIES : c === 'code' ? '9999' : ''))]));
      await refused(commitImport(t.db, as.pm, { name: 'bad.csv', bytes: bad }));
    });
    expect(events).toEqual([]);
  });

  it('a transaction that fails after recording events leaves none of them', async () => {
    const id = await programId(BANKS);
    const events = await eventsOf(async () => {
      await expect(
        writeTransaction(t.db, async (tx) => {
          await recordEvents(tx, [
            { kind: 'TARGET_REPLANNED', programId: id, effectiveAt: new Date(), payload: { programSlug: BANKS, fromDate: 'a', toDate: 'b', baselineTargetDate: 'a', reason: 'r' } },
          ]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
    });
    expect(events).toEqual([]);
  });
});

describe('readEventsAfter', () => {
  const CMB_NOTE = 'CMB 内部备注：仅限本行';

  it('a partner reads every bank status change but not another bank\'s note, people, verification or import', async () => {
    const mark = await latestEventId(t.db);
    const cmb = await bankRow('CMB');
    await updateInstitutionStatus(t.db, as.cmb, { programSlug: BANKS, institutionCode: 'CMB', input: { version: cmb.version, status: 'LIVE', liveDate: '2021-10-02', note: CMB_NOTE }, source: 'FORM' });
    await verifyStatus(t.db, as.pm, { programSlug: BANKS, entity: 'institution', code: 'CMB', input: { version: cmb.version + 1 }, source: 'FORM' });
    const file = await exportStatusCsv(t.db, as.cmb, { programSlug: BANKS });
    const own = readStatusCsv(file.bytes).records.map((r) => ({ ...r, note: '再次导入' }));
    await commitImport(t.db, as.cmb, { name: 'cmb.csv', bytes: new TextEncoder().encode(serializeCsv([CSV_COLUMNS, ...own.map((r) => CSV_COLUMNS.map((c) => r[c] ?? ''))])) });

    const staff = await readEventsAfter(t.db, mark, 100, as.exec.viewer);
    expect(staff.events.map((e) => e.kind)).toEqual(['STATUS_CHANGED', 'VERIFIED', 'STATUS_CHANGED', 'IMPORT_LANDED']);
    expect(JSON.stringify(staff.events)).toContain(CMB_NOTE);

    const mine = await readEventsAfter(t.db, mark, 100, as.cmb.viewer);
    expect(mine.events.map((e) => e.kind)).toEqual(['STATUS_CHANGED', 'VERIFIED', 'STATUS_CHANGED', 'IMPORT_LANDED']);
    expect(JSON.stringify(mine.events)).toContain(CMB_NOTE);

    const other = await readEventsAfter(t.db, mark, 100, as.icbc.viewer);
    expect(other.events.map((e) => e.kind)).toEqual(['STATUS_CHANGED', 'STATUS_CHANGED']);
    const first = other.events[0]!;
    expect(first.kind === 'STATUS_CHANGED' && first.payload.after).toEqual({ status: 'LIVE', plannedDate: cmb.plannedDate, liveDate: '2021-10-02', version: cmb.version + 1 });
    const text = JSON.stringify(other.events);
    for (const secret of [CMB_NOTE, '再次导入', as.cmb.viewer.id, as.pm.viewer.id, '"verified"']) expect(text).not.toContain(secret);
    expect(other.lastId).toBe(other.events.at(-1)?.id);
  });

  it('pages in id order and resumes after the last id it returned', async () => {
    const mark = await latestEventId(t.db);
    for (const code of ['3301', '3302', '3303']) {
      const row = await cityRow(code);
      await updateCityStatus(t.db, as.pm, { programSlug: CITIES, cityCode: code, input: { version: row.version, note: `分页 ${code}` }, source: 'FORM' });
    }
    const first = await readEventsAfter(t.db, mark, 2, as.pm.viewer);
    expect(first.events.map((e) => e.entityCode)).toEqual(['3301', '3302']);
    const rest = await readEventsAfter(t.db, first.lastId, 2, as.pm.viewer);
    expect(rest.events.map((e) => e.entityCode)).toEqual(['3303']);
    expect(await readEventsAfter(t.db, rest.lastId, 2, as.pm.viewer)).toEqual({ events: [], lastId: rest.lastId });
  });

  it('a partner without an institution reads shared events only, without people', async () => {
    const mark = (await latestEventId(t.db)) - 3;
    const orphan = { ...as.icbc.viewer, institutionCode: null };
    const page = await readEventsAfter(t.db, mark, 100, orphan);
    expect(page.events.every((e) => ['STATUS_CHANGED', 'CONFIRMED', 'TARGET_REPLANNED'].includes(e.kind))).toBe(true);
    expect(page.events.every((e) => e.actorId === null)).toBe(true);
  });
});
