/**
 * The partner API's per-token rate limit, shared by every app instance through the same
 * RateLimitBucket rows as lib/auth/rate-limit.ts, without a database write per request.
 *
 * Each instance counts requests in memory and adds them to the shared row in batches: when a
 * batch is full, and once a second in the background. Far from the limit a request is decided on
 * the last shared count plus this instance's unsent count; near it (within two batches) every
 * request adds itself to the shared row first and is decided on the total that comes back, as
 * lib/auth/rate-limit.ts does for each sign-in attempt. Once the shared row says the window is
 * over its limit, further requests are refused here until the window ends (and still counted, in
 * the background). An instance holds at most two batches unshared (one being written, one
 * filling), so a token gets at most (instances - 1) x 2 batches more than its limit in a burst; a
 * batch is a twentieth of the limit (6 requests at the default 120 a minute).
 *
 * Authentication is not cached: the token and its user are read on every request
 * (lib/api/authenticate.ts), so a revoked token is refused at once.
 */
import type { Db } from '../db';
import { logger } from '../log';
import { countRateLimitRefusal } from '../metrics/registry';
import { addPoints, type RateLimitRule } from './rate-limit';

const FLUSH_INTERVAL_MS = 1000;

export interface BatchedDecision {
  allowed: boolean;
  /** When refused: seconds until the window ends (at least 1). 0 when allowed. */
  retryAfterSeconds: number;
}

interface KeyState {
  db: Db;
  rule: RateLimitRule;
  /** Count in the shared row at the last write, this instance's sent batches included. */
  shared: number;
  /** Counted here, not yet added to the shared row. */
  pending: number;
  /** Counted here, being added to the shared row right now. */
  sending: number;
  /** End of the shared row's window, as the last write saw it (ms). */
  expiresAt: number;
}

export interface BatchedRateLimiter {
  consume(db: Db, key: string, rule: RateLimitRule, now?: Date): Promise<BatchedDecision>;
  /** Adds every unsent count to the shared rows (the background timer calls it each second). */
  flush(now?: Date): Promise<void>;
  /** Flushes and stops the background timer. */
  close(): Promise<void>;
}

export function batchSizeOf(rule: RateLimitRule): number {
  return Math.max(1, Math.floor(rule.points / 20));
}

export function createBatchedRateLimiter({ flushIntervalMs = FLUSH_INTERVAL_MS }: { flushIntervalMs?: number } = {}): BatchedRateLimiter {
  const states = new Map<string, KeyState>();
  let timer: ReturnType<typeof setInterval> | null = null;

  const retryAfter = (state: KeyState, now: Date) => Math.max(1, Math.ceil((state.expiresAt - now.getTime()) / 1000));

  /** Adds `delta` to the shared row and learns its total; returns that total. */
  async function send(key: string, state: KeyState, delta: number, now: Date): Promise<number> {
    state.sending += delta;
    let bucket;
    try {
      bucket = await addPoints(state.db, key, state.rule, delta, now);
    } finally {
      state.sending -= delta;
    }
    const expiresAt = bucket.expiresAt.getTime();
    if (expiresAt !== state.expiresAt) {
      // A new window: what was counted here for the old one no longer matters.
      state.expiresAt = expiresAt;
      state.shared = bucket.points;
    } else {
      // Writes of this instance can come back out of order; the count only grows in a window.
      state.shared = Math.max(state.shared, bucket.points);
    }
    return bucket.points;
  }

  async function flushKey(key: string, state: KeyState, now: Date): Promise<void> {
    if (state.pending === 0) return;
    const delta = state.pending;
    state.pending = 0;
    try {
      await send(key, state, delta, now);
    } catch (error) {
      state.pending += delta;
      throw error;
    }
  }

  async function flush(now = new Date()): Promise<void> {
    for (const [key, state] of states) {
      await flushKey(key, state, now);
      // Forget keys idle past their window, so the map does not grow with every token ever seen.
      if (state.pending === 0 && state.sending === 0 && state.expiresAt <= now.getTime()) states.delete(key);
    }
  }

  function startTimer() {
    if (timer) return;
    timer = setInterval(() => {
      flush().catch((error: unknown) => logger.error({ err: error }, 'rate-limit counts not flushed; retried in a second'));
    }, flushIntervalMs);
    timer.unref?.();
  }

  return {
    async consume(db, key, rule, now = new Date()) {
      let state = states.get(key);
      const windowOpen = state !== undefined && state.expiresAt > now.getTime();
      if (!state || !windowOpen) {
        state = { db, rule, shared: 0, pending: 0, sending: 0, expiresAt: 0 };
        states.set(key, state);
      }
      state.db = db;
      state.rule = rule;
      startTimer();
      const batch = batchSizeOf(rule);

      if (windowOpen && state.shared > rule.points) {
        // The shared count is already past the limit for this window: no need to ask again.
        state.pending += 1;
        countRateLimitRefusal(key);
        return { allowed: false, retryAfterSeconds: retryAfter(state, now) };
      }
      const farFromLimit = state.shared + state.sending + state.pending + 1 <= rule.points - 2 * batch;
      // One batch in flight at a time: while the database is slow to take it, the next full batch
      // is sent by the request itself, so no instance holds more than two batches unshared.
      const batchFull = state.pending + 1 >= batch;
      if (windowOpen && farFromLimit && !(batchFull && state.sending > 0)) {
        state.pending += 1;
        if (batchFull) {
          flushKey(key, state, now).catch((error: unknown) => logger.error({ err: error }, 'rate-limit counts not flushed; retried in a second'));
        }
        return { allowed: true, retryAfterSeconds: 0 };
      }
      // Near the limit, or the first request of a window here: decide on the shared total.
      const delta = state.pending + 1;
      state.pending = 0;
      let total: number;
      try {
        total = await send(key, state, delta, now);
      } catch (error) {
        state.pending += delta - 1;
        throw error;
      }
      if (total <= rule.points) return { allowed: true, retryAfterSeconds: 0 };
      countRateLimitRefusal(key);
      return { allowed: false, retryAfterSeconds: retryAfter(state, now) };
    },
    flush,
    async close() {
      if (timer) clearInterval(timer);
      timer = null;
      await flush();
    },
  };
}

/** The limiter of this app instance. */
export const apiRateLimiter: BatchedRateLimiter = createBatchedRateLimiter();
