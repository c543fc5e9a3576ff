/// <reference types="vite/client" />
/**
 * The authorisation matrix: every exported function of every lib/** /mutations.ts, and the reads
 * that can leak, called as each demo user (admin, program manager, executive, the partners of ICBC
 * and CMB). One table, role × operation → allowed?
 *
 * An allowed cell must have its effect: the row it targets changed or now exists (or, for reads and
 * previews, the answer holds the data). A refused cell must throw FORBIDDEN, change no row (the
 * targeted one, nor the row count of any table) and leave exactly one DENIED audit entry.
 *
 * Adding a mutation: add one `op(...)` line to MATRIX (module, function, who may, how to call it
 * with valid input, what it changes). A mutation without a line fails the first test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { DEMO_EMAILS, type DemoUser } from '../../tests/helpers/demo-viewers';
import type { Db } from '../db';
import { refused } from '../../tests/helpers/refused';
import { Prisma } from '../generated/sqlite/client';
import { addDays } from '../time';
import type { RequestContext } from './viewer';
import { listAuditEntries } from '../audit/queries';
import { serializeCsv } from '../csv/format';
import { CSV_COLUMNS } from '../import/csv';
import { exportStatusCsv } from '../import/export';
import { commitImport, previewImport } from '../import/mutations';
import { bulkUpdateCityStatuses, confirmStatus, updateCityStatus, updateInstitutionStatus, verifyStatus } from '../status/mutations';
import { createProgram, replanTarget, updateProgram } from '../programs/mutations';
import { createUser, disableUser, enableUser, resetPassword, updateUserRole } from '../users/mutations';
import { createMilestone, deleteMilestone, markMilestoneDone, updateMilestone } from '../milestones/mutations';
import { createAnnotation, deleteAnnotation, updateAnnotation } from '../annotations/mutations';
import { createApiToken, revokeApiToken, revokeUserApiTokens } from '../tokens/mutations';
import { markAlertsRead, setAlertChannel, setProgramFollow, unsubscribeAlertMail } from '../alerts/mutations';
import { unsubscribeToken } from '../alerts/mail';

const CITIES = 'alipay-unionpay-offline';
const BANKS = 'alipay-bank-apps';
const METRIC = 'alipay-online-quickpass';
const WHO = Object.keys(DEMO_EMAILS) as DemoUser[];

interface OpSpec<P, R> {
  /** Makes the cell's own target (a fresh milestone, a unique name...), before anything is observed. */
  prepare?: (db: Db, who: DemoUser) => Promise<P>;
  call: (db: Db, ctx: RequestContext, p: P) => Promise<R>;
  /** The state the operation writes: must differ after an allowed call, equal after a refused one. */
  observe?: (db: Db, p: P) => Promise<unknown>;
  /** For reads and previews, which write nothing: what an allowed caller must get. */
  returns?: (result: R, who: DemoUser) => void;
}

interface MatrixRow {
  /** `<folder under lib>#<function>`, e.g. `status#updateCityStatus`. */
  op: string;
  allowed: ReadonlySet<DemoUser>;
  run: (db: Db, ctx: RequestContext, who: DemoUser) => Promise<{ before: unknown; call: () => Promise<unknown>; observe: (() => Promise<unknown>) | null; check: (result: unknown) => void }>;
}

/** `allowed` lists demo users separated by spaces: 'admin pm icbc'. */
function op<P = undefined, R = unknown>(module: string, fn: string, allowed: string, spec: OpSpec<P, R>): MatrixRow {
  if (!spec.observe && !spec.returns) throw new Error(`${module}#${fn}: say what an allowed call does (observe or returns)`);
  return {
    op: `${module}#${fn}`,
    allowed: new Set(allowed.split(' ').filter(Boolean) as DemoUser[]),
    run: async (db, ctx, who) => {
      const p = (spec.prepare ? await spec.prepare(db, who) : undefined) as P;
      const observe = spec.observe ? () => spec.observe!(db, p) : null;
      return {
        before: await observe?.(),
        call: () => spec.call(db, ctx, p),
        observe,
        check: (result) => spec.returns?.(result as R, who),
      };
    },
  };
}

let serial = 0;
const next = () => ++serial;

const STATUS_FIELDS = { status: true, plannedDate: true, liveDate: true, evidenceUrl: true, note: true, version: true, verified: true, lastConfirmedAt: true } as const;
const cityRow = (db: Db, code: string) => db.cityStatus.findFirstOrThrow({ where: { cityCode: code, program: { slug: CITIES } }, select: STATUS_FIELDS });
const bankRow = (db: Db, code: string) => db.institutionStatus.findFirstOrThrow({ where: { institutionCode: code, program: { slug: BANKS } }, select: STATUS_FIELDS });
const program = (db: Db, slug: string) => db.program.findUniqueOrThrow({ where: { slug } });
const milestone = (db: Db, id: string) => db.milestone.findUnique({ where: { id } });
const annotation = (db: Db, id: string) => db.annotation.findUnique({ where: { id } });
const user = (db: Db, id: string) => db.user.findUniqueOrThrow({ where: { id }, select: { role: true, disabled: true, passwordHash: true, sessionVersion: true } });
const token = (db: Db, id: string) => db.apiToken.findUniqueOrThrow({ where: { id }, select: { revokedAt: true } });

let targetUserId = '';
let tokenUserId = '';
const newToken = async (db: Db) =>
  (await db.apiToken.create({ data: { userId: tokenUserId, name: 'matrix', tokenHash: `matrix-${next()}`, prefix: 'hut_matr' } })).id;
const newMilestone = async (db: Db) =>
  (await db.milestone.create({ data: { programId: (await program(db, CITIES)).id, titleZh: '矩阵', titleEn: 'Matrix', dueDate: '2026-06-30' } })).id;
const newAnnotation = async (db: Db) =>
  (await db.annotation.create({ data: { programId: (await program(db, CITIES)).id, date: '2021-10-02', titleZh: '矩阵', titleEn: 'Matrix' } })).id;

/** The row a user could edit by import: their institution's, or a city for staff. */
const ownRowOf = (who: DemoUser) => (who === 'icbc' ? 'ICBC' : who === 'cmb' ? 'CMB' : null);
const ownRow = (db: Db, who: DemoUser) => {
  const bank = ownRowOf(who);
  return bank ? bankRow(db, bank) : cityRow(db, '4401');
};

/** A one-row import file that changes the note of the user's own row. */
async function ownRowFile(db: Db, who: DemoUser) {
  const bank = ownRowOf(who);
  const row = await ownRow(db, who);
  const cells = {
    program: bank ? BANKS : CITIES,
    entity: bank ? 'institution' : 'city',
    code: bank ?? '4401',
    status: row.status,
    plannedDate: row.plannedDate ?? '',
    liveDate: row.liveDate ?? '',
    evidenceUrl: row.evidenceUrl ?? '',
    note: `导入 ${next()}`,
    version: String(row.version),
  };
  return { who, file: { name: 'matrix.csv', bytes: new TextEncoder().encode(serializeCsv([CSV_COLUMNS, CSV_COLUMNS.map((c) => cells[c])])) } };
}

const MATRIX_SECRET = 'matrix-secret-of-at-least-32-characters';
const userIdOf = async (db: Db, who: DemoUser) => (await db.user.findUniqueOrThrow({ where: { email: DEMO_EMAILS[who] } })).id;
/** An unread inbox entry of the user's own, for marking read. */
async function newDelivery(db: Db, who: DemoUser) {
  const alert = await db.alert.create({
    data: { kind: 'IMPORT_LANDED', dedupeKey: `matrix:${next()}`, programId: (await program(db, BANKS)).id, effectiveAt: new Date(), payload: {} },
  });
  return (await db.alertDelivery.create({ data: { alertId: alert.id, userId: await userIdOf(db, who), channel: 'IN_APP' } })).id;
}

const MATRIX: MatrixRow[] = [
  op('status', 'updateCityStatus', 'admin pm', {
    call: async (db, ctx) => updateCityStatus(db, ctx, { programSlug: CITIES, cityCode: '4403', input: { version: (await cityRow(db, '4403')).version, note: `m${next()}` }, source: 'API' }),
    observe: (db) => cityRow(db, '4403'),
  }),
  op('status', 'updateInstitutionStatus', 'admin pm icbc', {
    call: async (db, ctx) => updateInstitutionStatus(db, ctx, { programSlug: BANKS, institutionCode: 'ICBC', input: { version: (await bankRow(db, 'ICBC')).version, note: `m${next()}` }, source: 'API' }),
    observe: (db) => bankRow(db, 'ICBC'),
  }),
  op('status', 'confirmStatus', 'admin pm icbc', {
    call: async (db, ctx) => confirmStatus(db, ctx, { programSlug: BANKS, entity: 'institution', code: 'ICBC', input: { version: (await bankRow(db, 'ICBC')).version, confirm: true }, source: 'API' }),
    observe: (db) => bankRow(db, 'ICBC'),
  }),
  op('status', 'verifyStatus', 'admin pm', {
    prepare: async (db) => {
      await db.institutionStatus.updateMany({ where: { institutionCode: 'ICBC' }, data: { verified: false } });
    },
    call: async (db, ctx) => verifyStatus(db, ctx, { programSlug: BANKS, entity: 'institution', code: 'ICBC', input: { version: (await bankRow(db, 'ICBC')).version }, source: 'API' }),
    observe: (db) => bankRow(db, 'ICBC'),
  }),
  op('status', 'bulkUpdateCityStatuses', 'admin pm', {
    call: async (db, ctx) =>
      bulkUpdateCityStatuses(db, ctx, { programSlug: CITIES, provinceCode: '44', input: { cities: await Promise.all(['4405', '4406'].map(async (code) => ({ code, version: (await cityRow(db, code)).version }))), note: `m${next()}` }, source: 'API' }),
    observe: async (db) => Promise.all(['4405', '4406'].map((code) => cityRow(db, code))),
  }),
  op('import', 'previewImport', 'admin pm icbc cmb', {
    prepare: ownRowFile,
    call: (db, ctx, p) => previewImport(db, ctx, p.file),
    returns: (preview) => expect(preview.counts).toMatchObject({ rows: 1, changes: 1, errors: 0 }),
  }),
  op('import', 'commitImport', 'admin pm icbc cmb', {
    prepare: ownRowFile,
    call: (db, ctx, p) => commitImport(db, ctx, p.file),
    observe: (db, p) => ownRow(db, p.who),
  }),
  op('programs', 'createProgram', 'admin', {
    prepare: async () => `matrix-${next()}`,
    call: (db, ctx, slug) => createProgram(db, ctx, { slug, nameZh: '矩阵测试', nameEn: 'Matrix', directionZh: '测试', directionEn: 'Test', scopeRule: 'METRIC', startDate: '2026-01-01', targetDate: '2026-12-31', targetValue: 50 }),
    observe: (db, slug) => db.program.findUnique({ where: { slug }, select: { slug: true } }),
  }),
  op('programs', 'updateProgram', 'admin', {
    call: async (db, ctx) => {
      const p = await program(db, METRIC);
      return updateProgram(db, ctx, { slug: p.slug, version: p.version, nameZh: p.nameZh, nameEn: `Matrix ${next()}`, directionZh: p.directionZh, directionEn: p.directionEn, staleAfterDays: p.staleAfterDays, targetValue: p.targetValue });
    },
    observe: (db) => db.program.findUniqueOrThrow({ where: { slug: METRIC }, select: { nameEn: true, version: true } }),
  }),
  op('programs', 'replanTarget', 'admin', {
    call: async (db, ctx) => {
      const p = await program(db, CITIES);
      return replanTarget(db, ctx, { slug: CITIES, version: p.version, expectedTargetDate: p.targetDate, newTargetDate: addDays(p.targetDate, 1), reason: 'matrix re-plan' });
    },
    observe: (db) => db.program.findUniqueOrThrow({ where: { slug: CITIES }, select: { targetDate: true, version: true } }),
  }),
  op('users', 'createUser', 'admin', {
    prepare: async () => `matrix-${next()}@hutong.test`,
    call: (db, ctx, email) => createUser(db, ctx, { email, role: 'EXECUTIVE', password: 'Matrix-Pass-2021!' }),
    observe: (db, email) => db.user.findUnique({ where: { email }, select: { email: true } }),
  }),
  op('users', 'updateUserRole', 'admin', {
    prepare: async (db) => ((await user(db, targetUserId)).role === 'EXECUTIVE' ? 'PROGRAM_MANAGER' : 'EXECUTIVE'),
    call: (db, ctx, role) => updateUserRole(db, ctx, { userId: targetUserId, role }),
    observe: (db) => user(db, targetUserId),
  }),
  op('users', 'disableUser', 'admin', {
    prepare: async (db) => {
      await db.user.update({ where: { id: targetUserId }, data: { disabled: false } });
    },
    call: (db, ctx) => disableUser(db, ctx, { userId: targetUserId }),
    observe: (db) => user(db, targetUserId),
  }),
  op('users', 'enableUser', 'admin', {
    prepare: async (db) => {
      await db.user.update({ where: { id: targetUserId }, data: { disabled: true } });
    },
    call: (db, ctx) => enableUser(db, ctx, { userId: targetUserId }),
    observe: (db) => user(db, targetUserId),
  }),
  op('users', 'resetPassword', 'admin', {
    call: (db, ctx) => resetPassword(db, ctx, { userId: targetUserId, password: `Matrix-Reset-${next()}!` }),
    observe: (db) => user(db, targetUserId),
  }),
  op('milestones', 'createMilestone', 'admin pm', {
    prepare: async () => `矩阵 ${next()}`,
    call: (db, ctx, titleZh) => createMilestone(db, ctx, { programSlug: CITIES, titleZh, titleEn: 'Matrix', dueDate: '2026-06-30' }),
    observe: (db, titleZh) => db.milestone.count({ where: { titleZh } }),
  }),
  op('milestones', 'updateMilestone', 'admin pm', {
    prepare: newMilestone,
    call: (db, ctx, id) => updateMilestone(db, ctx, { id, version: 1, titleZh: '矩阵', titleEn: `Matrix ${next()}`, dueDate: '2026-06-30' }),
    observe: milestone,
  }),
  op('milestones', 'markMilestoneDone', 'admin pm', {
    prepare: newMilestone,
    call: (db, ctx, id) => markMilestoneDone(db, ctx, { id, version: 1 }),
    observe: milestone,
  }),
  op('milestones', 'deleteMilestone', 'admin pm', {
    prepare: newMilestone,
    call: (db, ctx, id) => deleteMilestone(db, ctx, { id, version: 1 }),
    observe: milestone,
  }),
  op('annotations', 'createAnnotation', 'admin pm', {
    prepare: async () => `矩阵 ${next()}`,
    call: (db, ctx, titleZh) => createAnnotation(db, ctx, { programSlug: CITIES, date: '2021-10-02', titleZh, titleEn: 'Matrix' }),
    observe: (db, titleZh) => db.annotation.count({ where: { titleZh } }),
  }),
  op('annotations', 'updateAnnotation', 'admin pm', {
    prepare: newAnnotation,
    call: (db, ctx, id) => updateAnnotation(db, ctx, { id, version: 1, date: '2021-10-02', titleZh: '矩阵', titleEn: `Matrix ${next()}` }),
    observe: annotation,
  }),
  op('annotations', 'deleteAnnotation', 'admin pm', {
    prepare: newAnnotation,
    call: (db, ctx, id) => deleteAnnotation(db, ctx, { id, version: 1 }),
    observe: annotation,
  }),
  op('tokens', 'createApiToken', 'admin', {
    prepare: async () => `matrix ${next()}`,
    call: (db, ctx, name) => createApiToken(db, ctx, { userId: tokenUserId, name }),
    observe: (db, name) => db.apiToken.count({ where: { name } }),
  }),
  op('tokens', 'revokeApiToken', 'admin', {
    prepare: newToken,
    call: (db, ctx, tokenId) => revokeApiToken(db, ctx, { tokenId }),
    observe: token,
  }),
  op('tokens', 'revokeUserApiTokens', 'admin', {
    prepare: newToken,
    call: (db, ctx) => revokeUserApiTokens(db, ctx, { userId: tokenUserId }),
    observe: token,
  }),
  op('alerts', 'setProgramFollow', 'admin pm', {
    prepare: userIdOf,
    call: (db, ctx) => setProgramFollow(db, ctx, { programSlug: METRIC, following: true }),
    observe: (db, userId) => db.programFollow.findMany({ where: { userId }, select: { programId: true, following: true } }),
  }),
  op('alerts', 'setAlertChannel', 'admin pm exec icbc cmb', {
    prepare: userIdOf,
    call: (db, ctx) => setAlertChannel(db, ctx, { kind: 'REGRESSION', channel: 'DIGEST' }),
    observe: (db, userId) => db.alertPreference.findMany({ where: { userId }, select: { kind: true, channel: true } }),
  }),
  op('alerts', 'markAlertsRead', 'admin pm exec icbc cmb', {
    prepare: newDelivery,
    call: (db, ctx, id) => markAlertsRead(db, ctx, { ids: [id] }),
    observe: (db, id) => db.alertDelivery.findUniqueOrThrow({ where: { id }, select: { readAt: true } }),
  }),
  op('alerts', 'unsubscribeAlertMail', 'admin pm exec icbc cmb', {
    // The link's own person, who gets mail of the kind until they follow it.
    prepare: async (db, who) => {
      const userId = await userIdOf(db, who);
      await db.alertPreference.upsert({ where: { userId_kind: { userId, kind: 'IMPORT_LANDED' } }, create: { userId, kind: 'IMPORT_LANDED', channel: 'MAIL' }, update: { channel: 'MAIL' } });
      return userId;
    },
    call: (db, ctx, userId) => unsubscribeAlertMail(db, ctx, { token: unsubscribeToken(MATRIX_SECRET, userId, 'IMPORT_LANDED') }, MATRIX_SECRET),
    observe: (db, userId) => db.alertPreference.findUniqueOrThrow({ where: { userId_kind: { userId, kind: 'IMPORT_LANDED' } }, select: { channel: true } }),
  }),
];

/** Reads that can leak: the same check, outside mutations.ts. */
const PROTECTED_QUERIES: MatrixRow[] = [
  op('import', 'exportStatusCsv(cities)', 'admin pm exec', {
    call: (db, ctx) => exportStatusCsv(db, ctx, { programSlug: CITIES }),
    returns: (csv) => expect(csv.rows).toBeGreaterThan(300),
  }),
  op('import', 'exportStatusCsv(banks)', 'admin pm exec icbc cmb', {
    call: (db, ctx) => exportStatusCsv(db, ctx, { programSlug: BANKS }),
    returns: (csv) => expect(csv.rows).toBeGreaterThan(0),
  }),
  op('audit', 'listAuditEntries', 'admin', {
    call: (db, ctx) => listAuditEntries(db, ctx.viewer, { limit: 5 }),
    returns: (page) => expect(page.entries.length).toBeGreaterThan(0),
  }),
];

/** Rows per table: a refused call adds its one audit entry and nothing else anywhere. */
async function rowCounts(db: Db): Promise<Record<string, number>> {
  const models = Object.values(Prisma.ModelName).map((name) => name.charAt(0).toLowerCase() + name.slice(1));
  const counts = await Promise.all(models.map((m) => (db as unknown as Record<string, { count: () => Promise<number> }>)[m]!.count()));
  return Object.fromEntries(models.map((m, i) => [m, counts[i]!]));
}

const { t, as } = withDemoDb({ now: DEMO_NOW });
beforeAll(async () => {
  targetUserId = (await t.db.user.create({ data: { email: 'matrix-target@hutong.test', name: '矩阵', role: 'EXECUTIVE', passwordHash: 'not-a-hash' } })).id;
  tokenUserId = (await t.db.user.create({ data: { email: 'matrix-token@hutong.test', name: '令牌', role: 'PARTNER', institutionCode: 'ICBC', passwordHash: 'not-a-hash' } })).id;
});

describe('authorisation matrix', () => {
  it('has a row for every exported function of every lib/**/mutations.ts, and no stale rows', async () => {
    const modules = import.meta.glob<Record<string, unknown>>('../**/mutations.ts');
    const exported: string[] = [];
    for (const [path, load] of Object.entries(modules)) {
      if (path.includes('/generated/')) continue;
      const folder = path.replace(/^\.\.\//, '').replace(/\/mutations\.ts$/, '');
      const mod = await load();
      for (const [name, value] of Object.entries(mod)) if (typeof value === 'function') exported.push(`${folder}#${name}`);
    }
    expect(exported.length).toBeGreaterThan(0);
    const inTable = MATRIX.map((r) => r.op);
    expect(exported.filter((e) => !inTable.includes(e)), 'mutations without a matrix row').toEqual([]);
    expect(inTable.filter((r) => !exported.includes(r)), 'matrix rows without a mutation').toEqual([]);
    expect(new Set(inTable).size).toBe(inTable.length);
  });

  const cells = [...MATRIX, ...PROTECTED_QUERIES].flatMap((row) => WHO.map((who) => [row.op, who, row.allowed.has(who) ? 'allowed' : 'refused', row] as const));
  it.each(cells)('%s as %s: %s', async (_op, who, outcome, row) => {
    const ctx = as[who];
    const audit = (outcome: 'ALLOWED' | 'DENIED') => t.db.auditLog.count({ where: { outcome, actorId: ctx.viewer.id } });
    const cell = await row.run(t.db, ctx, who);
    const deniedBefore = await audit('DENIED');
    if (outcome === 'allowed') {
      cell.check(await cell.call());
      if (cell.observe) expect(await cell.observe(), 'the allowed call changed its row').not.toEqual(cell.before);
      expect(await audit('DENIED')).toBe(deniedBefore);
      return;
    }
    const countsBefore = await rowCounts(t.db);
    const allowedBefore = await audit('ALLOWED');
    await refused(cell.call(), 'FORBIDDEN');
    if (cell.observe) expect(await cell.observe()).toEqual(cell.before);
    expect(await rowCounts(t.db)).toEqual({ ...countsBefore, auditLog: countsBefore.auditLog! + 1 });
    expect(await audit('DENIED')).toBe(deniedBefore + 1);
    expect(await audit('ALLOWED')).toBe(allowedBefore);
  });
});
