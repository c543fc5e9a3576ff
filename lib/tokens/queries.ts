/**
 * Reading API tokens: the admin list (authorised, `token.manage`) and the lookup every bearer
 * request makes (lib/api/authenticate.ts). No 'server-only': the CLI and tests use these too.
 */
import type { Db } from '../db';
import type { Role } from '../generated/sqlite/client';
import { authorize } from '../auth/permissions';
import { VIEWER_SELECT, type Viewer } from '../auth/viewer';
import { hashToken, isWellFormedToken } from './token';

/** A token as the admin page and the CLI show it: never the token or its hash. */
export interface ApiTokenDto {
  id: string;
  name: string;
  /** First characters of the token, to tell tokens apart. */
  prefix: string;
  user: { id: string; email: string; name: string; role: Role; institutionCode: string | null; disabled: boolean };
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Null when it never expires. */
  expiresAt: string | null;
  /** Null when the operator CLI created it. */
  createdBy: { name: string } | null;
}

export const API_TOKEN_DTO_SELECT = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  expiresAt: true,
  user: { select: { ...VIEWER_SELECT, disabled: true } },
  createdBy: { select: { name: true } },
} as const;

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
  user: ApiTokenDto['user'];
  createdBy: { name: string } | null;
}

export function toApiTokenDto(row: ApiTokenRow): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    user: { ...row.user },
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdBy: row.createdBy ? { name: row.createdBy.name } : null,
  };
}

/** Every token, active ones first, newest first. Admins only. */
export async function listApiTokens(db: Db, viewer: Viewer): Promise<ApiTokenDto[]> {
  authorize(viewer, 'token.manage');
  const rows = await db.apiToken.findMany({
    select: API_TOKEN_DTO_SELECT,
    orderBy: [{ revokedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'desc' }, { id: 'asc' }],
  });
  return rows.map(toApiTokenDto);
}

export interface TokenIdentity {
  tokenId: string;
  viewer: Viewer;
  lastUsedAt: Date | null;
}

/** Whether a token has passed its expiry at `now` (a token without one never expires). */
export function isExpired(expiresAt: Date | null, now = new Date()): boolean {
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}

/**
 * The user a bearer token acts as, re-read now: null for a malformed, unknown, revoked or expired
 * token and for a disabled user, so revoking or disabling takes effect on the very next request.
 */
export async function findTokenIdentity(db: Db, token: string, now = new Date()): Promise<TokenIdentity | null> {
  if (!isWellFormedToken(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { ...VIEWER_SELECT, disabled: true } },
    },
  });
  if (!row || row.revokedAt || isExpired(row.expiresAt, now) || row.user.disabled) return null;
  const { id, email, name, role, institutionCode } = row.user;
  return { tokenId: row.id, lastUsedAt: row.lastUsedAt, viewer: { id, email, name, role, institutionCode } };
}

/** Records use at most once a minute per token, so reads do not each cost a write. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export async function touchToken(db: Db, identity: TokenIdentity, now = new Date()): Promise<void> {
  if (identity.lastUsedAt && now.getTime() - identity.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  // `update`, one statement: `updateMany` would take SQLite's write lock for several round trips.
  await db.apiToken.update({ where: { id: identity.tokenId }, data: { lastUsedAt: now }, select: { id: true } });
}
