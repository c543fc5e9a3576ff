/**
 * Idempotency keys on a real migrated database: the first request runs, a retry replays it without
 * running, another request under the same key is refused, a running one answers 409, a dead one's
 * reservation is taken over, and answers that depend on the moment are not kept.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withTestDb } from '../../tests/helpers/test-db';
import { AppError } from '../errors';
import { STALE_RESERVATION_MS, parseIdempotencyKey, runIdempotent, type IdempotentRequest } from './idempotency';

let userA = '';
let userB = '';
const t = withTestDb(async (t) => {
  userA = (await t.db.user.create({ data: { email: 'a@t.test', name: 'A', role: 'PROGRAM_MANAGER', passwordHash: 'x' } })).id;
  userB = (await t.db.user.create({ data: { email: 'b@t.test', name: 'B', role: 'PROGRAM_MANAGER', passwordHash: 'x' } })).id;
});

let n = 0;
const req = (over: Partial<IdempotentRequest> = {}): IdempotentRequest => ({
  key: `key-${++n}`,
  userId: userA,
  method: 'PATCH',
  path: '/api/v1/programs/p/cities/4401',
  body: '{"version":1,"note":"x"}',
  ...over,
});

describe('runIdempotent', () => {
  it('runs once and replays the stored answer to a retry', async () => {
    const r = req();
    let runs = 0;
    const work = async () => ({ status: 200, body: { version: 2 + runs++ } });
    const first = await runIdempotent(t.db, r, work);
    const second = await runIdempotent(t.db, r, work);
    expect(first).toEqual({ status: 200, body: { version: 2 }, replayed: false });
    expect(second).toEqual({ status: 200, body: { version: 2 }, replayed: true });
    expect(runs).toBe(1);
  });

  it('keeps keys per user, and refuses the same key for a different body or path', async () => {
    const r = req();
    await runIdempotent(t.db, r, async () => ({ status: 200, body: {} }));
    const other = await runIdempotent(t.db, { ...r, userId: userB }, async () => ({ status: 403, body: { error: 'no' } }));
    expect(other.replayed).toBe(false);
    await expect(runIdempotent(t.db, { ...r, body: '{"version":1,"note":"y"}' }, async () => ({ status: 200, body: {} }))).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(runIdempotent(t.db, { ...r, path: '/api/v1/programs/p/cities/4403' }, async () => ({ status: 200, body: {} }))).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('answers 409 while the first request runs, and lets a retry take over a dead reservation', async () => {
    const r = req();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Resolved by the first request's work, i.e. once its reservation is written.
    let inside: () => void = () => {};
    const isInside = new Promise<void>((resolve) => (inside = resolve));
    const running = runIdempotent(t.db, r, async () => {
      inside();
      await gate;
      return { status: 200, body: { done: true } };
    });
    await isInside;
    await expect(runIdempotent(t.db, r, async () => ({ status: 200, body: {} }))).rejects.toMatchObject({ code: 'CONFLICT' });
    release();
    expect((await running).body).toEqual({ done: true });

    const dead = req();
    const start = new Date('2030-01-01T00:00:00Z');
    await t.db.idempotencyKey.create({
      data: { key: dead.key, userId: dead.userId, method: dead.method, path: dead.path, requestHash: crypto.createHash('sha256').update(dead.body).digest('hex'), responseStatus: 0, responseBody: {}, createdAt: start },
    });
    await expect(runIdempotent(t.db, dead, async () => ({ status: 200, body: {} }), new Date(start.getTime() + 1000))).rejects.toMatchObject({ code: 'CONFLICT' });
    const retried = await runIdempotent(t.db, dead, async () => ({ status: 200, body: { retried: true } }), new Date(start.getTime() + STALE_RESERVATION_MS + 1));
    expect(retried).toEqual({ status: 200, body: { retried: true }, replayed: false });
  });

  it('does not keep 5xx or 429 answers, nor a reservation whose work threw', async () => {
    for (const status of [500, 429]) {
      const r = req();
      await runIdempotent(t.db, r, async () => ({ status, body: {} }));
      const retry = await runIdempotent(t.db, r, async () => ({ status: 200, body: { ok: true } }));
      expect(retry).toEqual({ status: 200, body: { ok: true }, replayed: false });
    }
    const r = req();
    await expect(runIdempotent(t.db, r, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await runIdempotent(t.db, r, async () => ({ status: 200, body: {} }))).replayed).toBe(false);
  });
});

describe('parseIdempotencyKey', () => {
  it('accepts 1-255 visible ASCII characters and nothing else', () => {
    expect(parseIdempotencyKey(null)).toBeNull();
    expect(parseIdempotencyKey('a')).toBe('a');
    expect(parseIdempotencyKey('k'.repeat(255))).toHaveLength(255);
    for (const bad of ['', ' ', 'k'.repeat(256), 'with space', 'ключ', 'tab\t']) expect(() => parseIdempotencyKey(bad)).toThrow(AppError);
  });
});
