import { describe, expect, it } from 'vitest';
import { applySqlitePragmas, createDb, type Db } from '../db';
import { withTestDb } from '../../tests/helpers/test-db';
import { consume, purgeExpiredRateLimits, refund, resetRateLimit } from './rate-limit';

let db: Db;
const t = withTestDb(async (fresh) => {
  db = fresh.db;
});

const rule = { points: 3, windowSeconds: 60 };
const at = (iso: string) => new Date(iso);

describe('consume', () => {
  it('allows `points` attempts per window, then refuses with the time left', async () => {
    const start = at('2021-10-02T02:00:00Z');
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await consume(db, 'k:basic', rule, new Date(start.getTime() + i * 1000)));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0, 0]);
    expect(results[0]!.retryAfterSeconds).toBe(0);
    // The 4th attempt came 3 s into a 60 s window.
    expect(results[3]!.retryAfterSeconds).toBe(57);
  });

  it('starts a new window once the old one has ended', async () => {
    const start = at('2021-10-02T03:00:00Z');
    for (let i = 0; i < 4; i++) await consume(db, 'k:window', rule, start);
    expect((await consume(db, 'k:window', rule, new Date(start.getTime() + 59_000))).allowed).toBe(false);
    const fresh = await consume(db, 'k:window', rule, new Date(start.getTime() + 60_000));
    expect(fresh).toMatchObject({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
  });

  it('counts keys separately', async () => {
    const now = at('2021-10-02T04:00:00Z');
    for (let i = 0; i < 3; i++) await consume(db, 'k:a', rule, now);
    expect((await consume(db, 'k:a', rule, now)).allowed).toBe(false);
    expect((await consume(db, 'k:b', rule, now)).allowed).toBe(true);
  });

  it('refund gives one attempt back and reset forgets them all', async () => {
    const now = at('2021-10-02T05:00:00Z');
    for (let i = 0; i < 3; i++) await consume(db, 'k:refund', rule, now);
    await refund(db, 'k:refund', now);
    expect((await consume(db, 'k:refund', rule, now)).allowed).toBe(true);
    expect((await consume(db, 'k:refund', rule, now)).allowed).toBe(false);
    await resetRateLimit(db, 'k:refund');
    expect((await consume(db, 'k:refund', rule, now)).remaining).toBe(2);
  });

  it('purges ended windows only', async () => {
    const now = at('2021-10-02T06:00:00Z');
    await consume(db, 'k:old', rule, new Date(now.getTime() - 120_000));
    await consume(db, 'k:current', rule, now);
    expect(await purgeExpiredRateLimits(db, now)).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimitBucket.findUnique({ where: { key: 'k:old' } })).toBeNull();
    expect(await db.rateLimitBucket.findUnique({ where: { key: 'k:current' } })).not.toBeNull();
  });
});

describe('consume under concurrency', () => {
  it('lets exactly `points` of 30 parallel attempts through, from several connections (app instances)', async () => {
    // Separate clients stand for separate app instances: each has its own connection.
    const clients: Db[] = [db];
    for (let i = 0; i < 2; i++) {
      const other = createDb(t.config);
      if (t.config.provider === 'sqlite') await applySqlitePragmas(other);
      clients.push(other);
    }
    try {
      const limit = { points: 5, windowSeconds: 600 };
      const now = new Date();
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => consume(clients[i % clients.length]!, 'k:race', limit, now)),
      );
      expect(results.filter((r) => r.allowed)).toHaveLength(5);
      const bucket = await db.rateLimitBucket.findUnique({ where: { key: 'k:race' } });
      expect(bucket?.points).toBe(30);
    } finally {
      await Promise.all(clients.slice(1).map((c) => c.$disconnect()));
    }
  });
});
