/**
 * Creating and revoking API tokens, for the admin page and the CLI. Each mutation authorises
 * (`token.manage`), validates with a strict schema, then writes and audits in one transaction; a
 * refused attempt writes one DENIED audit row and changes nothing. The token is returned once, by
 * createApiToken; only its SHA-256 is stored and no audit row ever holds it.
 *
 * No 'server-only' (the CLI runs these under tsx).
 */
import type { Db } from '../db';
import { AppError } from '../errors';
import { auditChange, auditDenied } from '../audit/write';
import { authorize } from '../auth/permissions';
import type { RequestContext } from '../auth/viewer';
import { parseInput, type FieldIssue } from '../forms/validation';
import { API_TOKEN_DTO_SELECT, toApiTokenDto, type ApiTokenDto } from './queries';
import { createTokenSchema, tokenIdSchema, userTokensSchema } from './schema';
import { generateToken, hashToken, shownPrefix } from './token';
import type { z } from 'zod';

/** Queue behind other writers (SQLite has one write lock) rather than fail after Prisma's default 2 s. */
const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;

export const TOKEN_ACTIONS = {
  create: 'token.create',
  revoke: 'token.revoke',
} as const;

function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = parseInput(schema, input);
  if (!result.success) throw new AppError('VALIDATION', 'invalid input', { issues: result.issues });
  return result.data;
}

async function audited<T>(db: Db, ctx: RequestContext, action: string, entityId: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) {
      const issues = (error.details as { issues?: FieldIssue[] } | undefined)?.issues;
      await auditDenied(db, ctx, {
        action,
        reason: error.code,
        entityType: 'ApiToken',
        entityId,
        after: issues ? { issues: issues.map((i) => ({ path: i.path, key: i.key })) } : undefined,
      });
    }
    throw error;
  }
}

function idOf(input: unknown, field: 'tokenId' | 'userId'): string | undefined {
  const id = (input as Record<string, unknown> | null)?.[field];
  return typeof id === 'string' && id.length <= 64 ? id : undefined;
}

/** What an audit row keeps of a token: who it is for, its name and shown prefix. */
function snapshot(dto: ApiTokenDto) {
  return { userId: dto.user.id, email: dto.user.email, name: dto.name, prefix: dto.prefix, revokedAt: dto.revokedAt };
}

export interface CreatedApiToken {
  /** The token itself: shown once, never stored. */
  token: string;
  apiToken: ApiTokenDto;
}

/** A new token for an active user; it carries that user's role and institution on every request. */
export async function createApiToken(db: Db, ctx: RequestContext, input: unknown): Promise<CreatedApiToken> {
  return audited(db, ctx, TOKEN_ACTIONS.create, undefined, async () => {
    authorize(ctx.viewer, 'token.manage');
    const data = validate(createTokenSchema, input);
    const token = generateToken();
    return db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: data.userId }, select: { id: true, disabled: true } });
      if (!user) throw new AppError('NOT_FOUND', 'no such user', { issues: [{ path: 'userId', key: 'userUnknown' }] });
      if (user.disabled) throw new AppError('CONFLICT', 'user is disabled', { issues: [{ path: 'userId', key: 'userDisabled' }] });
      const created = await tx.apiToken.create({
        data: {
          userId: user.id,
          name: data.name,
          tokenHash: hashToken(token),
          prefix: shownPrefix(token),
          // The CLI's operator has no account (lib/auth/viewer.ts): no creator then.
          createdById: ctx.source ? null : ctx.viewer.id,
        },
        select: API_TOKEN_DTO_SELECT,
      });
      const apiToken = toApiTokenDto(created);
      await auditChange(tx, ctx, { action: TOKEN_ACTIONS.create, entityType: 'ApiToken', entityId: created.id, after: snapshot(apiToken) });
      return { token, apiToken };
    }, TX_OPTIONS);
  });
}

/** Revokes one token for good; revoking a revoked token changes nothing and returns it. */
export async function revokeApiToken(db: Db, ctx: RequestContext, input: unknown): Promise<ApiTokenDto> {
  return audited(db, ctx, TOKEN_ACTIONS.revoke, idOf(input, 'tokenId'), async () => {
    authorize(ctx.viewer, 'token.manage');
    const { tokenId } = validate(tokenIdSchema, input);
    return db.$transaction(async (tx) => {
      const before = await tx.apiToken.findUnique({ where: { id: tokenId }, select: API_TOKEN_DTO_SELECT });
      if (!before) throw new AppError('NOT_FOUND', 'no such token', { issues: [{ path: 'tokenId', key: 'tokenUnknown' }] });
      if (before.revokedAt) return toApiTokenDto(before);
      const after = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() }, select: API_TOKEN_DTO_SELECT });
      await auditChange(tx, ctx, {
        action: TOKEN_ACTIONS.revoke,
        entityType: 'ApiToken',
        entityId: tokenId,
        before: snapshot(toApiTokenDto(before)),
        after: snapshot(toApiTokenDto(after)),
      });
      return toApiTokenDto(after);
    }, TX_OPTIONS);
  });
}

/** Revokes every active token of one user (one audit row per token); returns those revoked. */
export async function revokeUserApiTokens(db: Db, ctx: RequestContext, input: unknown): Promise<ApiTokenDto[]> {
  return audited(db, ctx, TOKEN_ACTIONS.revoke, undefined, async () => {
    authorize(ctx.viewer, 'token.manage');
    const { userId } = validate(userTokensSchema, input);
    return db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
      if (!user) throw new AppError('NOT_FOUND', 'no such user', { issues: [{ path: 'userId', key: 'userUnknown' }] });
      const active = await tx.apiToken.findMany({ where: { userId, revokedAt: null }, select: { id: true } });
      const now = new Date();
      const revoked: ApiTokenDto[] = [];
      for (const { id } of active) {
        const after = await tx.apiToken.update({ where: { id }, data: { revokedAt: now }, select: API_TOKEN_DTO_SELECT });
        const dto = toApiTokenDto(after);
        await auditChange(tx, ctx, { action: TOKEN_ACTIONS.revoke, entityType: 'ApiToken', entityId: id, after: snapshot(dto) });
        revoked.push(dto);
      }
      return revoked;
    }, TX_OPTIONS);
  });
}
