/// <reference types="vite/client" />
/**
 * The authorisation matrix: every exported function of every lib/** /mutations.ts, called as each
 * demo user (admin, program manager, executive, the partners of ICBC and CMB). An allowed call must
 * succeed; a refused one must throw FORBIDDEN, change nothing and leave one DENIED audit row.
 *
 * Adding a mutation: add one `op(...)` line to MATRIX (module, function, who may, how to call it
 * with valid input). A mutation without a line fails the first test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db';
import { DEMO_EMAILS, loadDemoContexts, type DemoUser } from '../../tests/helpers/demo-viewers';
import { seedDatabase } from '../../prisma/seed';
import type { Db } from '../db';
import { AppError } from '../errors';
import { addDays } from '../time';
import type { RequestContext } from './viewer';
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

const CITIES = 'alipay-unionpay-offline';
const BANKS = 'alipay-bank-apps';
const METRIC = 'alipay-online-quickpass';
const WHO = Object.keys(DEMO_EMAILS) as DemoUser[];

type Call = (db: Db, ctx: RequestContext, who: DemoUser) => Promise<unknown>;
interface MatrixRow {
  /** `<folder under lib>#<function>`, e.g. `status#updateCityStatus`. */
  op: string;
  allowed: ReadonlySet<DemoUser>;
  call: Call;
}
/** `allowed` lists demo users separated by spaces: 'admin pm icbc'. */
const op = (module: string, fn: string, allowed: string, call: Call): MatrixRow => ({
  op: `${module}#${fn}`,
  allowed: new Set(allowed.split(' ').filter(Boolean) as DemoUser[]),
  call,
});

let serial = 0;
const next = () => ++serial;

// Fresh state for each call, so an allowed call never fails for a stale version.
const cityRow = (db: Db, code: string) => db.cityStatus.findFirstOrThrow({ where: { cityCode: code, program: { slug: CITIES } } });
const bankRow = (db: Db, code: string) => db.institutionStatus.findFirstOrThrow({ where: { institutionCode: code, program: { slug: BANKS } } });
const program = (db: Db, slug: string) => db.program.findUniqueOrThrow({ where: { slug } });
let targetUserId = '';
let milestoneId = '';
let annotationId = '';
let tokenUserId = '';
const newToken = async (db: Db) =>
  (await db.apiToken.create({ data: { userId: tokenUserId, name: 'matrix', tokenHash: `matrix-${next()}`, prefix: 'hut_matr' } })).id;
const newMilestone = async (db: Db) =>
  (await db.milestone.create({ data: { programId: (await program(db, CITIES)).id, titleZh: '矩阵', titleEn: 'Matrix', dueDate: '2026-06-30' } })).id;
const newAnnotation = async (db: Db) =>
  (await db.annotation.create({ data: { programId: (await program(db, CITIES)).id, date: '2021-10-02', titleZh: '矩阵', titleEn: 'Matrix' } })).id;

/** A one-row import file of a row the user could edit: their institution's, or a city for staff. */
async function ownRowFile(db: Db, who: DemoUser) {
  const bank = who === 'icbc' ? 'ICBC' : who === 'cmb' ? 'CMB' : null;
  const row = bank ? await bankRow(db, bank) : await cityRow(db, '4401');
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
  return { name: 'matrix.csv', bytes: new TextEncoder().encode(serializeCsv([CSV_COLUMNS, CSV_COLUMNS.map((c) => cells[c])])) };
}

const MATRIX: MatrixRow[] = [
  op('status', 'updateCityStatus', 'admin pm', async (db, ctx) => updateCityStatus(db, ctx, { programSlug: CITIES, cityCode: '4403', input: { version: (await cityRow(db, '4403')).version, note: `m${next()}` }, source: 'API' })),
  op('status', 'updateInstitutionStatus', 'admin pm icbc', async (db, ctx) => updateInstitutionStatus(db, ctx, { programSlug: BANKS, institutionCode: 'ICBC', input: { version: (await bankRow(db, 'ICBC')).version, note: `m${next()}` }, source: 'API' })),
  op('status', 'confirmStatus', 'admin pm icbc', async (db, ctx) => confirmStatus(db, ctx, { programSlug: BANKS, entity: 'institution', code: 'ICBC', input: { version: (await bankRow(db, 'ICBC')).version, confirm: true }, source: 'API' })),
  op('status', 'verifyStatus', 'admin pm', async (db, ctx) => { await db.institutionStatus.updateMany({ where: { institutionCode: 'ICBC' }, data: { verified: false } }); return verifyStatus(db, ctx, { programSlug: BANKS, entity: 'institution', code: 'ICBC', input: { version: (await bankRow(db, 'ICBC')).version }, source: 'API' }); }),
  op('status', 'bulkUpdateCityStatuses', 'admin pm', async (db, ctx) => bulkUpdateCityStatuses(db, ctx, { programSlug: CITIES, provinceCode: '44', input: { cities: await Promise.all(['4405', '4406'].map(async (code) => ({ code, version: (await cityRow(db, code)).version }))), note: `m${next()}` }, source: 'API' })),
  op('import', 'previewImport', 'admin pm icbc cmb', async (db, ctx, who) => previewImport(db, ctx, await ownRowFile(db, who))),
  op('import', 'commitImport', 'admin pm icbc cmb', async (db, ctx, who) => commitImport(db, ctx, await ownRowFile(db, who))),
  op('programs', 'createProgram', 'admin', (db, ctx) => createProgram(db, ctx, { slug: `matrix-${next()}`, nameZh: '矩阵测试', nameEn: 'Matrix', directionZh: '测试', directionEn: 'Test', scopeRule: 'METRIC', startDate: '2026-01-01', targetDate: '2026-12-31', targetValue: 50 })),
  op('programs', 'updateProgram', 'admin', async (db, ctx) => { const p = await program(db, METRIC); return updateProgram(db, ctx, { slug: p.slug, version: p.version, nameZh: p.nameZh, nameEn: `Matrix ${next()}`, directionZh: p.directionZh, directionEn: p.directionEn, staleAfterDays: p.staleAfterDays, targetValue: p.targetValue }); }),
  op('programs', 'replanTarget', 'admin', async (db, ctx) => { const p = await program(db, CITIES); return replanTarget(db, ctx, { slug: CITIES, version: p.version, expectedTargetDate: p.targetDate, newTargetDate: addDays(p.targetDate, 1), reason: 'matrix re-plan' }); }),
  op('users', 'createUser', 'admin', (db, ctx) => createUser(db, ctx, { email: `matrix-${next()}@hutong.test`, role: 'EXECUTIVE', password: 'Matrix-Pass-2021!' })),
  op('users', 'updateUserRole', 'admin', (db, ctx) => updateUserRole(db, ctx, { userId: targetUserId, role: next() % 2 ? 'PROGRAM_MANAGER' : 'EXECUTIVE' })),
  op('users', 'disableUser', 'admin', (db, ctx) => disableUser(db, ctx, { userId: targetUserId })),
  op('users', 'enableUser', 'admin', (db, ctx) => enableUser(db, ctx, { userId: targetUserId })),
  op('users', 'resetPassword', 'admin', (db, ctx) => resetPassword(db, ctx, { userId: targetUserId, password: `Matrix-Reset-${next()}!` })),
  op('milestones', 'createMilestone', 'admin pm', (db, ctx) => createMilestone(db, ctx, { programSlug: CITIES, titleZh: '矩阵', titleEn: 'Matrix', dueDate: '2026-06-30' })),
  op('milestones', 'updateMilestone', 'admin pm', async (db, ctx) => updateMilestone(db, ctx, { id: milestoneId, version: (await db.milestone.findUniqueOrThrow({ where: { id: milestoneId } })).version, titleZh: '矩阵', titleEn: `Matrix ${next()}`, dueDate: '2026-06-30' })),
  op('milestones', 'markMilestoneDone', 'admin pm', async (db, ctx) => markMilestoneDone(db, ctx, { id: await newMilestone(db), version: 1 })),
  op('milestones', 'deleteMilestone', 'admin pm', async (db, ctx) => deleteMilestone(db, ctx, { id: await newMilestone(db), version: 1 })),
  op('annotations', 'createAnnotation', 'admin pm', (db, ctx) => createAnnotation(db, ctx, { programSlug: CITIES, date: '2021-10-02', titleZh: '矩阵', titleEn: 'Matrix' })),
  op('annotations', 'updateAnnotation', 'admin pm', async (db, ctx) => updateAnnotation(db, ctx, { id: annotationId, version: (await db.annotation.findUniqueOrThrow({ where: { id: annotationId } })).version, date: '2021-10-02', titleZh: '矩阵', titleEn: `Matrix ${next()}` })),
  op('annotations', 'deleteAnnotation', 'admin pm', async (db, ctx) => deleteAnnotation(db, ctx, { id: await newAnnotation(db), version: 1 })),
  op('tokens', 'createApiToken', 'admin', (db, ctx) => createApiToken(db, ctx, { userId: tokenUserId, name: `matrix ${next()}` })),
  op('tokens', 'revokeApiToken', 'admin', async (db, ctx) => revokeApiToken(db, ctx, { tokenId: await newToken(db) })),
  op('tokens', 'revokeUserApiTokens', 'admin', async (db, ctx) => { await newToken(db); return revokeUserApiTokens(db, ctx, { userId: tokenUserId }); }),
];

/** Reads that can leak another institution's data: the same check, outside mutations.ts. */
const PROTECTED_QUERIES: MatrixRow[] = [
  op('import', 'exportStatusCsv(cities)', 'admin pm exec', (db, ctx) => exportStatusCsv(db, ctx, { programSlug: CITIES })),
  op('import', 'exportStatusCsv(banks)', 'admin pm exec icbc cmb', (db, ctx) => exportStatusCsv(db, ctx, { programSlug: BANKS })),
];

let t: TestDb;
let as: Record<DemoUser, RequestContext>;
beforeAll(async () => {
  t = await createTestDb();
  await seedDatabase(t.db, { demo: true, demoPassword: 'test-password-123', now: new Date('2026-11-25T04:00:00Z') });
  as = await loadDemoContexts(t.db);
  targetUserId = (await t.db.user.create({ data: { email: 'matrix-target@hutong.test', name: '矩阵', role: 'EXECUTIVE', passwordHash: 'not-a-hash' } })).id;
  milestoneId = await newMilestone(t.db);
  annotationId = await newAnnotation(t.db);
  tokenUserId = (await t.db.user.create({ data: { email: 'matrix-token@hutong.test', name: '令牌', role: 'PARTNER', institutionCode: 'ICBC', passwordHash: 'not-a-hash' } })).id;
}, 180_000);
afterAll(async () => {
  await t?.cleanup();
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

  const cells = [...MATRIX, ...PROTECTED_QUERIES].flatMap((row) => WHO.map((who) => [row.op, who, row.allowed.has(who), row] as const));
  it.each(cells)('%s as %s: allowed = %s', async (_op, who, allowed, row) => {
    const ctx = as[who];
    const denied = () => t.db.auditLog.count({ where: { outcome: 'DENIED', actorId: ctx.viewer.id } });
    const deniedBefore = await denied();
    if (allowed) {
      await expect(row.call(t.db, ctx, who)).resolves.toBeDefined();
      expect(await denied()).toBe(deniedBefore);
      return;
    }
    const changesBefore = await t.db.statusChange.count();
    let error: unknown = null;
    try {
      await row.call(t.db, ctx, who);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('FORBIDDEN');
    expect(await denied()).toBe(deniedBefore + 1);
    expect(await t.db.statusChange.count()).toBe(changesBefore);
  });
});
