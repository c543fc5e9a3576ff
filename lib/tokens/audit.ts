/**
 * What the token mutations write to the audit trail, and revoking all of a user's tokens inside a
 * write transaction someone else holds (disabling a user does it in its own). Kept out of
 * mutations.ts because nothing here authorises: callers do that first.
 *
 * No 'server-only' (the CLI runs these under tsx).
 */
import type { Tx } from '../db';
import { auditChange } from '../audit/write';
import type { RequestContext } from '../auth/viewer';
import { API_TOKEN_DTO_SELECT, toApiTokenDto, type ApiTokenDto } from './queries';

export const TOKEN_ACTIONS = {
  create: 'token.create',
  revoke: 'token.revoke',
} as const;

/** What an audit row keeps of a token: who it is for, its name, shown prefix and expiry. */
export function tokenSnapshot(dto: ApiTokenDto) {
  return { userId: dto.user.id, email: dto.user.email, name: dto.name, prefix: dto.prefix, expiresAt: dto.expiresAt, revokedAt: dto.revokedAt };
}

/**
 * Inside the caller's write transaction: revokes every unrevoked token of one user, one audit row
 * each. For mutations that already hold the transaction and have authorised (disabling a user).
 */
export async function revokeActiveTokensOf(tx: Tx, ctx: RequestContext, userId: string): Promise<ApiTokenDto[]> {
  const active = await tx.apiToken.findMany({ where: { userId, revokedAt: null }, select: { id: true } });
  const now = new Date();
  const revoked: ApiTokenDto[] = [];
  for (const { id } of active) {
    const after = await tx.apiToken.update({ where: { id }, data: { revokedAt: now }, select: API_TOKEN_DTO_SELECT });
    const dto = toApiTokenDto(after);
    await auditChange(tx, ctx, { action: TOKEN_ACTIONS.revoke, entityType: 'ApiToken', entityId: id, after: tokenSnapshot(dto) });
    revoked.push(dto);
  }
  return revoked;
}
