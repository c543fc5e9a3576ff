/**
 * The one way to change user accounts, for the admin page, the CLI and (later) the API. Each
 * mutation authorises ('user.manage'), validates with a strict schema, then writes and audits in
 * one transaction. A refused attempt (forbidden, invalid, conflict, not found) writes one DENIED
 * audit row and changes nothing.
 *
 * Role changes, disabling and password resets raise the user's session version, which ends all of
 * that user's sessions on their next request (lib/auth/resolve-viewer.ts). Disabling also revokes
 * the user's API tokens, so enabling the account again does not bring old tokens back.
 *
 * Inputs are `unknown` on purpose: they come from forms, the CLI and the API and are parsed here
 * (the schema types, e.g. CreateUserInput, describe what is accepted).
 *
 * No 'server-only' (the CLI runs these under tsx); nothing here reads cookies or headers.
 */
import type { Db, Tx } from '../db';
import { writeTransaction } from '../db/write-transaction';
import { AppError } from '../errors';
import { auditRefusals, entityRefOf } from '../audit/guard';
import { auditChange } from '../audit/write';
import { authorize } from '../auth/permissions';
import { hashPassword } from '../auth/password';
import { resetRateLimit } from '../auth/rate-limit';
import { signInRateLimitKeys } from '../auth/sign-in';
import type { RequestContext } from '../auth/viewer';
import { revokeActiveTokensOf } from '../tokens/audit';
import { invalidField, validateInput } from '../forms/validate-input';
import { USER_DTO_SELECT, toUserDto, type UserDto } from './queries';
import {
  createUserSchema,
  resetPasswordSchema,
  updateUserRoleSchema,
  userIdSchema,
} from './schema';

/** Audit action names, one per mutation. */
export const USER_ACTIONS = {
  create: 'user.create',
  updateRole: 'user.updateRole',
  disable: 'user.disable',
  enable: 'user.enable',
  resetPassword: 'user.resetPassword',
} as const;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

async function requireInstitution(tx: Tx, code: string | null): Promise<void> {
  if (!code) return;
  const found = await tx.institution.findUnique({ where: { code }, select: { code: true } });
  if (!found) throw invalidField('institutionCode', 'institutionUnknown');
}

async function requireUser(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: USER_DTO_SELECT });
  if (!user) throw new AppError('NOT_FOUND', 'no such user', { userId });
  return user;
}

/** Refuses changes that would leave no active administrator (the app could not be managed). */
async function requireAnotherActiveAdmin(tx: Tx, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: 'ADMIN', disabled: false, id: { not: userId } } });
  if (others === 0) throw new AppError('CONFLICT', 'last active admin', { issues: [{ path: '', code: 'lastAdmin' }] });
}

/** An admin cannot demote or disable themselves from the web page (another admin, or the CLI, can). */
function refuseSelf(ctx: RequestContext, userId: string): void {
  if (ctx.viewer.id === userId) {
    throw new AppError('CONFLICT', 'cannot change own account', { issues: [{ path: '', code: 'cannotChangeSelf' }] });
  }
}

/** Auditable snapshot of an account: never the password hash or session version. */
function snapshot(user: { email: string; name: string; role: string; institutionCode: string | null; disabled: boolean }) {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    institutionCode: user.institutionCode,
    disabled: user.disabled,
  };
}

export async function createUser(db: Db, ctx: RequestContext, input: unknown): Promise<UserDto> {
  return auditRefusals(db, ctx, { action: USER_ACTIONS.create, entityType: 'User' }, async () => {
    authorize(ctx.viewer, 'user.manage');
    const data = validateInput(createUserSchema, input);
    // CPU-heavy hashing before the transaction keeps the write lock short.
    const passwordHash = await hashPassword(data.password);
    try {
      return await writeTransaction(db, async (tx) => {
        await requireInstitution(tx, data.institutionCode);
        if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
          throw new AppError('CONFLICT', 'email taken', { issues: [{ path: 'email', code: 'emailTaken' }] });
        }
        const created = await tx.user.create({
          data: {
            email: data.email,
            name: data.name ?? data.email.split('@')[0] ?? data.email,
            role: data.role,
            institutionCode: data.institutionCode,
            passwordHash,
          },
          select: USER_DTO_SELECT,
        });
        await auditChange(tx, ctx, {
          action: USER_ACTIONS.create,
          entityType: 'User',
          entityId: created.id,
          after: snapshot(created),
        });
        return toUserDto(created);
      });
    } catch (error) {
      // Two creations of one email racing past the check above.
      if (isUniqueViolation(error)) {
        throw new AppError('CONFLICT', 'email taken', { issues: [{ path: 'email', code: 'emailTaken' }] });
      }
      throw error;
    }
  });
}

export async function updateUserRole(db: Db, ctx: RequestContext, input: unknown): Promise<UserDto> {
  return auditRefusals(db, ctx, { action: USER_ACTIONS.updateRole, entityType: 'User', entityId: entityRefOf(input, 'userId') }, async () => {
    authorize(ctx.viewer, 'user.manage');
    const data = validateInput(updateUserRoleSchema, input);
    refuseSelf(ctx, data.userId);
    return writeTransaction(db, async (tx) => {
      const before = await requireUser(tx, data.userId);
      if (before.role === data.role && before.institutionCode === data.institutionCode) return toUserDto(before);
      await requireInstitution(tx, data.institutionCode);
      if (before.role === 'ADMIN' && data.role !== 'ADMIN' && !before.disabled) {
        await requireAnotherActiveAdmin(tx, before.id);
      }
      const after = await tx.user.update({
        where: { id: before.id },
        data: { role: data.role, institutionCode: data.institutionCode, sessionVersion: { increment: 1 } },
        select: USER_DTO_SELECT,
      });
      await auditChange(tx, ctx, {
        action: USER_ACTIONS.updateRole,
        entityType: 'User',
        entityId: after.id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return toUserDto(after);
    });
  });
}

export async function disableUser(db: Db, ctx: RequestContext, input: unknown): Promise<UserDto> {
  return auditRefusals(db, ctx, { action: USER_ACTIONS.disable, entityType: 'User', entityId: entityRefOf(input, 'userId') }, async () => {
    authorize(ctx.viewer, 'user.manage');
    const { userId } = validateInput(userIdSchema, input);
    refuseSelf(ctx, userId);
    return writeTransaction(db, async (tx) => {
      const before = await requireUser(tx, userId);
      if (before.disabled) return toUserDto(before);
      if (before.role === 'ADMIN') await requireAnotherActiveAdmin(tx, before.id);
      const after = await tx.user.update({
        where: { id: userId },
        data: { disabled: true, sessionVersion: { increment: 1 } },
        select: USER_DTO_SELECT,
      });
      // In this transaction: a token must not outlive the disable, even if the account comes back.
      await revokeActiveTokensOf(tx, ctx, userId);
      await auditChange(tx, ctx, {
        action: USER_ACTIONS.disable,
        entityType: 'User',
        entityId: userId,
        before: snapshot(before),
        after: snapshot(after),
      });
      return toUserDto(after);
    });
  });
}

export async function enableUser(db: Db, ctx: RequestContext, input: unknown): Promise<UserDto> {
  return auditRefusals(db, ctx, { action: USER_ACTIONS.enable, entityType: 'User', entityId: entityRefOf(input, 'userId') }, async () => {
    authorize(ctx.viewer, 'user.manage');
    const { userId } = validateInput(userIdSchema, input);
    return writeTransaction(db, async (tx) => {
      const before = await requireUser(tx, userId);
      if (!before.disabled) return toUserDto(before);
      // The session version is not lowered: sessions ended by the disable stay ended.
      const after = await tx.user.update({ where: { id: userId }, data: { disabled: false }, select: USER_DTO_SELECT });
      await auditChange(tx, ctx, {
        action: USER_ACTIONS.enable,
        entityType: 'User',
        entityId: userId,
        before: snapshot(before),
        after: snapshot(after),
      });
      return toUserDto(after);
    });
  });
}

export async function resetPassword(db: Db, ctx: RequestContext, input: unknown): Promise<UserDto> {
  return auditRefusals(db, ctx, { action: USER_ACTIONS.resetPassword, entityType: 'User', entityId: entityRefOf(input, 'userId') }, async () => {
    authorize(ctx.viewer, 'user.manage');
    const { userId, password } = validateInput(resetPasswordSchema, input);
    const passwordHash = await hashPassword(password);
    const user = await writeTransaction(db, async (tx) => {
      await requireUser(tx, userId);
      const after = await tx.user.update({
        where: { id: userId },
        data: { passwordHash, sessionVersion: { increment: 1 } },
        select: USER_DTO_SELECT,
      });
      // Records that the password changed, never the password or its hash.
      await auditChange(tx, ctx, { action: USER_ACTIONS.resetPassword, entityType: 'User', entityId: userId });
      return after;
    });
    // A locked-out user who was just given a new password can use it at once.
    await resetRateLimit(db, signInRateLimitKeys(user.email, null).account);
    return toUserDto(user);
  });
}
