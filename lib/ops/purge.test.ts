import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db';
import { SIGN_IN_IP_LIMIT } from '../auth/rate-limit';
import { signInWithPassword } from '../auth/sign-in';
import { claimPurge, startPurgeSchedule, type PurgeReport } from './purge';

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await t.db.user.create({ data: { email: 'keys@bank.test', name: 'Keys', role: 'PARTNER', passwordHash: 'x' } });
});
afterAll(async () => {
  await t.cleanup();
});

describe('scheduled purge of expired rows', () => {
  it('deletes ended rate-limit windows and day-old idempotency keys, keeps live ones, and audits refusal counts once', async () => {
    const db = t.db;
    const user = await db.user.findUniqueOrThrow({ where: { email: 'keys@bank.test' } });
    const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await db.idempotencyKey.createMany({
      data: [
        { key: 'old', userId: user.id, method: 'POST', path: '/x', requestHash: 'h', responseStatus: 200, responseBody: {}, createdAt: old },
        { key: 'new', userId: user.id, method: 'POST', path: '/x', requestHash: 'h', responseStatus: 200, responseBody: {}, createdAt: new Date() },
      ],
    });
    await db.rateLimitBucket.create({ data: { key: 'api:token:gone', points: 3, windowStart: old, expiresAt: old } });
    await db.rateLimitBucket.create({ data: { key: 'api:token:live', points: 3, windowStart: new Date(), expiresAt: new Date(Date.now() + 60_000) } });
    // A flood from one address, 20 minutes ago: its window has ended with 30 refusals nobody reopened.
    const floodAt = new Date(Date.now() - 20 * 60 * 1000);
    for (let i = 0; i < SIGN_IN_IP_LIMIT.points + 30; i++) {
      await signInWithPassword(db, { email: `guess${i}@bank.test`, password: 'Wrong-password-1', ip: '192.0.2.99' }, floodAt);
    }

    const reports: PurgeReport[] = [];
    const schedules = [1, 2].map(() =>
      startPurgeSchedule({ getDb: async () => db, intervalMs: 60_000, onRun: (r) => reports.push(r), onError: (e) => { throw e; } }),
    );
    await expect.poll(() => db.rateLimitBucket.count({ where: { key: 'api:token:gone' } }), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => db.idempotencyKey.count({ where: { key: 'old' } }), { timeout: 10_000 }).toBe(0);
    for (const s of schedules) s.stop();

    // Two instances started together: one claimed the interval and purged.
    expect(reports).toHaveLength(1);
    expect(await db.rateLimitBucket.count({ where: { key: { startsWith: 'login:' } } })).toBe(0);
    expect(await db.rateLimitBucket.count({ where: { key: 'api:token:live' } })).toBe(1);
    expect(await db.idempotencyKey.count({ where: { key: 'new' } })).toBe(1);
    const counts = await db.auditLog.findMany({ where: { action: 'auth.signIn', reason: 'RATE_LIMITED' }, orderBy: { at: 'asc' } });
    expect(counts.map((r) => (r.after as { refused: number }).refused)).toEqual([1, 30]);
    expect(counts[1]?.ip).toBe('192.0.2.99');
  });

  it('lets one instance claim an interval', async () => {
    const now = new Date('2030-01-01T00:00:00Z');
    expect(await claimPurge(t.db, 60_000, now)).toBe(true);
    expect(await claimPurge(t.db, 60_000, now)).toBe(false);
    expect(await claimPurge(t.db, 60_000, new Date(now.getTime() + 60_000))).toBe(true);
  });
});
