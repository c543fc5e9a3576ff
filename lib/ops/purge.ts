/**
 * The scheduled purge of rows that expire: ended rate-limit windows (sign-in windows with refusals
 * are first audited with their count) and idempotency keys past their day. Without it, traffic
 * nobody signed in for (sign-in attempts with invented emails, rotating addresses) would grow
 * these tables without bound.
 *
 * Every instance runs the schedule; each run first claims the interval in the database (a
 * rate-limit bucket with one point), so normally one instance purges per interval. Two runs at
 * once would still be harmless: every delete is idempotent and each closed window is audited only
 * by the run whose delete removed it.
 */
import type { Db } from '../db';
import { purgeExpiredIdempotencyKeys } from '../api/idempotency';
import { consume, purgeExpiredRateLimits } from '../auth/rate-limit';
import { SIGN_IN_CLOSED_WINDOWS, auditClosedSignInWindow } from '../auth/sign-in';

export const PURGE_INTERVAL_MS = 10 * 60 * 1000;
const CLAIM_KEY = 'job:purge';

export interface PurgeReport {
  rateLimitBuckets: number;
  idempotencyKeys: number;
}

export async function purgeExpiredRows(db: Db, now = new Date()): Promise<PurgeReport> {
  const rateLimitBuckets = await purgeExpiredRateLimits(db, now, {
    ...SIGN_IN_CLOSED_WINDOWS,
    onClosed: (window) => auditClosedSignInWindow(db, window),
  });
  const idempotencyKeys = await purgeExpiredIdempotencyKeys(db, now);
  return { rateLimitBuckets, idempotencyKeys };
}

/**
 * Claims this interval for this instance; false when another instance already has it. The claim
 * is shorter than the interval, so the next (jittered) run of any instance finds it ended.
 */
export async function claimPurge(db: Db, intervalMs: number, now = new Date()): Promise<boolean> {
  const claim = await consume(db, CLAIM_KEY, { points: 1, windowSeconds: Math.max(1, Math.floor((intervalMs * 0.8) / 1000)) }, now);
  return claim.allowed;
}

export interface PurgeSchedule {
  stop(): void;
}

export function startPurgeSchedule({
  getDb,
  intervalMs = PURGE_INTERVAL_MS,
  onRun,
  onError,
}: {
  getDb: () => Promise<Db>;
  intervalMs?: number;
  onRun: (report: PurgeReport) => void;
  onError: (error: unknown) => void;
}): PurgeSchedule {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const run = async () => {
    try {
      const db = await getDb();
      if (await claimPurge(db, intervalMs)) onRun(await purgeExpiredRows(db));
    } catch (error) {
      onError(error);
    }
  };
  const arm = () => {
    if (stopped) return;
    // Jitter keeps instances started together from all waking at the same moment.
    timer = setTimeout(() => void run().finally(arm), intervalMs * (0.9 + Math.random() * 0.2));
    timer.unref?.();
  };
  void run().finally(arm);
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
