/**
 * The alert rules on a seeded database: each fires once per transition (never again on later
 * writes), reaches the people the audience rule names by the channel they chose, and never
 * reaches a partner with another bank's alert, even with evaluations racing on two connections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { createDb, type Db } from '../db';
import { serializeCsv } from '../csv/format';
import { CSV_COLUMNS, readStatusCsv } from '../import/csv';
import { exportStatusCsv } from '../import/export';
import { commitImport } from '../import/mutations';
import { replanTarget } from '../programs/mutations';
import { confirmStatus, updateCityStatus, updateInstitutionStatus } from '../status/mutations';
import { addDays, todayInShanghai } from '../time';
import { drainEventAlerts, evaluateDailyAlerts, evaluateEventAlerts } from './evaluate';
import { setAlertChannel, setProgramFollow } from './mutations';

const CITIES = 'alipay-unionpay-offline';
const BANKS = 'alipay-bank-apps';
/**
 * Writes happen at the real time, after the demo data's "today": evaluations run at the real time
 * too, so that the health they compute includes the writes. The daily evaluation keys on the
 * Shanghai day, which from 16:00 UTC is already the next UTC date: "today" must be that day too.
 */
const today = () => todayInShanghai(new Date());

const { t, as } = withDemoDb({ now: DEMO_NOW });

const cityRow = (code: string) => t.db.cityStatus.findFirstOrThrow({ where: { cityCode: code, program: { slug: CITIES } } });
const bankRow = (code: string) => t.db.institutionStatus.findFirstOrThrow({ where: { institutionCode: code, program: { slug: BANKS } } });

async function setCity(code: string, input: Record<string, unknown>, who: 'admin' | 'pm' = 'admin') {
  const row = await cityRow(code);
  return updateCityStatus(t.db, as[who], { programSlug: CITIES, cityCode: code, input: { version: row.version, ...input }, source: 'FORM' });
}

/** Alerts made since `mark` (a createdAt), oldest first, with who received them and how. */
async function alertsSince(mark: Date) {
  const alerts = await t.db.alert.findMany({
    where: { createdAt: { gte: mark } },
    orderBy: { createdAt: 'asc' },
    include: { deliveries: { include: { user: { select: { email: true } } } } },
  });
  return alerts.map((a) => ({ ...a, to: Object.fromEntries(a.deliveries.map((d) => [d.user.email.split('@')[0], d.channel])) }));
}

let other: Db;

beforeAll(async () => {
  // A second connection, as a second app instance would have. Several instances share a database
  // on PostgreSQL only (docs/operations.md); one SQLite process runs its transactions one by one.
  other = t.config.provider === 'postgresql' ? createDb(t.config) : t.db;
  // The first daily evaluation remembers every program's health, announcing none of it.
  await evaluateDailyAlerts(t.db);
});
afterAll(async () => {
  if (other !== t.db) await other?.$disconnect();
});

describe('regressions', () => {
  it('LIVE -> PAUSED alerts once; a later edit of the paused row does not; pausing again after resuming does', async () => {
    const mark = new Date();
    await setCity('4403', { status: 'PAUSED' });
    await drainEventAlerts(t.db);
    const first = (await alertsSince(mark)).filter((a) => a.kind === 'REGRESSION');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ entityType: 'CITY', entityCode: '4403', payload: { programSlug: CITIES, before: { status: 'LIVE' }, after: { status: 'PAUSED' } } });
    // The manager follows every program by default; the admin (who acted) is not told of it.
    expect(first[0]?.to).toEqual({ pm: 'IN_APP' });

    const mark2 = new Date();
    await setCity('4403', { note: '仍在升级' });
    await drainEventAlerts(t.db);
    expect((await alertsSince(mark2)).filter((a) => a.kind === 'REGRESSION')).toEqual([]);

    await setCity('4403', { status: 'LIVE' });
    await setCity('4403', { status: 'PILOT' });
    await drainEventAlerts(t.db);
    const again = (await alertsSince(mark2)).filter((a) => a.kind === 'REGRESSION');
    expect(again.map((a) => [a.payload])).toEqual([[expect.objectContaining({ before: expect.objectContaining({ status: 'LIVE' }), after: expect.objectContaining({ status: 'PILOT' }) })]]);
    await setCity('4403', { status: 'LIVE' });
    await drainEventAlerts(t.db);
  });

  it('a partner hears of its own institution only; another bank never', async () => {
    const mark = new Date();
    const cmb = await bankRow('CMB');
    expect(cmb.status).toBe('LIVE');
    await updateInstitutionStatus(t.db, as.admin, { programSlug: BANKS, institutionCode: 'CMB', input: { version: cmb.version, status: 'PAUSED' }, source: 'FORM' });
    await drainEventAlerts(t.db);
    const alerts = await alertsSince(mark);
    const regression = alerts.find((a) => a.kind === 'REGRESSION');
    expect(regression?.to).toEqual({ pm: 'IN_APP', cmb: 'IN_APP' });
    for (const a of alerts) expect(Object.keys(a.to)).not.toContain('icbc');
  });
});

describe('health', () => {
  it('a program going off track alerts the followers and executives once, and again when it is back', async () => {
    const before = await t.db.programHealthState.findFirstOrThrow({ where: { programId: (await t.db.program.findUniqueOrThrow({ where: { slug: CITIES } })).id } });
    expect(before.health).toBe('COMPLETE');
    const mark = new Date();
    await setCity('4401', { status: 'PAUSED' });
    await drainEventAlerts(t.db);
    await setCity('4402', { status: 'PAUSED' });
    await drainEventAlerts(t.db);
    const down = (await alertsSince(mark)).filter((a) => a.kind === 'HEALTH_CHANGED');
    expect(down).toHaveLength(1);
    expect(down[0]?.payload).toMatchObject({ programSlug: CITIES, fromHealth: 'COMPLETE', current: 336, goal: 337 });
    expect(down[0]?.to).toEqual({ pm: 'IN_APP', exec: 'IN_APP' });

    const mark2 = new Date();
    await setCity('4401', { status: 'LIVE' });
    await setCity('4402', { status: 'LIVE' });
    await drainEventAlerts(t.db);
    const up = (await alertsSince(mark2)).filter((a) => a.kind === 'HEALTH_CHANGED');
    expect(up.map((a) => a.payload)).toEqual([expect.objectContaining({ toHealth: 'COMPLETE' })]);
  });
});

describe('re-plans and imports', () => {
  it('a re-plan alerts the followers; an import alerts them but not the importer', async () => {
    const mark = new Date();
    const program = await t.db.program.findUniqueOrThrow({ where: { slug: BANKS } });
    await replanTarget(t.db, as.admin, { slug: BANKS, version: program.version, expectedTargetDate: program.targetDate, newTargetDate: '2022-06-30', reason: '新增机构，验收顺延一季度' });
    const file = await exportStatusCsv(t.db, as.icbc, { programSlug: BANKS });
    const rows = readStatusCsv(file.bytes).records.map((r) => ({ ...r, note: 'ICBC 批量更新' }));
    await commitImport(t.db, as.icbc, { name: 'icbc.csv', bytes: new TextEncoder().encode(serializeCsv([CSV_COLUMNS, ...rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? ''))])) });
    await drainEventAlerts(t.db);
    const alerts = await alertsSince(mark);
    expect(alerts.find((a) => a.kind === 'TARGET_REPLANNED')).toMatchObject({ payload: { toDate: '2022-06-30' }, to: { pm: 'IN_APP' } });
    expect(alerts.find((a) => a.kind === 'IMPORT_LANDED')).toMatchObject({ institutionCode: 'ICBC', payload: { updated: 1 }, to: { pm: 'IN_APP' } });
  });
});

describe('follows and channels', () => {
  it('the chosen channel applies; OFF means no delivery; an unfollowed program is silent; an admin who follows hears', async () => {
    await setAlertChannel(t.db, as.pm, { kind: 'REGRESSION', channel: 'MAIL' });
    await setAlertChannel(t.db, as.cmb, { kind: 'REGRESSION', channel: 'OFF' });
    await setProgramFollow(t.db, as.admin, { programSlug: BANKS, following: true });
    const mark = new Date();
    const icbc = await bankRow('ICBC');
    expect(icbc.status).toBe('LIVE');
    await updateInstitutionStatus(t.db, as.icbc, { programSlug: BANKS, institutionCode: 'ICBC', input: { version: icbc.version, status: 'PAUSED' }, source: 'FORM' });
    const cmb = await bankRow('CMB');
    await updateInstitutionStatus(t.db, as.admin, { programSlug: BANKS, institutionCode: 'CMB', input: { version: cmb.version, status: 'LIVE' }, source: 'FORM' });
    await updateInstitutionStatus(t.db, as.admin, { programSlug: BANKS, institutionCode: 'CMB', input: { version: cmb.version + 1, status: 'PAUSED' }, source: 'FORM' });
    await drainEventAlerts(t.db);
    const regressions = (await alertsSince(mark)).filter((a) => a.kind === 'REGRESSION');
    expect(regressions.map((a) => [a.entityCode, a.to])).toEqual([
      ['ICBC', { pm: 'MAIL', admin: 'IN_APP' }],
      ['CMB', { pm: 'MAIL' }],
    ]);

    await setProgramFollow(t.db, as.pm, { programSlug: BANKS, following: false });
    const mark2 = new Date();
    await updateInstitutionStatus(t.db, as.icbc, { programSlug: BANKS, institutionCode: 'ICBC', input: { version: icbc.version + 1, status: 'LIVE' }, source: 'FORM' });
    await updateInstitutionStatus(t.db, as.admin, { programSlug: BANKS, institutionCode: 'ICBC', input: { version: icbc.version + 2, status: 'PAUSED' }, source: 'FORM' });
    await drainEventAlerts(t.db);
    const later = (await alertsSince(mark2)).filter((a) => a.kind === 'REGRESSION');
    expect(later.map((a) => a.to)).toEqual([{ icbc: 'IN_APP' }]);
    await setProgramFollow(t.db, as.pm, { programSlug: BANKS, following: true });
  });
});

describe('stale reports', () => {
  it('the daily evaluation reminds a stale partner once; again the same day or the next day nothing; a confirmation starts a new period', async () => {
    const day1 = addDays(today(), 1);
    const at = (date: string) => new Date(`${date}T04:00:00Z`);
    const icbc = await bankRow('ICBC');
    // ICBC's report confirmed long ago: stale on day 1.
    await t.db.institutionStatus.update({ where: { id: icbc.id }, data: { lastConfirmedAt: new Date('2026-01-01T00:00:00Z') } });
    const mark = new Date();
    expect((await evaluateDailyAlerts(t.db, { now: at(day1) })).ran).toBe(true);
    expect(await evaluateDailyAlerts(t.db, { now: at(day1) })).toEqual({ ran: false, alerts: 0 });
    const stale = (await alertsSince(mark)).filter((a) => a.kind === 'STALE_REPORT' && a.entityCode === 'ICBC');
    expect(stale).toHaveLength(1);
    expect(stale[0]?.to).toMatchObject({ icbc: 'IN_APP' });
    expect(Object.keys(stale[0]!.to)).not.toContain('cmb');
    expect(stale[0]?.payload).toMatchObject({ version: icbc.version, lastConfirmedAt: '2026-01-01T00:00:00.000Z' });

    const day2 = addDays(day1, 1);
    await evaluateDailyAlerts(t.db, { now: at(day2) });
    expect((await alertsSince(mark)).filter((a) => a.kind === 'STALE_REPORT' && a.entityCode === 'ICBC')).toHaveLength(1);

    await confirmStatus(t.db, as.icbc, { programSlug: BANKS, entity: 'institution', code: 'ICBC', input: { version: icbc.version, confirm: true }, source: 'FORM' });
    const confirmedAt = (await bankRow('ICBC')).lastConfirmedAt!;
    await t.db.institutionStatus.update({ where: { id: icbc.id }, data: { lastConfirmedAt: new Date(confirmedAt.getTime() - 400 * 86_400_000) } });
    await evaluateDailyAlerts(t.db, { now: at(addDays(day2, 1)) });
    expect((await alertsSince(mark)).filter((a) => a.kind === 'STALE_REPORT' && a.entityCode === 'ICBC')).toHaveLength(2);
  });
});

describe('racing instances', () => {
  it('evaluations on two connections at once: each transition alerts once and reaches each person once', async () => {
    await drainEventAlerts(t.db);
    const mark = new Date();
    for (const code of ['3201', '3202', '3203']) await setCity(code, { status: 'PAUSED' });
    const runs = await Promise.all([
      evaluateEventAlerts(t.db),
      evaluateEventAlerts(other),
      evaluateEventAlerts(t.db),
      evaluateEventAlerts(other),
    ]);
    expect(runs.reduce((n, r) => n + r.events, 0)).toBe(3);
    const regressions = (await alertsSince(mark)).filter((a) => a.kind === 'REGRESSION');
    expect(regressions.map((a) => a.entityCode).sort()).toEqual(['3201', '3202', '3203']);
    for (const a of regressions) expect(a.deliveries).toHaveLength(1);
    for (const code of ['3201', '3202', '3203']) await setCity(code, { status: 'LIVE' });
    await drainEventAlerts(t.db);
  });

  it('daily evaluations racing for one day: one of them runs', async () => {
    const day = addDays(today(), 30);
    const now = new Date(`${day}T04:00:00Z`);
    const runs = await Promise.all([evaluateDailyAlerts(t.db, { now }), evaluateDailyAlerts(other, { now }), evaluateDailyAlerts(other, { now })]);
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
  });

  it('no partner ever received another institution\'s alert', async () => {
    const partnerDeliveries = await t.db.alertDelivery.findMany({ where: { user: { role: 'PARTNER' } }, include: { alert: true, user: true } });
    expect(partnerDeliveries.length).toBeGreaterThan(0);
    for (const d of partnerDeliveries) expect(d.alert.institutionCode).toBe(d.user.institutionCode);
  });
});
