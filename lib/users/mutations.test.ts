import { describe, expect, it } from 'vitest';
import type { Db } from '../db';
import type { AppError, AppErrorCode } from '../errors';
import { refused } from '../../tests/helpers/refused';
import { withTestDb } from '../../tests/helpers/test-db';
import { hashPassword, verifyPassword } from '../auth/password';
import { signInRateLimitKeys } from '../auth/sign-in';
import type { RequestContext } from '../auth/viewer';
import { createUser, disableUser, enableUser, resetPassword, updateUserRole } from './mutations';
import * as mutations from './mutations';
import { getUserByEmail, listInstitutionOptions, listUsers } from './queries';
import type { UserRole } from './schema';

let db: Db;
const ctx = {} as Record<UserRole, RequestContext>;
const PASSWORD = 'Mutation-Test-Password-1';

async function makeUser(email: string, role: UserRole, institutionCode: string | null = null) {
  const u = await db.user.create({ data: { email, name: email.split('@')[0]!, role, institutionCode, passwordHash: await hashPassword(PASSWORD) } });
  return u;
}

withTestDb(async (t) => {
  db = t.db;
  await db.institution.createMany({
    data: [
      { code: 'ICBC', nameZh: '中国工商银行', nameEn: 'ICBC', type: 'STATE_OWNED_BANK' },
      { code: 'CMB', nameZh: '招商银行', nameEn: 'China Merchants Bank', type: 'JOINT_STOCK_BANK' },
    ],
  });
  for (const [role, email, inst] of [
    ['ADMIN', 'admin@bank.test', null],
    ['PROGRAM_MANAGER', 'pm@bank.test', null],
    ['PARTNER', 'icbc@bank.test', 'ICBC'],
    ['EXECUTIVE', 'exec@bank.test', null],
  ] as const) {
    const u = await makeUser(email, role, inst);
    ctx[role] = { viewer: { id: u.id, email, name: u.name, role, institutionCode: inst }, ip: '10.1.2.3' };
  }
});

async function expectAppError(promise: Promise<unknown>, code: AppErrorCode, key?: string) {
  const error = await refused(promise, code);
  if (key) {
    const issues = (error.details as { issues: Array<{ code: string }> }).issues;
    expect(issues.map((i) => i.code)).toContain(key);
  }
}

const snapshotUsers = async () =>
  JSON.stringify(await db.user.findMany({ orderBy: { email: 'asc' }, select: { email: true, role: true, institutionCode: true, disabled: true, passwordHash: true, sessionVersion: true } }));

describe('who may manage users', () => {
  /** Every exported mutation, with an input that an admin could apply. */
  const cases: Record<string, (c: RequestContext, targetId: string) => Promise<unknown>> = {
    createUser: (c) => createUser(db, c, { email: `new-${c.viewer.role}@bank.test`, role: 'EXECUTIVE', password: 'Valid-Password-123' }),
    updateUserRole: (c, id) => updateUserRole(db, c, { userId: id, role: 'PROGRAM_MANAGER' }),
    disableUser: (c, id) => disableUser(db, c, { userId: id }),
    enableUser: (c, id) => enableUser(db, c, { userId: id }),
    resetPassword: (c, id) => resetPassword(db, c, { userId: id, password: 'Another-Valid-Pass-1' }),
  };

  it('has a case for every exported mutation', () => {
    const exported = Object.entries(mutations)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k)
      .sort();
    expect(exported).toEqual(Object.keys(cases).sort());
  });

  for (const role of ['PROGRAM_MANAGER', 'PARTNER', 'EXECUTIVE'] as const) {
    for (const [name, run] of Object.entries(cases)) {
      it(`${role} may not ${name}: refused, audited once, nothing changes`, async () => {
        const target = await makeUser(`target-${role}-${name}@bank.test`.toLowerCase(), 'EXECUTIVE');
        const before = await snapshotUsers();
        const audits = await db.auditLog.count();
        await expectAppError(run(ctx[role], target.id), 'FORBIDDEN');
        expect(await snapshotUsers()).toBe(before);
        const rows = await db.auditLog.findMany({ orderBy: { at: 'asc' }, skip: audits });
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ outcome: 'DENIED', reason: 'FORBIDDEN', actorId: ctx[role].viewer.id, actorRole: role, ip: '10.1.2.3' });
      });
    }
    it(`${role} may not list users`, async () => {
      await expectAppError(listUsers(db, ctx[role].viewer), 'FORBIDDEN');
      await expectAppError(getUserByEmail(db, ctx[role].viewer, 'admin@bank.test'), 'FORBIDDEN');
      await expectAppError(listInstitutionOptions(db, ctx[role].viewer), 'FORBIDDEN');
    });
  }

  it('ADMIN may do each, and each change writes one ALLOWED audit row', async () => {
    const target = await makeUser('target-admin@bank.test', 'EXECUTIVE');
    for (const [name, run] of Object.entries(cases)) {
      const audits = await db.auditLog.count();
      await run(ctx.ADMIN, target.id);
      const rows = await db.auditLog.findMany({ orderBy: { at: 'asc' }, skip: audits });
      expect(rows, name).toHaveLength(1);
      expect(rows[0]).toMatchObject({ outcome: 'ALLOWED', actorId: ctx.ADMIN.viewer.id, actorRole: 'ADMIN', entityType: 'User' });
    }
  });
});

describe('createUser', () => {
  it('creates a partner of an existing institution, email normalised, and lists it without the hash', async () => {
    const dto = await createUser(db, ctx.ADMIN, { email: ' Li.Jing@ICBC.test ', name: '李静', role: 'PARTNER', institutionCode: 'icbc', password: 'Partner-Password-9' });
    expect(dto).toMatchObject({ email: 'li.jing@icbc.test', name: '李静', role: 'PARTNER', institutionCode: 'ICBC', institutionNameZh: '中国工商银行', disabled: false });
    const stored = await db.user.findUniqueOrThrow({ where: { email: 'li.jing@icbc.test' } });
    expect(await verifyPassword(stored.passwordHash, 'Partner-Password-9')).toBe(true);
    const listed = await listUsers(db, ctx.ADMIN.viewer);
    expect(listed.find((u) => u.email === 'li.jing@icbc.test')).toEqual(dto);
    expect(JSON.stringify(listed)).not.toMatch(/argon2|passwordHash|sessionVersion/);
    const audit = await db.auditLog.findFirst({ where: { action: 'user.create', entityId: dto.id } });
    expect(JSON.stringify(audit)).not.toContain('Partner-Password-9');
    expect(JSON.stringify(audit)).not.toContain('argon2');
  });

  it('names the account after the email when no name is given', async () => {
    expect((await createUser(db, ctx.ADMIN, { email: 'wang.lei@bank.test', role: 'EXECUTIVE', password: 'Exec-Password-77' })).name).toBe('wang.lei');
  });

  it.each([
    ['a partner without institution', { email: 'p1@bank.test', role: 'PARTNER', password: 'Valid-Password-1' }, 'institutionRequired'],
    ['a partner of an unknown institution', { email: 'p2@bank.test', role: 'PARTNER', institutionCode: 'NOPE', password: 'Valid-Password-1' }, 'institutionUnknown'],
    ['a manager with an institution', { email: 'p3@bank.test', role: 'PROGRAM_MANAGER', institutionCode: 'ICBC', password: 'Valid-Password-1' }, 'institutionNotAllowed'],
    ['an unknown role', { email: 'p4@bank.test', role: 'ROOT', password: 'Valid-Password-1' }, 'roleInvalid'],
    ['a bad email', { email: 'not-an-email', role: 'EXECUTIVE', password: 'Valid-Password-1' }, 'emailInvalid'],
    ['a short password', { email: 'p5@bank.test', role: 'EXECUTIVE', password: 'short' }, 'passwordTooShort'],
    ['a common password', { email: 'p6@bank.test', role: 'EXECUTIVE', password: 'Password123' }, 'passwordCommon'],
    ['extra fields (mass assignment)', { email: 'p7@bank.test', role: 'EXECUTIVE', password: 'Valid-Password-1', sessionVersion: 0, disabled: false }, 'unknownField'],
  ])('refuses %s, audited, nothing created', async (_label, input, key) => {
    const count = await db.user.count();
    const audits = await db.auditLog.count({ where: { outcome: 'DENIED' } });
    await expectAppError(createUser(db, ctx.ADMIN, input), 'VALIDATION', key);
    expect(await db.user.count()).toBe(count);
    expect(await db.auditLog.count({ where: { outcome: 'DENIED' } })).toBe(audits + 1);
  });

  it('refuses a second account for one email, in any letter case', async () => {
    await expectAppError(createUser(db, ctx.ADMIN, { email: 'PM@bank.test', role: 'EXECUTIVE', password: 'Valid-Password-1' }), 'CONFLICT', 'emailTaken');
  });

  it('lets exactly one of several parallel creations of one email through', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => createUser(db, ctx.ADMIN, { email: 'race@bank.test', role: 'EXECUTIVE', password: 'Valid-Password-1' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      expect(((r as PromiseRejectedResult).reason as AppError).code).toBe('CONFLICT');
    }
  });
});

describe('role changes, disabling and resets', () => {
  const version = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).sessionVersion;

  it('a role change records before and after and ends the sessions', async () => {
    const u = await makeUser('mover@bank.test', 'EXECUTIVE');
    const dto = await updateUserRole(db, ctx.ADMIN, { userId: u.id, role: 'PARTNER', institutionCode: 'CMB' });
    expect(dto).toMatchObject({ role: 'PARTNER', institutionCode: 'CMB' });
    expect(await version(u.id)).toBe(2);
    const audit = await db.auditLog.findFirst({ where: { action: 'user.updateRole', entityId: u.id } });
    expect(audit?.before).toMatchObject({ role: 'EXECUTIVE', institutionCode: null });
    expect(audit?.after).toMatchObject({ role: 'PARTNER', institutionCode: 'CMB' });
    // Moving away from PARTNER must drop the institution.
    await expectAppError(updateUserRole(db, ctx.ADMIN, { userId: u.id, role: 'EXECUTIVE', institutionCode: 'CMB' }), 'VALIDATION', 'institutionNotAllowed');
  });

  it('disable ends the sessions; enable keeps them ended; reset ends them and clears a sign-in lock-out', async () => {
    const u = await makeUser('cycler@bank.test', 'EXECUTIVE');
    await disableUser(db, ctx.ADMIN, { userId: u.id });
    expect(await version(u.id)).toBe(2);
    await enableUser(db, ctx.ADMIN, { userId: u.id });
    expect(await version(u.id)).toBe(2);
    await db.rateLimitBucket.create({ data: { key: signInRateLimitKeys('cycler@bank.test', null).account, points: 9, windowStart: new Date(), expiresAt: new Date(Date.now() + 600_000) } });
    await resetPassword(db, ctx.ADMIN, { userId: u.id, password: 'Fresh-Password-42' });
    expect(await version(u.id)).toBe(3);
    expect(await db.rateLimitBucket.findUnique({ where: { key: signInRateLimitKeys('cycler@bank.test', null).account } })).toBeNull();
    const stored = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(await verifyPassword(stored.passwordHash, 'Fresh-Password-42')).toBe(true);
  });

  it('disabling revokes the API tokens, audited, and enabling does not bring them back', async () => {
    const u = await makeUser('tokened@bank.test', 'EXECUTIVE');
    const live = await db.apiToken.create({ data: { userId: u.id, name: 'live', tokenHash: 'users-test-live', prefix: 'hut_live' } });
    const gone = await db.apiToken.create({ data: { userId: u.id, name: 'old', tokenHash: 'users-test-old', prefix: 'hut_oldr', revokedAt: new Date('2026-01-01T00:00:00Z') } });
    await disableUser(db, ctx.ADMIN, { userId: u.id });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: live.id } })).revokedAt).not.toBeNull();
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: gone.id } })).revokedAt).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(await db.auditLog.count({ where: { action: 'token.revoke', entityId: live.id, outcome: 'ALLOWED' } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'token.revoke', entityId: gone.id } })).toBe(0);
    await enableUser(db, ctx.ADMIN, { userId: u.id });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: live.id } })).revokedAt).not.toBeNull();
  });

  it('refuses an unknown user id', async () => {
    await expectAppError(disableUser(db, ctx.ADMIN, { userId: 'no-such-id' }), 'NOT_FOUND');
    await expectAppError(resetPassword(db, ctx.ADMIN, { userId: 'no-such-id', password: 'Valid-Password-1' }), 'NOT_FOUND');
  });

  it('an admin cannot disable or demote themselves', async () => {
    await expectAppError(disableUser(db, ctx.ADMIN, { userId: ctx.ADMIN.viewer.id }), 'CONFLICT', 'cannotChangeSelf');
    await expectAppError(updateUserRole(db, ctx.ADMIN, { userId: ctx.ADMIN.viewer.id, role: 'EXECUTIVE' }), 'CONFLICT', 'cannotChangeSelf');
  });

  it('never leaves the app without an active admin', async () => {
    const operator: RequestContext = { viewer: { id: 'cli', email: 'cli@localhost', name: 'CLI', role: 'ADMIN', institutionCode: null }, ip: null, source: 'cli' };
    const second = await makeUser('second-admin@bank.test', 'ADMIN');
    // Disable every other admin first, so `second` and the test admin remain.
    for (const a of await db.user.findMany({ where: { role: 'ADMIN', disabled: false, id: { notIn: [second.id, ctx.ADMIN.viewer.id] } } })) {
      await disableUser(db, operator, { userId: a.id });
    }
    await disableUser(db, operator, { userId: second.id });
    await expectAppError(disableUser(db, operator, { userId: ctx.ADMIN.viewer.id }), 'CONFLICT', 'lastAdmin');
    await expectAppError(updateUserRole(db, operator, { userId: ctx.ADMIN.viewer.id, role: 'EXECUTIVE' }), 'CONFLICT', 'lastAdmin');
    expect(await db.user.count({ where: { role: 'ADMIN', disabled: false } })).toBe(1);
    await enableUser(db, operator, { userId: second.id });
  });

  it('records operator (CLI) changes with no actor id and source "cli"', async () => {
    const operator: RequestContext = { viewer: { id: 'cli', email: 'cli@localhost', name: 'CLI', role: 'ADMIN', institutionCode: null }, ip: null, source: 'cli' };
    const dto = await createUser(db, operator, { email: 'by-cli@bank.test', role: 'EXECUTIVE', password: 'Valid-Password-1' });
    const audit = await db.auditLog.findFirst({ where: { action: 'user.create', entityId: dto.id } });
    expect(audit).toMatchObject({ actorId: null, actorRole: 'ADMIN', source: 'cli', outcome: 'ALLOWED' });
  });
});
