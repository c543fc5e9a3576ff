/**
 * Competitors share the product: signed in as the partner of ICBC, every surface shows CMB's status
 * and dates, and none of CMB's note, evidence link, verification or the people who changed it;
 * ICBC still sees all of its own row, and staff see everything. One test per surface, on a real
 * seeded database (SQLite, or PostgreSQL with HUTONG_TEST_DB=postgresql).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db';
import { loadDemoContexts, type DemoUser } from '../../tests/helpers/demo-viewers';
import { seedDatabase } from '../../prisma/seed';
import type { RequestContext, Viewer } from './viewer';
import { canReadRowDetails, redactStatusRow } from './permissions';
import { getApiInstitution, listApiCities, listApiHistory, listApiInstitutions } from '../api/queries';
import { getCityDetail, searchDivisions } from '../cities/queries';
import { listStatusHistory } from '../history/queries';
import { exportStatusCsv } from '../import/export';
import { getInstitutionDetail, getInstitutionMatrix } from '../institutions/queries';
import { getStatusRowView, listProvinceCityStatuses } from '../status/queries';
import { updateInstitutionStatus, verifyStatus } from '../status/mutations';
import { createSummaryArchive } from '../summary/archive';
import { readWeeklySummaryAs } from '../summary/generate';
import { isoWeekOfInstant, weekEndsAt } from '../summary/iso-week';

const BANKS = 'alipay-bank-apps';
const CITIES = 'alipay-unionpay-offline';
const CMB_NOTE = 'CMB 内部备注：与商户谈判条款';
const CMB_EVIDENCE = 'https://intranet.cmb.example/rollout/plan-b';
const ICBC_NOTE = 'ICBC 自己的备注';
const ICBC_EVIDENCE = 'https://intranet.icbc.example/rollout';

let t: TestDb;
let as: Record<DemoUser, RequestContext>;
/** The names of the people who changed CMB's row: its partner user and the verifying manager. */
let people: string[];

/** Everything a surface returned, as text: a withheld value must not appear anywhere in it. */
const text = (value: unknown) => JSON.stringify(value);

function expectNothingOfCmb(value: unknown) {
  const all = text(value);
  expect(all).not.toContain(CMB_NOTE);
  expect(all).not.toContain(CMB_EVIDENCE);
  for (const name of people) expect(all).not.toContain(name);
}

beforeAll(async () => {
  t = await createTestDb();
  await seedDatabase(t.db, { demo: true, demoPassword: 'test-password-123' });
  as = await loadDemoContexts(t.db);
  people = [as.cmb.viewer.name, as.pm.viewer.name];
  const version = async (code: string) =>
    (await t.db.institutionStatus.findFirstOrThrow({ where: { institutionCode: code, program: { slug: BANKS } } })).version;
  // CMB reports with a note and evidence, a manager verifies it; ICBC reports on its own row.
  await updateInstitutionStatus(t.db, as.cmb, {
    programSlug: BANKS,
    institutionCode: 'CMB',
    input: { version: await version('CMB'), note: CMB_NOTE, evidenceUrl: CMB_EVIDENCE },
    source: 'FORM',
  });
  await verifyStatus(t.db, as.pm, { programSlug: BANKS, entity: 'institution', code: 'CMB', input: { version: await version('CMB') }, source: 'FORM' });
  await updateInstitutionStatus(t.db, as.icbc, {
    programSlug: BANKS,
    institutionCode: 'ICBC',
    input: { version: await version('ICBC'), note: ICBC_NOTE, evidenceUrl: ICBC_EVIDENCE },
    source: 'FORM',
  });
}, 120_000);

afterAll(async () => {
  await t.cleanup();
});

describe('the rule', () => {
  it('staff read every row in full; a partner its own institution only, never a city', () => {
    const row = { entityType: 'INSTITUTION', code: 'CMB' } as const;
    for (const who of ['admin', 'pm', 'exec', 'cmb'] as const) expect(canReadRowDetails(as[who].viewer, row), who).toBe(true);
    expect(canReadRowDetails(as.icbc.viewer, row)).toBe(false);
    expect(canReadRowDetails(as.icbc.viewer, { entityType: 'INSTITUTION', code: 'ICBC' })).toBe(true);
    expect(canReadRowDetails(as.icbc.viewer, { entityType: 'CITY', code: '4401' })).toBe(false);
    const orphan: Viewer = { ...as.icbc.viewer, institutionCode: null };
    expect(canReadRowDetails(orphan, { entityType: 'INSTITUTION', code: 'ICBC' })).toBe(false);
  });

  it('withholds only the private fields the DTO has, and keeps status and dates', () => {
    const row = { status: 'LIVE', liveDate: '2021-10-02', note: 'x', verified: true, version: 3 };
    expect(redactStatusRow(as.icbc.viewer, { entityType: 'INSTITUTION', code: 'CMB' }, row)).toEqual({
      status: 'LIVE',
      liveDate: '2021-10-02',
      note: null,
      verified: null,
      version: 3,
    });
  });
});

describe('partner API reads', () => {
  it('item: another bank has status and dates, no note, evidence or verification', async () => {
    const cmb = await getApiInstitution(t.db, as.icbc.viewer, BANKS, 'CMB');
    expect(cmb.status).toMatch(/^[A-Z_]+$/);
    expect(cmb).toHaveProperty('liveDate');
    expect(cmb.lastConfirmedAt).not.toBeNull();
    expect(cmb).toMatchObject({ note: null, evidenceUrl: null, verified: null });
    expectNothingOfCmb(cmb);
    // The same row, read by its own partner and by a manager: everything.
    for (const who of ['cmb', 'pm'] as const) {
      expect(await getApiInstitution(t.db, as[who].viewer, BANKS, 'CMB'), who).toMatchObject({ note: CMB_NOTE, evidenceUrl: CMB_EVIDENCE, verified: true });
    }
  });

  it('item: its own row in full', async () => {
    expect(await getApiInstitution(t.db, as.icbc.viewer, BANKS, 'ICBC')).toMatchObject({ note: ICBC_NOTE, evidenceUrl: ICBC_EVIDENCE, verified: false });
  });

  it('list: every bank with its status, details only on its own row', async () => {
    const items = await listApiInstitutions(t.db, as.icbc.viewer, BANKS);
    expect(items.length).toBeGreaterThan(20);
    for (const item of items) {
      if (item.code === 'ICBC') expect(item.note).toBe(ICBC_NOTE);
      else expect(item, item.code).toMatchObject({ note: null, evidenceUrl: null, verified: null });
    }
    expectNothingOfCmb(items);
    expect(items.find((i) => i.code === 'CMB')?.status).toBeTruthy();
  });

  it('cities: status and dates, no notes, for a partner; managers see the notes', async () => {
    const forPartner = await listApiCities(t.db, as.icbc.viewer, CITIES, { province: '44' });
    const forPm = await listApiCities(t.db, as.pm.viewer, CITIES, { province: '44' });
    expect(forPm.some((c) => c.note !== null)).toBe(true);
    expect(forPartner.map((c) => [c.code, c.status, c.liveDate])).toEqual(forPm.map((c) => [c.code, c.status, c.liveDate]));
    expect(forPartner.every((c) => c.note === null && c.verified === null)).toBe(true);
  });

  it("history paging: other banks' entries carry status and dates, no notes, people or verifications", async () => {
    const entries = [];
    let cursor: string | undefined;
    do {
      const page = await listApiHistory(t.db, as.icbc.viewer, BANKS, { limit: 50, ...(cursor ? { cursor } : {}) });
      entries.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expectNothingOfCmb(entries);
    const cmb = entries.filter((e) => e.entity.code === 'CMB');
    expect(cmb.length).toBeGreaterThan(0);
    expect(cmb.every((e) => e.actorName === null && e.actorKind === null && !('note' in e.after) && e.kind !== 'VERIFY')).toBe(true);
    expect(cmb.some((e) => e.after.status !== undefined)).toBe(true);
    const own = entries.filter((e) => e.entity.code === 'ICBC').at(-1);
    expect(own).toMatchObject({ actorName: as.icbc.viewer.name, actorKind: 'PARTNER', after: { note: ICBC_NOTE, evidenceUrl: ICBC_EVIDENCE } });

    const forPm = await listApiHistory(t.db, as.pm.viewer, BANKS, { limit: 1000 });
    const cmbForPm = forPm.items.filter((e) => e.entity.code === 'CMB');
    expect(cmbForPm.map((e) => e.kind)).toContain('VERIFY');
    expect(text(cmbForPm)).toContain(CMB_NOTE);
    // Leaving the verification out keeps pages exact: the partner's pages hold every other entry.
    expect(entries).toHaveLength(forPm.items.length - 1);
  });
});

describe('pages', () => {
  it('institution detail: another bank shows status and dates, "—" for the rest', async () => {
    const detail = await getInstitutionDetail(t.db, as.icbc.viewer, 'CMB');
    const card = detail?.programs.find((p) => p.program.slug === BANKS);
    expect(card).toMatchObject({ note: null, evidenceUrl: null, verified: null, detailsHidden: true });
    expect(card?.status).toBeTruthy();
    expect(card?.lastChange?.actor ?? null).toBeNull();
    expectNothingOfCmb(detail);
    const own = (await getInstitutionDetail(t.db, as.cmb.viewer, 'CMB'))?.programs.find((p) => p.program.slug === BANKS);
    expect(own).toMatchObject({ note: CMB_NOTE, evidenceUrl: CMB_EVIDENCE, verified: true, detailsHidden: false, lastChange: { actor: { name: as.pm.viewer.name } } });
  });

  it('history table: entries without notes, evidence, verified or actor; its own in full', async () => {
    const history = await listStatusHistory(t.db, as.icbc.viewer, { programSlug: BANKS, entityType: 'INSTITUTION', entityCode: 'CMB' });
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((h) => h.detailsHidden && h.actor === null && h.kind !== 'VERIFY')).toBe(true);
    expect(history.flatMap((h) => h.changes.map((c) => c.field)).every((f) => ['status', 'plannedDate', 'liveDate'].includes(f))).toBe(true);
    expectNothingOfCmb(history);
    const own = await listStatusHistory(t.db, as.icbc.viewer, { programSlug: BANKS, entityType: 'INSTITUTION', entityCode: 'ICBC' });
    expect(own[0]).toMatchObject({ detailsHidden: false, actor: { name: as.icbc.viewer.name } });
    expect(own[0]?.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['evidenceUrl', 'note']));
    const forPm = await listStatusHistory(t.db, as.pm.viewer, { programSlug: BANKS, entityType: 'INSTITUTION', entityCode: 'CMB' });
    expect(forPm[0]).toMatchObject({ kind: 'VERIFY', actor: { name: as.pm.viewer.name } });
  });

  it('city detail: a partner sees statuses and dates without the notes', async () => {
    const forPartner = await getCityDetail(t.db, as.icbc.viewer, '4403');
    const forPm = await getCityDetail(t.db, as.pm.viewer, '4403');
    expect(forPm?.programs.some((p) => p.note !== null)).toBe(true);
    expect(forPartner?.programs.map((p) => [p.program.slug, p.status, p.liveDate])).toEqual(forPm?.programs.map((p) => [p.program.slug, p.status, p.liveDate]));
    expect(forPartner?.programs.every((p) => p.note === null && p.detailsHidden)).toBe(true);
  });

  it('institutions matrix: verification withheld on other banks only', async () => {
    const matrix = await getInstitutionMatrix(t.db, as.icbc.viewer);
    const cell = (code: string) => matrix.rows.find((r) => r.code === code)?.cells[BANKS];
    expect(cell('CMB')).toMatchObject({ verified: null });
    expect(cell('CMB')?.status).toBeTruthy();
    expect(cell('ICBC')).toMatchObject({ verified: false });
    expect((await getInstitutionMatrix(t.db, as.pm.viewer)).rows.find((r) => r.code === 'ICBC')?.cells[BANKS]).toMatchObject({ verified: false });
  });

  it("edit pages: another bank's row and a city are not found for a partner; its own row is", async () => {
    expect(await getStatusRowView(t.db, as.icbc.viewer, { programSlug: BANKS, entity: 'institution', code: 'CMB' })).toBeNull();
    expect(await getStatusRowView(t.db, as.icbc.viewer, { programSlug: CITIES, entity: 'city', code: '4401' })).toBeNull();
    expect(await listProvinceCityStatuses(t.db, as.icbc.viewer, { programSlug: CITIES, provinceCode: '44' })).toBeNull();
    expect((await getStatusRowView(t.db, as.icbc.viewer, { programSlug: BANKS, entity: 'institution', code: 'ICBC' }))?.row.note).toBe(ICBC_NOTE);
    expect((await getStatusRowView(t.db, as.pm.viewer, { programSlug: BANKS, entity: 'institution', code: 'CMB' }))?.row.note).toBe(CMB_NOTE);
  });
});

describe('files, summaries and search', () => {
  it("CSV export: a partner's file holds its own row with its note, and nothing of CMB", async () => {
    const file = new TextDecoder().decode((await exportStatusCsv(t.db, as.icbc, { programSlug: BANKS })).bytes);
    expect(file).toContain(ICBC_NOTE);
    expect(file).not.toMatch(/,CMB,/);
    expectNothingOfCmb(file);
    expect(new TextDecoder().decode((await exportStatusCsv(t.db, as.pm, { programSlug: BANKS })).bytes)).toContain(CMB_NOTE);
  });

  it('weekly summary: progress only, nothing of the notes, evidence or people', async () => {
    const week = isoWeekOfInstant(new Date());
    const now = new Date(weekEndsAt(week).getTime() + 60 * 60 * 1000);
    const { summary } = await readWeeklySummaryAs(t.db, createSummaryArchive(t.db), as.icbc.viewer, week.id, BANKS, { now });
    expect(summary.payload.week).toBe(week.id);
    expectNothingOfCmb(summary);
  });

  it('search: divisions by name, without any status row details', async () => {
    const items = await searchDivisions(t.db, '深圳');
    expect(items[0]).toEqual({ kind: 'city', code: '4403', name: '深圳市', nameEn: expect.any(String), provinceCode: '44' });
  });
});
