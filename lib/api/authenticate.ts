/**
 * Who is calling the partner REST API (`/api/v1/...`). Every v1 route handler starts here, so the
 * way in is decided once for all of them.
 *
 * - `Authorization: Bearer <token>`: the token is looked up by its SHA-256 and its user re-read
 *   on every request (lib/tokens/queries.ts), so a revoked or expired token or a disabled user is
 *   refused at once; the request then counts against the token's rate limit, shared by several
 *   app instances through the database but written there in batches (lib/auth/batched-rate-limit.ts). Any other Authorization scheme, or a bad
 *   token, is 401: a client that sent credentials never silently falls back to a browser session.
 * - No Authorization header: the signed-in browser session, for reads (GET/HEAD) only. Writes
 *   need a token, which also keeps cross-site requests riding on a cookie away from them.
 */
import 'server-only';
import { requireRequestContext } from '../auth/session';
import { clientIpFrom } from '../auth/client-ip';
import { apiRateLimiter } from '../auth/batched-rate-limit';
import type { RateLimitRule } from '../auth/rate-limit';
import type { RequestContext } from '../auth/viewer';
import { getDb } from '../db';
import { getEnv } from '../env';
import { AppError } from '../errors';
import { findTokenIdentity, touchToken } from '../tokens/queries';

export interface ApiCaller {
  ctx: RequestContext;
  /** Set when the caller came with a bearer token. */
  tokenId: string | null;
}

/** The rate-limit bucket of one token (lib/auth/rate-limit.ts). */
export const tokenRateLimitKey = (tokenId: string) => `api:token:${tokenId}`;

export function apiRateLimitRule(): RateLimitRule {
  return { points: getEnv().apiRateLimitPerMinute, windowSeconds: 60 };
}

const READ_METHODS = new Set(['GET', 'HEAD']);

export async function authenticateApiCaller(request: Request): Promise<ApiCaller> {
  const authorization = request.headers.get('authorization');
  const ip = clientIpFrom((name) => request.headers.get(name));
  if (authorization === null) {
    if (!READ_METHODS.has(request.method.toUpperCase())) {
      throw new AppError('UNAUTHENTICATED', 'writes need an API token: send Authorization: Bearer <token>');
    }
    return { ctx: await requireRequestContext(), tokenId: null };
  }
  const match = /^Bearer +(\S+) *$/i.exec(authorization);
  if (!match?.[1]) throw new AppError('UNAUTHENTICATED', 'use Authorization: Bearer <token>');
  const db = await getDb();
  const identity = await findTokenIdentity(db, match[1]);
  if (!identity) throw new AppError('UNAUTHENTICATED', 'invalid, revoked or expired token');
  const limit = await apiRateLimiter.consume(db, tokenRateLimitKey(identity.tokenId), apiRateLimitRule());
  if (!limit.allowed) {
    throw new AppError('RATE_LIMITED', 'too many requests for this token', { retryAfterSeconds: limit.retryAfterSeconds });
  }
  await touchToken(db, identity);
  return { ctx: { viewer: identity.viewer, ip }, tokenId: identity.tokenId };
}

/** The caller's context; see authenticateApiCaller. */
export async function authenticateApiRequest(request: Request): Promise<RequestContext> {
  return (await authenticateApiCaller(request)).ctx;
}
