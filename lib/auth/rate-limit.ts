/**
 * Fixed-window rate limits counted in the database (RateLimitBucket), so several app instances
 * share one count. Used for sign-in (per account and per IP) and meant for the partner API
 * (e.g. "api:token:<id>"). No 'server-only': plain data-layer code, testable and usable by scripts.
 *
 * Each step is one atomic statement, so parallel requests never lose a count: an expired window
 * is reset by a conditional UPDATE, and the count is raised by an upsert that Prisma sends as a
 * single INSERT ... ON CONFLICT DO UPDATE ... RETURNING on both SQLite and PostgreSQL.
 */
import type { Db } from '../db';

export interface RateLimitRule {
  /** Attempts allowed per window. */
  points: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  /** False once this attempt goes beyond `points` in the current window. */
  allowed: boolean;
  /** Attempts left in the window after this one. */
  remaining: number;
  /** When refused: seconds until the window ends (at least 1). 0 when allowed. */
  retryAfterSeconds: number;
}

/** Sign-in failures allowed per account (email, known or not) in 15 minutes. */
export const SIGN_IN_ACCOUNT_LIMIT: RateLimitRule = { points: 5, windowSeconds: 15 * 60 };
/** Sign-in failures allowed per client IP in 15 minutes (several people may share an office IP). */
export const SIGN_IN_IP_LIMIT: RateLimitRule = { points: 20, windowSeconds: 15 * 60 };

function hasPrismaCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** A conditional single-row update that matched nothing is not an error here. */
async function ignoreNotFound(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (!hasPrismaCode(error, 'P2025')) throw error;
  }
}

/** Counts one attempt against `key` and says whether it is within the rule. */
export async function consume(db: Db, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const expiresAt = new Date(now.getTime() + rule.windowSeconds * 1000);
  // Start a new window when the stored one has ended. `update`, not `updateMany`: Prisma wraps
  // updateMany in a transaction of several round trips, which would hold SQLite's write lock
  // across awaits.
  await ignoreNotFound(
    db.rateLimitBucket.update({
      where: { key, expiresAt: { lte: now } },
      data: { points: 0, windowStart: now, expiresAt },
      select: { key: true },
    }),
  );
  const upsert = () =>
    db.rateLimitBucket.upsert({
      where: { key },
      create: { key, points: 1, windowStart: now, expiresAt },
      update: { points: { increment: 1 } },
    });
  let bucket;
  try {
    bucket = await upsert();
  } catch (error) {
    // Two first attempts racing to create the row: the loser's retry takes the update path.
    if (!hasPrismaCode(error, 'P2002')) throw error;
    bucket = await upsert();
  }
  const allowed = bucket.points <= rule.points;
  return {
    allowed,
    remaining: Math.max(0, rule.points - bucket.points),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((bucket.expiresAt.getTime() - now.getTime()) / 1000)),
  };
}

/** Gives back one attempt (e.g. the one a successful sign-in consumed). */
export async function refund(db: Db, key: string, now = new Date()): Promise<void> {
  await ignoreNotFound(
    db.rateLimitBucket.update({
      where: { key, expiresAt: { gt: now }, points: { gt: 0 } },
      data: { points: { decrement: 1 } },
      select: { key: true },
    }),
  );
}

/** Forgets every attempt counted against `key`. */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

/** Deletes ended windows; safe to run at any time (a missing row is a fresh window). */
export async function purgeExpiredRateLimits(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
