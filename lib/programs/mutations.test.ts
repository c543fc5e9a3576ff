import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../prisma/seed';
import { loadDemoContexts, type DemoUser } from '../../tests/helpers/demo-viewers';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db';
import type { RequestContext } from '../auth/viewer';
import { AppError } from '../errors';
import { createProgram, replanTarget, updateProgram } from './mutations';
import type { CreateProgramInput } from './schema';

let t: TestDb;
let as: Record<DemoUser, RequestContext>;

beforeAll(async () => {
  t = await createTestDb();
  await seedDatabase(t.db, { demo: true, demoPassword: 'test-password-123', now: new Date('2026-11-25T04:00:00Z') });
  as = await loadDemoContexts(t.db);
}, 120_000);
afterAll(async () => {
  await t.cleanup();
});

const REVERSE = 'quickpass-payment-code-reverse';
const NOT_ADMINS: DemoUser[] = ['pm', 'exec', 'icbc'];

function newProgram(overrides: Partial<CreateProgramInput> = {}): CreateProgramInput {
  return {
    slug: 'test-all-cities',
    nameZh: '测试：全国地级市',
    nameEn: 'Test: all prefecture-level cities',
    directionZh: '云闪付扫描测试收款码',
    directionEn: 'QuickPass scans test collection codes',
    scopeRule: 'ALL_PREFECTURE_CITIES',
    startDate: '2026-01-01',
    targetDate: '2026-12-31',
    ...overrides,
  };
}

/** Rejects with an AppError of this code (never a raw Prisma or zod error) and returns it. */
async function refused(promise: Promise<unknown>, code: AppError['code']): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}, but the call succeeded`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

function auditRows(action: string, outcome?: 'ALLOWED' | 'DENIED') {
  return t.db.auditLog.findMany({ where: { action, ...(outcome ? { outcome } : {}) }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
}

async function snapshotOf(slug: string) {
  return t.db.program.findUnique({ where: { slug }, include: { targetChanges: true, _count: { select: { cityStatuses: true } } } });
}

describe('createProgram', () => {
  it('ALL_PREFECTURE_CITIES: an admin creates the program with 337 NOT_STARTED city rows, audited', async () => {
    const created = await createProgram(t.db, as.admin, newProgram());
    expect(created.statusRows).toBe(337);
    const program = await t.db.program.findUniqueOrThrow({ where: { slug: 'test-all-cities' } });
    expect(program).toMatchObject({ unit: 'CITY', baselineTargetDate: '2026-12-31', targetDate: '2026-12-31', staleAfterDays: 30, targetValue: null });
    const rows = await t.db.cityStatus.findMany({ where: { programId: program.id }, include: { city: true } });
    expect(rows).toHaveLength(337);
    expect(rows.every((r) => r.status === 'NOT_STARTED' && r.version === 1)).toBe(true);
    expect(rows.some((r) => r.city.level === 'COUNTY_LEVEL')).toBe(false);

    const [audit] = await auditRows('program.create', 'ALLOWED');
    expect(audit).toMatchObject({ entityType: 'Program', entityId: program.id, actorId: as.admin.viewer.id, actorRole: 'ADMIN', ip: '127.0.0.1' });
    expect(audit?.after).toMatchObject({ slug: 'test-all-cities', statusRows: 337, baselineTargetDate: '2026-12-31' });
  });

  it('PROVINCIAL_CAPITALS: one row per province capital (31)', async () => {
    const created = await createProgram(t.db, as.admin, newProgram({ slug: 'test-capitals', scopeRule: 'PROVINCIAL_CAPITALS' }));
    expect(created.statusRows).toBe(31);
    const capitals = (await t.db.province.findMany({ select: { capitalCode: true } })).map((p) => p.capitalCode).sort();
    const rows = await t.db.cityStatus.findMany({ where: { programId: created.id }, select: { cityCode: true } });
    expect(rows.map((r) => r.cityCode).sort()).toEqual(capitals);
  });

  it('ENROLLED_INSTITUTIONS: rows for exactly the chosen institutions; an unknown code creates nothing', async () => {
    const created = await createProgram(
      t.db,
      as.admin,
      newProgram({ slug: 'test-banks', scopeRule: 'ENROLLED_INSTITUTIONS', institutionCodes: ['ICBC', 'CMB'] }),
    );
    const rows = await t.db.institutionStatus.findMany({ where: { programId: created.id }, select: { institutionCode: true } });
    expect(rows.map((r) => r.institutionCode).sort()).toEqual(['CMB', 'ICBC']);
    expect((await t.db.program.findUniqueOrThrow({ where: { id: created.id } })).unit).toBe('INSTITUTION');

    const error = await refused(
      createProgram(t.db, as.admin, newProgram({ slug: 'test-banks-2', scopeRule: 'ENROLLED_INSTITUTIONS', institutionCodes: ['ICBC', 'NOPE'] })),
      'VALIDATION',
    );
    expect(error.details).toEqual({ issues: [{ path: 'institutionCodes', key: 'unknownInstitution', values: { codes: 'NOPE' } }] });
    expect(await t.db.program.findUnique({ where: { slug: 'test-banks-2' } })).toBeNull();
  });

  it('METRIC: no status rows, and the percent target is required', async () => {
    const created = await createProgram(t.db, as.admin, newProgram({ slug: 'test-metric', scopeRule: 'METRIC', targetValue: 90 }));
    expect(created.statusRows).toBe(0);
    expect(await t.db.program.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ unit: 'PERCENT', targetValue: 90 });
    const error = await refused(createProgram(t.db, as.admin, newProgram({ slug: 'test-metric-2', scopeRule: 'METRIC' })), 'VALIDATION');
    expect(error.details).toEqual({ issues: [{ path: 'targetValue', key: 'targetValueRequired' }] });
  });

  it.each(NOT_ADMINS)('%s is refused: nothing is created and one DENIED row records the attempt', async (who) => {
    const slug = `test-denied-${who}`;
    const deniedBefore = (await auditRows('program.create', 'DENIED')).length;
    await refused(createProgram(t.db, as[who], newProgram({ slug })), 'FORBIDDEN');
    expect(await t.db.program.findUnique({ where: { slug } })).toBeNull();
    const denied = await auditRows('program.create', 'DENIED');
    expect(denied).toHaveLength(deniedBefore + 1);
    expect(denied.at(-1)).toMatchObject({ actorId: as[who].viewer.id, actorRole: as[who].viewer.role, reason: 'FORBIDDEN', entityId: slug });
  });

  it('a duplicate slug is a CONFLICT on the slug field, never a raw database error', async () => {
    const programsBefore = await t.db.program.count();
    const error = await refused(createProgram(t.db, as.admin, newProgram({ slug: 'alipay-unionpay-offline' })), 'CONFLICT');
    expect(error.details).toEqual({ issues: [{ path: 'slug', key: 'slugTaken' }] });
    expect(await t.db.program.count()).toBe(programsBefore);
    expect((await auditRows('program.create', 'DENIED')).at(-1)).toMatchObject({ reason: 'CONFLICT', entityId: 'alipay-unionpay-offline' });
  });

  it('five admins creating one slug at once: one program, four CONFLICTs', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => createProgram(t.db, as.admin, newProgram({ slug: 'test-race', scopeRule: 'PROVINCIAL_CAPITALS' }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(failures).toHaveLength(4);
    for (const f of failures) expect(f).toMatchObject({ name: 'AppError', code: 'CONFLICT' });
    const program = await t.db.program.findUniqueOrThrow({ where: { slug: 'test-race' }, include: { _count: { select: { cityStatuses: true } } } });
    expect(program._count.cityStatuses).toBe(31);
  });

  it('refuses fields the form does not offer and malformed slugs', async () => {
    const withBaseline = await refused(
      createProgram(t.db, as.admin, { ...newProgram({ slug: 'test-extra' }), baselineTargetDate: '2020-01-01' }),
      'VALIDATION',
    );
    expect(withBaseline.details).toMatchObject({ issues: [{ path: '', key: 'unknownField' }] });
    const badSlug = await refused(createProgram(t.db, as.admin, newProgram({ slug: 'Bad Slug!' })), 'VALIDATION');
    expect(badSlug.details).toEqual({ issues: [{ path: 'slug', key: 'slugFormat' }] });
    expect(await t.db.program.findUnique({ where: { slug: 'test-extra' } })).toBeNull();
    expect((await auditRows('program.create', 'DENIED')).at(-1)).toMatchObject({ reason: 'VALIDATION', after: { invalidFields: ['slug'] } });
  });
});

describe('updateProgram', () => {
  const edit = (overrides: Record<string, unknown> = {}) => ({
    slug: REVERSE,
    nameZh: '云闪付付款码反扫（已更名）',
    nameEn: 'QuickPass payment code, reverse (renamed)',
    directionZh: '支付宝、微信扫描云闪付付款码',
    directionEn: 'Alipay and WeChat scan QuickPass payment codes',
    staleAfterDays: 14,
    targetValue: null,
    ...overrides,
  });

  it('an admin edits names and the staleness threshold; the audit row holds only what changed', async () => {
    const before = await t.db.program.findUniqueOrThrow({ where: { slug: REVERSE } });
    const result = await updateProgram(t.db, as.admin, edit({ directionZh: before.directionZh, directionEn: before.directionEn }));
    expect(result).toMatchObject({ changed: true, program: { nameEn: 'QuickPass payment code, reverse (renamed)', staleAfterDays: 14 } });
    const after = await t.db.program.findUniqueOrThrow({ where: { slug: REVERSE } });
    expect(after).toMatchObject({ nameEn: 'QuickPass payment code, reverse (renamed)', staleAfterDays: 14, targetDate: before.targetDate });
    const [audit] = await auditRows('program.update', 'ALLOWED');
    expect(audit?.before).toEqual({ nameZh: before.nameZh, nameEn: before.nameEn, staleAfterDays: before.staleAfterDays });
    expect(audit?.after).toEqual({ nameZh: '云闪付付款码反扫（已更名）', nameEn: 'QuickPass payment code, reverse (renamed)', staleAfterDays: 14 });
  });

  it('saving an unchanged form writes nothing and audits nothing', async () => {
    const current = await t.db.program.findUniqueOrThrow({ where: { slug: REVERSE } });
    const rowsBefore = (await auditRows('program.update')).length;
    const result = await updateProgram(t.db, as.admin, edit({ directionZh: current.directionZh, directionEn: current.directionEn }));
    expect(result.changed).toBe(false);
    expect(await auditRows('program.update')).toHaveLength(rowsBefore);
  });

  it.each(NOT_ADMINS)('%s is refused and nothing changes', async (who) => {
    const before = await snapshotOf(REVERSE);
    await refused(updateProgram(t.db, as[who], edit({ nameEn: `hijacked by ${who}` })), 'FORBIDDEN');
    expect(await snapshotOf(REVERSE)).toEqual(before);
    expect((await auditRows('program.update', 'DENIED')).at(-1)).toMatchObject({ actorId: as[who].viewer.id, reason: 'FORBIDDEN' });
  });

  it('a percent target only for percent programs; an unknown program is NOT_FOUND', async () => {
    const error = await refused(updateProgram(t.db, as.admin, edit({ targetValue: 50 })), 'VALIDATION');
    expect(error.details).toEqual({ issues: [{ path: 'targetValue', key: 'targetValueOnlyForMetric' }] });
    await refused(updateProgram(t.db, as.admin, edit({ slug: 'no-such-program' })), 'NOT_FOUND');
    expect((await auditRows('program.update', 'DENIED')).at(-1)).toMatchObject({ reason: 'NOT_FOUND', entityId: 'no-such-program' });
  });
});

describe('replanTarget', () => {
  it('moves the target in force, keeps the baseline, records the reason and who', async () => {
    const before = await t.db.program.findUniqueOrThrow({ where: { slug: 'alipay-unionpay-offline' } });
    const result = await replanTarget(t.db, as.admin, {
      slug: 'alipay-unionpay-offline',
      expectedTargetDate: before.targetDate,
      newTargetDate: '2022-06-30',
      reason: '  疫情影响，部分地市推迟验收  ',
    });
    expect(result).toMatchObject({ fromDate: before.targetDate, toDate: '2022-06-30', reason: '疫情影响，部分地市推迟验收' });
    const after = await t.db.program.findUniqueOrThrow({ where: { slug: 'alipay-unionpay-offline' }, include: { targetChanges: true } });
    expect(after.targetDate).toBe('2022-06-30');
    expect(after.baselineTargetDate).toBe(before.baselineTargetDate);
    expect(after.targetChanges).toEqual([
      expect.objectContaining({ fromDate: before.targetDate, toDate: '2022-06-30', reason: '疫情影响，部分地市推迟验收', changedById: as.admin.viewer.id }),
    ]);
    expect((await auditRows('program.replanTarget', 'ALLOWED')).at(-1)).toMatchObject({
      entityId: after.id,
      before: { targetDate: before.targetDate },
      after: { targetDate: '2022-06-30', reason: '疫情影响，部分地市推迟验收' },
    });
  });

  it('refuses an empty or blank reason, and changes nothing', async () => {
    const before = await snapshotOf('alipay-bank-apps');
    for (const reason of ['', '    ', 'abc']) {
      const error = await refused(
        replanTarget(t.db, as.admin, { slug: 'alipay-bank-apps', expectedTargetDate: before!.targetDate, newTargetDate: '2022-03-31', reason }),
        'VALIDATION',
      );
      expect(error.details).toEqual({ issues: [{ path: 'reason', key: reason === 'abc' ? 'tooShort' : 'required', ...(reason === 'abc' ? { values: { min: 5 } } : {}) }] });
    }
    expect(await snapshotOf('alipay-bank-apps')).toEqual(before);
  });

  it('refuses a stale expected target with CONFLICT (someone re-planned since the form was loaded)', async () => {
    const before = await snapshotOf(REVERSE);
    expect(before!.targetDate).not.toBe('2026-06-30');
    await refused(
      replanTarget(t.db, as.admin, { slug: REVERSE, expectedTargetDate: '2026-06-30', newTargetDate: '2027-12-31', reason: 'based on an old page' }),
      'CONFLICT',
    );
    expect(await snapshotOf(REVERSE)).toEqual(before);
    expect((await auditRows('program.replanTarget', 'DENIED')).at(-1)).toMatchObject({ reason: 'CONFLICT', entityId: REVERSE });
  });

  it('two admins re-planning from the same page: one wins, the other gets CONFLICT', async () => {
    const before = await t.db.program.findUniqueOrThrow({ where: { slug: REVERSE }, include: { targetChanges: true } });
    const results = await Promise.allSettled(
      ['2027-09-30', '2027-10-31'].map((newTargetDate) =>
        replanTarget(t.db, as.admin, { slug: REVERSE, expectedTargetDate: before.targetDate, newTargetDate, reason: 'vendor slipped again' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ code: 'CONFLICT' });
    const after = await t.db.program.findUniqueOrThrow({ where: { slug: REVERSE }, include: { targetChanges: true } });
    expect(after.targetChanges).toHaveLength(before.targetChanges.length + 1);
  });

  it('refuses a target before the start date or equal to the current one', async () => {
    const p = await t.db.program.findUniqueOrThrow({ where: { slug: 'wechat-unionpay-offline' } });
    const early = await refused(
      replanTarget(t.db, as.admin, { slug: p.slug, expectedTargetDate: p.targetDate, newTargetDate: '2000-01-01', reason: 'typo in the year' }),
      'VALIDATION',
    );
    expect(early.details).toEqual({ issues: [{ path: 'newTargetDate', key: 'targetBeforeStart' }] });
    const same = await refused(
      replanTarget(t.db, as.admin, { slug: p.slug, expectedTargetDate: p.targetDate, newTargetDate: p.targetDate, reason: 'no change at all' }),
      'VALIDATION',
    );
    expect(same.details).toEqual({ issues: [{ path: 'newTargetDate', key: 'targetUnchanged' }] });
  });

  it.each(NOT_ADMINS)('%s may not re-plan', async (who) => {
    const before = await snapshotOf('wechat-unionpay-offline');
    await refused(
      replanTarget(t.db, as[who], { slug: 'wechat-unionpay-offline', expectedTargetDate: before!.targetDate, newTargetDate: '2030-01-01', reason: 'we want more time' }),
      'FORBIDDEN',
    );
    expect(await snapshotOf('wechat-unionpay-offline')).toEqual(before);
    expect((await auditRows('program.replanTarget', 'DENIED')).at(-1)).toMatchObject({ actorId: as[who].viewer.id, reason: 'FORBIDDEN' });
  });
});
