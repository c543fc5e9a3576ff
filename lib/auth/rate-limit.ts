/**
 * Fixed-window rate limits counted in the database (RateLimitBucket), so several app instances
 * share one count. Used for sign-in (per account and per IP); the partner API's per-token limit
 * (e.g. "api:token:<id>") writes the same rows in batches (./batched-rate-limit.ts). No 'server-only': plain data-layer code, testable and usable by scripts.
 *
 * Each step is one atomic statement, so parallel requests never lose a count: an expired window
 * is reset by a conditional UPDATE, and the count is raised by an upsert that Prisma sends as a
 * single INSERT ... ON CONFLICT DO UPDATE ... RETURNING on both SQLite and PostgreSQL.
 */
import type { Db } from '../db';
import { countRateLimitRefusal } from '../metrics/registry';

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
  /** Attempts counted in the current window, this one included. */
  count: number;
  windowEndsAt: Date;
  /** The ended window this attempt replaced, when it did (one caller wins the reset). */
  closedWindow: ClosedWindow | null;
}

/** A window that has ended, with what was counted in it. */
export interface ClosedWindow {
  key: string;
  points: number;
  windowStart: Date;
  expiresAt: Date;
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
  await returnNullIfNotFound(write);
}

async function returnNullIfNotFound<T>(write: Promise<T>): Promise<T | null> {
  try {
    return await write;
  } catch (error) {
    if (!hasPrismaCode(error, 'P2025')) throw error;
    return null;
  }
}

/**
 * Adds `delta` attempts to `key`'s current window (starting a new window when the stored one has
 * ended) and returns the stored bucket: the one write both `consume` and the batched API limiter
 * (./batched-rate-limit.ts) make.
 */
export async function addPoints(db: Db, key: string, rule: RateLimitRule, delta: number, now = new Date()): Promise<RateLimitBucketRow> {
  return (await addPointsReporting(db, key, rule, delta, now)).bucket;
}

interface RateLimitBucketRow {
  points: number;
  windowStart: Date;
  expiresAt: Date;
}

async function addPointsReporting(db: Db, key: string, rule: RateLimitRule, delta: number, now: Date) {
  const expiresAt = new Date(now.getTime() + rule.windowSeconds * 1000);
  // Start a new window when the stored one has ended. Conditional on the ended window's expiry,
  // so of two parallel attempts only one resets it and reports what it counted. `update`, not
  // `updateMany`: Prisma wraps updateMany in a transaction of several round trips, which would
  // hold SQLite's write lock across awaits.
  const stored = await db.rateLimitBucket.findUnique({ where: { key } });
  let closedWindow: ClosedWindow | null = null;
  if (stored && stored.expiresAt.getTime() <= now.getTime()) {
    const reset = await returnNullIfNotFound(
      db.rateLimitBucket.update({
        where: { key, expiresAt: stored.expiresAt },
        data: { points: 0, windowStart: now, expiresAt },
        select: { key: true },
      }),
    );
    if (reset) closedWindow = { key, points: stored.points, windowStart: stored.windowStart, expiresAt: stored.expiresAt };
  }
  const upsert = () =>
    db.rateLimitBucket.upsert({
      where: { key },
      create: { key, points: delta, windowStart: now, expiresAt },
      update: { points: { increment: delta } },
      select: { points: true, windowStart: true, expiresAt: true },
    });
  let bucket: RateLimitBucketRow;
  try {
    bucket = await upsert();
  } catch (error) {
    // Two first attempts racing to create the row: the loser's retry takes the update path.
    if (!hasPrismaCode(error, 'P2002')) throw error;
    bucket = await upsert();
  }
  return { bucket, closedWindow };
}

/** Counts one attempt against `key` and says whether it is within the rule. */
export async function consume(db: Db, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const { bucket, closedWindow } = await addPointsReporting(db, key, rule, 1, now);
  const allowed = bucket.points <= rule.points;
  if (!allowed) countRateLimitRefusal(key);
  return {
    allowed,
    remaining: Math.max(0, rule.points - bucket.points),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((bucket.expiresAt.getTime() - now.getTime()) / 1000)),
    count: bucket.points,
    windowEndsAt: bucket.expiresAt,
    closedWindow,
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

/** Ended windows worth reporting before they are deleted: keys with a prefix, counted above a floor. */
export interface ClosedWindowReport {
  prefix: string;
  /** Windows with more points than this are reported. */
  abovePoints: number;
  onClosed: (window: ClosedWindow) => Promise<void>;
}

/**
 * Deletes ended windows; safe to run at any time and from several instances at once (a missing
 * row is a fresh window). Each ended window that `report` asks for is handed to its `onClosed`
 * exactly once: only the instance whose delete removed the row reports it.
 */
export async function purgeExpiredRateLimits(db: Db, now = new Date(), report?: ClosedWindowReport): Promise<number> {
  let purged = 0;
  if (report) {
    for (;;) {
      const batch = await db.rateLimitBucket.findMany({
        where: { expiresAt: { lte: now }, key: { startsWith: report.prefix }, points: { gt: report.abovePoints } },
        take: 200,
      });
      for (const bucket of batch) {
        const { count } = await db.rateLimitBucket.deleteMany({ where: { key: bucket.key, expiresAt: bucket.expiresAt } });
        purged += count;
        if (count === 1) await report.onClosed(bucket);
      }
      if (batch.length < 200) break;
    }
  }
  const { count } = await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lte: now } } });
  return purged + count;
}
