/**
 * Turns a session's claims into a Viewer by reading the user from the database on every request.
 * The session token carries only the user id and the session version it was issued with, so a
 * disabled account, a changed role (which raises the version) or a sign-out elsewhere (which
 * raises it too) ends the session on the very next request.
 *
 * No 'server-only': used by lib/auth/session.ts and by tests against a real database.
 */
import type { Db } from '../db';
import { auditChange } from '../audit/write';
import { VIEWER_SELECT, type RequestContext, type Viewer } from './viewer';

/** What the session token holds (see the jwt callback in lib/auth/options.ts). */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

/** Reads the claims from a decoded token or session object; null for anything malformed. */
export function readSessionClaims(value: unknown): SessionClaims | null {
  if (typeof value !== 'object' || value === null) return null;
  const { userId, sessionVersion } = value as Record<string, unknown>;
  if (typeof userId !== 'string' || userId.length === 0) return null;
  if (typeof sessionVersion !== 'number' || !Number.isInteger(sessionVersion)) return null;
  return { userId, sessionVersion };
}

/**
 * The viewer for these claims, or null when the user is gone, disabled, or the token's version is
 * not the user's current one. Database errors propagate: a failed check never lets anyone in.
 */
export async function resolveViewer(db: Db, claims: SessionClaims | null): Promise<Viewer | null> {
  if (!claims) return null;
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: { ...VIEWER_SELECT, disabled: true, sessionVersion: true },
  });
  if (!user || user.disabled || user.sessionVersion !== claims.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, institutionCode: user.institutionCode };
}

/**
 * Ends every session of the signed-in user (all browsers, not just this one): the session version
 * goes up, so every token issued before is refused. Audited as `auth.signOut`.
 */
export async function signOutEverywhere(db: Db, ctx: RequestContext): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: ctx.viewer.id }, data: { sessionVersion: { increment: 1 } } });
    await auditChange(tx, ctx, { action: 'auth.signOut', entityType: 'User', entityId: ctx.viewer.id });
  });
}
