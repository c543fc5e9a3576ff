import { afterAll, describe, expect, it } from 'vitest';
import { applySqlitePragmas, createDb, type Db } from '../db';
import { withTestDb } from '../../tests/helpers/test-db';
import { batchSizeOf, createBatchedRateLimiter, type BatchedRateLimiter } from './batched-rate-limit';

const t = withTestDb();
const limiters: BatchedRateLimiter[] = [];
const clients: Db[] = [];

/** A limiter as one app instance has it; `ownClient` gives it its own connection too. */
async function instance(ownClient = false): Promise<{ db: Db; limiter: BatchedRateLimiter }> {
  // A long interval: the tests flush by hand, so what reaches the database is what they say.
  const limiter = createBatchedRateLimiter({ flushIntervalMs: 3_600_000 });
  limiters.push(limiter);
  if (!ownClient) return { db: t.db, limiter };
  const db = createDb(t.config);
  if (t.config.provider === 'sqlite') await applySqlitePragmas(db);
  clients.push(db);
  return { db, limiter };
}

afterAll(async () => {
  await Promise.all(limiters.map((l) => l.close()));
  await Promise.all(clients.map((c) => c.$disconnect()));
});

const stored = async (key: string) => (await t.db.rateLimitBucket.findUnique({ where: { key } }))?.points ?? 0;
/** Lets the background batch writes started by `consume` finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the batched per-token limit', () => {
  it('counts far from the limit without a database write per request, and loses no count', async () => {
    const { db, limiter } = await instance();
    const rule = { points: 1000, windowSeconds: 60 };
    const batch = batchSizeOf(rule);
    for (let i = 0; i < 200; i++) expect((await limiter.consume(db, 'api:token:far', rule)).allowed).toBe(true);
    await settle();
    // The first request is written on its own, then whole batches of 50: the last requests wait
    // for the next flush (a write per request would have stored all 200 by now).
    expect(batch).toBe(50);
    const written = await stored('api:token:far');
    expect(written).toBeLessThan(200);
    expect((written - 1) % batch).toBe(0);
    await limiter.flush();
    expect(await stored('api:token:far')).toBe(200);
  });

  it('refuses exactly at the limit on one instance, with the time left in the window', async () => {
    const { db, limiter } = await instance();
    const rule = { points: 120, windowSeconds: 60 };
    const now = new Date();
    const results = [];
    for (let i = 0; i < 130; i++) results.push(await limiter.consume(db, 'api:token:exact', rule, now));
    expect(results.filter((r) => r.allowed)).toHaveLength(120);
    expect(results.slice(0, 120).every((r) => r.allowed)).toBe(true);
    expect(results[120]).toEqual({ allowed: false, retryAfterSeconds: 60 });
    await limiter.flush(now);
    expect(await stored('api:token:exact')).toBe(130);
  });

  it('shares one count between instances: together they pass the limit by at most two batches', async () => {
    const a = await instance(true);
    const b = await instance(true);
    const rule = { points: 120, windowSeconds: 60 };
    const now = new Date();
    let allowed = 0;
    // The two instances take turns, as a load balancer would send them the requests.
    for (let i = 0; i < 300; i++) {
      const { db, limiter } = i % 2 === 0 ? a : b;
      if ((await limiter.consume(db, 'api:token:shared', rule, now)).allowed) allowed += 1;
    }
    expect(allowed).toBeGreaterThanOrEqual(120);
    expect(allowed).toBeLessThanOrEqual(120 + 2 * batchSizeOf(rule));
    // A third instance, starting now, refuses at once: the shared row says the window is used up.
    const c = await instance(true);
    expect((await c.limiter.consume(c.db, 'api:token:shared', rule, now)).allowed).toBe(false);
  });

  it('starts a new window once the old one has ended', async () => {
    const { db, limiter } = await instance();
    const rule = { points: 3, windowSeconds: 60 };
    const start = new Date('2030-01-01T00:00:00Z');
    for (let i = 0; i < 3; i++) expect((await limiter.consume(db, 'api:token:window', rule, start)).allowed).toBe(true);
    expect((await limiter.consume(db, 'api:token:window', rule, new Date(start.getTime() + 59_000))).allowed).toBe(false);
    const fresh = await limiter.consume(db, 'api:token:window', rule, new Date(start.getTime() + 60_000));
    expect(fresh.allowed).toBe(true);
    expect(await stored('api:token:window')).toBe(1);
  });
});
