import { describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import type { DemoUser } from '../../tests/helpers/demo-viewers';
import { AppError } from '../errors';
import { createProgram, replanTarget, updateProgram } from './mutations';
import type { CreateProgramInput } from './schema';
import { refused } from '../../tests/helpers/refused';

const { t, as } = withDemoDb({ now: DEMO_NOW });

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
    expect(error.details).toEqual({ issues: [{ path: 'institutionCodes', code: 'unknownInstitution', values: { codes: 'NOPE' } }] });
    expect(await t.db.program.findUnique({ where: { slug: 'test-banks-2' } })).toBeNull();
  });

  it('METRIC: no status rows, and the percent target is required', async () => {
    const created = await createProgram(t.db, as.admin, newProgram({ slug: 'test-metric', scopeRule: 'METRIC', targetValue: 90 }));
    expect(created.statusRows).toBe(0);
    expect(await t.db.program.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ unit: 'PERCENT', targetValue: 90 });
    const error = await refused(createProgram(t.db, as.admin, newProgram({ slug: 'test-metric-2', scopeRule: 'METRIC' })), 'VALIDATION');
    expect(error.details).toEqual({ issues: [{ path: 'targetValue', code: 'targetValueRequired' }] });
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
    expect(error.details).toEqual({ issues: [{ path: 'slug', code: 'slugTaken' }] });
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
    expect(withBaseline.details).toMatchObject({ issues: [{ path: 'baselineTargetDate', code: 'unknownField' }] });
    const badSlug = await refused(createProgram(t.db, as.admin, newProgram({ slug: 'Bad Slug!' })), 'VALIDATION');
    expect(badSlug.details).toEqual({ issues: [{ path: 'slug', code: 'slugFormat' }] });
    expect(await t.db.program.findUnique({ where: { slug: 'test-extra' } })).toBeNull();
    expect((await auditRows('program.create', 'DENIED')).at(-1)).toMatchObject({ reason: 'VALIDATION', after: { invalidFields: ['slug'] } });
  });
});

async function versionOf(slug: string): Promise<number> {
  return (await t.db.program.findUniqueOrThrow({ where: { slug } })).version;
}

describe('updateProgram', () => {
  const edit = (version: number, overrides: Record<string, unknown> = {}) => ({
    slug: REVERSE,
    version,
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
    const result = await updateProgram(t.db, as.admin, edit(before.version, { directionZh: before.directionZh, directionEn: before.directionEn }));
    expect(result).toMatchObject({ changed: true, program: { nameEn: 'QuickPass payment code, reverse (renamed)', staleAfterDays: 14, version: before.version + 1 } });
    const after = await t.db.program.findUniqueOrThrow({ where: { slug: REVERSE } });
    expect(after).toMatchObject({ nameEn: 'QuickPass payment code, reverse (renamed)', staleAfterDays: 14, targetDate: before.targetDate, version: before.version + 1 });
    const [audit] = await auditRows('program.update', 'ALLOWED');
    expect(audit?.before).toEqual({ nameZh: before.nameZh, nameEn: before.nameEn, staleAfterDays: before.staleAfterDays, version: before.version });
    expect(audit?.after).toEqual({ nameZh: '云闪付付款码反扫（已更名）', nameEn: 'QuickPass payment code, reverse (renamed)', staleAfterDays: 14, version: before.version + 1 });
  });

  it('saving an unchanged form writes nothing and audits nothing', async () => {
    const current = await t.db.program.findUniqueOrThrow({ where: { slug: REVERSE } });
    const rowsBefore = (await auditRows('program.update')).length;
    const result = await updateProgram(t.db, as.admin, edit(current.version, { directionZh: current.directionZh, directionEn: current.directionEn }));
    expect(result.changed).toBe(false);
    expect(await auditRows('program.update')).toHaveLength(rowsBefore);
    expect(await versionOf(REVERSE)).toBe(current.version);
  });

  it.each(NOT_ADMINS)('%s is refused and nothing changes', async (who) => {
    const before = await snapshotOf(REVERSE);
    await refused(updateProgram(t.db, as[who], edit(before!.version, { nameEn: `hijacked by ${who}` })), 'FORBIDDEN');
    expect(await snapshotOf(REVERSE)).toEqual(before);
    expect((await auditRows('program.update', 'DENIED')).at(-1)).toMatchObject({ actorId: as[who].viewer.id, reason: 'FORBIDDEN' });
  });

  it('a percent target only for percent programs; an unknown program is NOT_FOUND', async () => {
    const version = await versionOf(REVERSE);
    const error = await refused(updateProgram(t.db, as.admin, edit(version, { targetValue: 50 })), 'VALIDATION');
    expect(error.details).toEqual({ issues: [{ path: 'targetValue', code: 'targetValueOnlyForMetric' }] });
    await refused(updateProgram(t.db, as.admin, edit(version, { slug: 'no-such-program' })), 'NOT_FOUND');
    expect((await auditRows('program.update', 'DENIED')).at(-1)).toMatchObject({ reason: 'NOT_FOUND', entityId: 'no-such-program' });
  });
  it('a stale version is a CONFLICT showing the other change and who made it; reapplying on the new version succeeds', async () => {
    const loaded = await t.db.program.findUniqueOrThrow({ where: { slug: REVERSE } });
    const base = { directionZh: loaded.directionZh, directionEn: loaded.directionEn, nameZh: loaded.nameZh, nameEn: loaded.nameEn, staleAfterDays: loaded.staleAfterDays };
    // The manager's colleague saves first, from the same page.
    await updateProgram(t.db, as.admin, edit(loaded.version, { ...base, staleAfterDays: 21 }));
    const before = await snapshotOf(REVERSE);
    const error = await refused(updateProgram(t.db, as.admin, edit(loaded.version, { ...base, nameEn: 'Mine, from an old page' })), 'CONFLICT');
    expect(error.details).toMatchObject({
      conflict: { version: loaded.version + 1, values: { staleAfterDays: 21, nameEn: loaded.nameEn }, changedBy: as.admin.viewer.name },
    });
    expect((error.details as { conflict: { changedAtShanghai: string } }).conflict.changedAtShanghai).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await snapshotOf(REVERSE)).toEqual(before);
    expect((await auditRows('program.update', 'DENIED')).at(-1)).toMatchObject({ reason: 'CONFLICT', entityId: REVERSE });
    // Reapply: the user's change on top of the other one, with the version the conflict reported.
    await updateProgram(t.db, as.admin, edit(loaded.version + 1, { ...base, staleAfterDays: 21, nameEn: 'Mine, from an old page' }));
    expect(await t.db.program.findUniqueOrThrow({ where: { slug: REVERSE } })).toMatchObject({
      staleAfterDays: 21,
      nameEn: 'Mine, from an old page',
      version: loaded.version + 2,
    });
  });

  it('20 parallel edits with the same version: exactly 1 success, 19 conflicts, one audit row, version + 1', async () => {
    const loaded = await t.db.program.findUniqueOrThrow({ where: { slug: REVERSE } });
    const allowedBefore = (await auditRows('program.update', 'ALLOWED')).length;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        updateProgram(t.db, as.admin, edit(loaded.version, { directionZh: loaded.directionZh, directionEn: loaded.directionEn, nameEn: `Parallel ${i}` })),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : []));
    expect(reasons).toEqual(Array.from({ length: 19 }, () => 'CONFLICT'));
    expect(await auditRows('program.update', 'ALLOWED')).toHaveLength(allowedBefore + 1);
    expect(await versionOf(REVERSE)).toBe(loaded.version + 1);
  });
});

describe('replanTarget', () => {
  it('moves the target in force, keeps the baseline, records the reason and who', async () => {
    const before = await t.db.program.findUniqueOrThrow({ where: { slug: 'alipay-unionpay-offline' } });
    const result = await replanTarget(t.db, as.admin, {
      slug: 'alipay-unionpay-offline',
      version: before.version,
      expectedTargetDate: before.targetDate,
      newTargetDate: '2022-06-30',
      reason: '  疫情影响，部分地市推迟验收  ',
    });
    expect(result).toMatchObject({ fromDate: before.targetDate, toDate: '2022-06-30', reason: '疫情影响，部分地市推迟验收', version: before.version + 1 });
    const after = await t.db.program.findUniqueOrThrow({ where: { slug: 'alipay-unionpay-offline' }, include: { targetChanges: true } });
    expect(after.targetDate).toBe('2022-06-30');
    expect(after.version).toBe(before.version + 1);
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
        replanTarget(t.db, as.admin, { slug: 'alipay-bank-apps', version: before!.version, expectedTargetDate: before!.targetDate, newTargetDate: '2022-03-31', reason }),
        'VALIDATION',
      );
      expect(error.details).toEqual({ issues: [{ path: 'reason', code: reason === 'abc' ? 'tooShort' : 'required', ...(reason === 'abc' ? { values: { min: 5 } } : {}) }] });
    }
    expect(await snapshotOf('alipay-bank-apps')).toEqual(before);
  });

  it('refuses a stale expected target with CONFLICT (someone re-planned since the form was loaded)', async () => {
    const before = await snapshotOf(REVERSE);
    expect(before!.targetDate).not.toBe('2026-06-30');
    await refused(
      replanTarget(t.db, as.admin, { slug: REVERSE, version: before!.version, expectedTargetDate: '2026-06-30', newTargetDate: '2027-12-31', reason: 'based on an old page' }),
      'CONFLICT',
    );
    expect(await snapshotOf(REVERSE)).toEqual(before);
    expect((await auditRows('program.replanTarget', 'DENIED')).at(-1)).toMatchObject({ reason: 'CONFLICT', entityId: REVERSE });
  });

  it('20 admins re-planning from the same page: exactly 1 wins, 19 CONFLICTs, one TargetChange, version + 1', async () => {
    const before = await t.db.program.findUniqueOrThrow({ where: { slug: REVERSE }, include: { targetChanges: true } });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => `2027-10-${String(i + 1).padStart(2, '0')}`).map((newTargetDate) =>
        replanTarget(t.db, as.admin, { slug: REVERSE, version: before.version, expectedTargetDate: before.targetDate, newTargetDate, reason: 'vendor slipped again' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : []));
    expect(reasons).toEqual(Array.from({ length: 19 }, () => 'CONFLICT'));
    const after = await t.db.program.findUniqueOrThrow({ where: { slug: REVERSE }, include: { targetChanges: true } });
    expect(after.targetChanges).toHaveLength(before.targetChanges.length + 1);
    expect(after.version).toBe(before.version + 1);
  });

  it('a re-plan from a page loaded before a settings edit is a CONFLICT (one version for the whole program)', async () => {
    const loaded = await t.db.program.findUniqueOrThrow({ where: { slug: 'wechat-unionpay-offline' } });
    await updateProgram(t.db, as.admin, {
      slug: loaded.slug,
      version: loaded.version,
      nameZh: loaded.nameZh,
      nameEn: loaded.nameEn,
      directionZh: loaded.directionZh,
      directionEn: loaded.directionEn,
      staleAfterDays: loaded.staleAfterDays + 1,
      targetValue: null,
    });
    const error = await refused(
      replanTarget(t.db, as.admin, { slug: loaded.slug, version: loaded.version, expectedTargetDate: loaded.targetDate, newTargetDate: '2031-01-01', reason: 'from an old page' }),
      'CONFLICT',
    );
    expect(error.details).toMatchObject({ conflict: { version: loaded.version + 1, values: { targetDate: loaded.targetDate, staleAfterDays: loaded.staleAfterDays + 1 } } });
    expect((await t.db.program.findUniqueOrThrow({ where: { slug: loaded.slug } })).targetDate).toBe(loaded.targetDate);
  });

  it('refuses a target before the start date or equal to the current one', async () => {
    const p = await t.db.program.findUniqueOrThrow({ where: { slug: 'wechat-unionpay-offline' } });
    const early = await refused(
      replanTarget(t.db, as.admin, { slug: p.slug, version: p.version, expectedTargetDate: p.targetDate, newTargetDate: '2000-01-01', reason: 'typo in the year' }),
      'VALIDATION',
    );
    expect(early.details).toEqual({ issues: [{ path: 'newTargetDate', code: 'targetBeforeStart' }] });
    const same = await refused(
      replanTarget(t.db, as.admin, { slug: p.slug, version: p.version, expectedTargetDate: p.targetDate, newTargetDate: p.targetDate, reason: 'no change at all' }),
      'VALIDATION',
    );
    expect(same.details).toEqual({ issues: [{ path: 'newTargetDate', code: 'targetUnchanged' }] });
  });

  it.each(NOT_ADMINS)('%s may not re-plan', async (who) => {
    const before = await snapshotOf('wechat-unionpay-offline');
    await refused(
      replanTarget(t.db, as[who], { slug: 'wechat-unionpay-offline', version: before!.version, expectedTargetDate: before!.targetDate, newTargetDate: '2030-01-01', reason: 'we want more time' }),
      'FORBIDDEN',
    );
    expect(await snapshotOf('wechat-unionpay-offline')).toEqual(before);
    expect((await auditRows('program.replanTarget', 'DENIED')).at(-1)).toMatchObject({ actorId: as[who].viewer.id, reason: 'FORBIDDEN' });
  });
});

describe('a program\'s direction (paying side, accepting side, mode)', () => {
  const sidesOf = async (slug: string) =>
    // Sorted here: PostgreSQL orders an enum by declaration, SQLite by text.
    (await t.db.programRail.findMany({ where: { program: { slug } } })).map((r) => `${r.side}:${r.railCode}`).sort();

  it('is created with the program, audited', async () => {
    await createProgram(t.db, as.admin, newProgram({ slug: 'test-direction', mode: 'MERCHANT_SCANS', payers: ['UNIONPAY_QUICKPASS'], acceptors: ['WECHAT_PAY', 'ALIPAY'] }));
    expect(await t.db.program.findUniqueOrThrow({ where: { slug: 'test-direction' } })).toMatchObject({ mode: 'MERCHANT_SCANS' });
    expect(await sidesOf('test-direction')).toEqual(['ACCEPTOR:ALIPAY', 'ACCEPTOR:WECHAT_PAY', 'PAYER:UNIONPAY_QUICKPASS']);
    const audit = (await auditRows('program.create', 'ALLOWED')).at(-1);
    expect(audit?.after).toMatchObject({ mode: 'MERCHANT_SCANS', payers: ['UNIONPAY_QUICKPASS'], acceptors: ['WECHAT_PAY', 'ALIPAY'] });
  });

  it('all three or none; an unknown rail names its side; nothing is created', async () => {
    const noSides = await refused(createProgram(t.db, as.admin, newProgram({ slug: 'test-half', mode: 'CONSUMER_SCANS' })), 'VALIDATION');
    expect(JSON.stringify(noSides.details)).toContain('railsRequired');
    const noMode = await refused(createProgram(t.db, as.admin, newProgram({ slug: 'test-half', payers: ['ALIPAY'], acceptors: ['WECHAT_PAY'] })), 'VALIDATION');
    expect(JSON.stringify(noMode.details)).toContain('modeRequired');
    const unknown = await refused(
      createProgram(t.db, as.admin, newProgram({ slug: 'test-half', mode: 'CONSUMER_SCANS', payers: ['ALIPAY'], acceptors: ['NO_SUCH_RAIL'] })),
      'VALIDATION',
    );
    expect(JSON.stringify(unknown.details)).toContain('acceptors');
    expect(await t.db.program.findUnique({ where: { slug: 'test-half' } })).toBeNull();
  });

  it('an edit replaces it when sent and keeps it when left out', async () => {
    const p = await t.db.program.findUniqueOrThrow({ where: { slug: 'alipay-bank-apps' } });
    const base = { slug: p.slug, nameZh: p.nameZh, nameEn: p.nameEn, directionZh: p.directionZh, directionEn: p.directionEn, staleAfterDays: p.staleAfterDays, targetValue: null };
    expect((await updateProgram(t.db, as.admin, { ...base, version: p.version, staleAfterDays: 21 })).changed).toBe(true);
    expect(await sidesOf('alipay-bank-apps')).toEqual(['ACCEPTOR:ALIPAY', 'PAYER:BANK_APPS']);
    const result = await updateProgram(t.db, as.admin, { ...base, version: p.version + 1, staleAfterDays: 21, mode: 'CONSUMER_SCANS', payers: ['BANK_APPS', 'DEVICE_WALLETS'], acceptors: ['ALIPAY'] });
    expect(result).toMatchObject({ changed: true, program: { payers: ['BANK_APPS', 'DEVICE_WALLETS'], version: p.version + 2 } });
    expect(await sidesOf('alipay-bank-apps')).toEqual(['ACCEPTOR:ALIPAY', 'PAYER:BANK_APPS', 'PAYER:DEVICE_WALLETS']);
    const audit = (await auditRows('program.update', 'ALLOWED')).at(-1);
    expect(audit?.after).toEqual({ payers: ['BANK_APPS', 'DEVICE_WALLETS'], version: p.version + 2 });
  });
});
