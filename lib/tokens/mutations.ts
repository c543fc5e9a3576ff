/**
 * Creating and revoking API tokens, for the admin page and the CLI. Each mutation authorises
 * (`token.manage`), validates with a strict schema, then writes and audits in one transaction; a
 * refused attempt writes one DENIED audit row and changes nothing. The token is returned once, by
 * createApiToken; only its SHA-256 is stored and no audit row ever holds it.
 *
 * No 'server-only' (the CLI runs these under tsx).
 */
import type { Db } from '../db';
import { writeTransaction } from '../db/write-transaction';
import { AppError } from '../errors';
import { auditRefusals, entityRefOf } from '../audit/guard';
import { auditChange } from '../audit/write';
import { authorize } from '../auth/permissions';
import type { RequestContext } from '../auth/viewer';
import { validateInput } from '../forms/validate-input';
import { API_TOKEN_DTO_SELECT, toApiTokenDto, type ApiTokenDto } from './queries';
import { createTokenSchema, tokenIdSchema, userTokensSchema } from './schema';
import { generateToken, hashToken, shownPrefix } from './token';
import { TOKEN_ACTIONS, revokeActiveTokensOf, tokenSnapshot as snapshot } from './audit';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CreatedApiToken {
  /** The token itself: shown once, never stored. */
  token: string;
  apiToken: ApiTokenDto;
}

/** A new token for an active user; it carries that user's role and institution on every request. */
export async function createApiToken(db: Db, ctx: RequestContext, input: unknown): Promise<CreatedApiToken> {
  return auditRefusals(db, ctx, { action: TOKEN_ACTIONS.create, entityType: 'ApiToken' }, async () => {
    authorize(ctx.viewer, 'token.manage');
    const data = validateInput(createTokenSchema, input);
    const token = generateToken();
    const expiresAt = data.expiresInDays ? new Date(Date.now() + data.expiresInDays * DAY_MS) : null;
    return writeTransaction(db, async (tx) => {
      const user = await tx.user.findUnique({ where: { id: data.userId }, select: { id: true, disabled: true } });
      if (!user) throw new AppError('NOT_FOUND', 'no such user', { issues: [{ path: 'userId', code: 'userUnknown' }] });
      if (user.disabled) throw new AppError('CONFLICT', 'user is disabled', { issues: [{ path: 'userId', code: 'userDisabled' }] });
      const created = await tx.apiToken.create({
        data: {
          userId: user.id,
          name: data.name,
          tokenHash: hashToken(token),
          prefix: shownPrefix(token),
          expiresAt,
          // The CLI's operator has no account (lib/auth/viewer.ts): no creator then.
          createdById: ctx.source ? null : ctx.viewer.id,
        },
        select: API_TOKEN_DTO_SELECT,
      });
      const apiToken = toApiTokenDto(created);
      await auditChange(tx, ctx, { action: TOKEN_ACTIONS.create, entityType: 'ApiToken', entityId: created.id, after: snapshot(apiToken) });
      return { token, apiToken };
    });
  });
}

/** Revokes one token for good; revoking a revoked token changes nothing and returns it. */
export async function revokeApiToken(db: Db, ctx: RequestContext, input: unknown): Promise<ApiTokenDto> {
  return auditRefusals(db, ctx, { action: TOKEN_ACTIONS.revoke, entityType: 'ApiToken', entityId: entityRefOf(input, 'tokenId') }, async () => {
    authorize(ctx.viewer, 'token.manage');
    const { tokenId } = validateInput(tokenIdSchema, input);
    return writeTransaction(db, async (tx) => {
      const before = await tx.apiToken.findUnique({ where: { id: tokenId }, select: API_TOKEN_DTO_SELECT });
      if (!before) throw new AppError('NOT_FOUND', 'no such token', { issues: [{ path: 'tokenId', code: 'tokenUnknown' }] });
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
    });
  });
}

/** Revokes every active token of one user (one audit row per token); returns those revoked. */
export async function revokeUserApiTokens(db: Db, ctx: RequestContext, input: unknown): Promise<ApiTokenDto[]> {
  return auditRefusals(db, ctx, { action: TOKEN_ACTIONS.revoke, entityType: 'ApiToken' }, async () => {
    authorize(ctx.viewer, 'token.manage');
    const { userId } = validateInput(userTokensSchema, input);
    return writeTransaction(db, async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
      if (!user) throw new AppError('NOT_FOUND', 'no such user', { issues: [{ path: 'userId', code: 'userUnknown' }] });
      return revokeActiveTokensOf(tx, ctx, userId);
    });
  });
}

