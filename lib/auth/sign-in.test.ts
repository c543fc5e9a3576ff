import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { withTestDb } from '../../tests/helpers/test-db';
import { hashPassword } from './password';
import { SIGN_IN_ACCOUNT_LIMIT, SIGN_IN_IP_LIMIT } from './rate-limit';
import { signInWithPassword } from './sign-in';

let db: Db;
const PASSWORD = 'Correct-Horse-Battery-9';

withTestDb(async (t) => {
  db = t.db;
  await db.institution.create({ data: { code: 'ICBC', nameZh: '中国工商银行', nameEn: 'ICBC', type: 'STATE_OWNED_BANK' } });
  const passwordHash = await hashPassword(PASSWORD);
  await db.user.createMany({
    data: [
      { email: 'pm@bank.test', name: 'PM', role: 'PROGRAM_MANAGER', passwordHash },
      { email: 'partner@bank.test', name: 'Partner', role: 'PARTNER', institutionCode: 'ICBC', passwordHash },
      { email: 'gone@bank.test', name: 'Gone', role: 'EXECUTIVE', passwordHash, disabled: true },
      { email: 'locked@bank.test', name: 'Locked', role: 'EXECUTIVE', passwordHash },
    ],
  });
});
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

const auditRows = () => db.auditLog.findMany({ where: { action: 'auth.signIn' }, orderBy: { at: 'asc' } });

describe('signInWithPassword', () => {
  it('signs in with the right password, case-insensitively by email, and audits it with the IP', async () => {
    const result = await signInWithPassword(db, { email: '  PM@Bank.test ', password: PASSWORD, ip: '203.0.113.1' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.viewer).toMatchObject({ email: 'pm@bank.test', role: 'PROGRAM_MANAGER', institutionCode: null });
    expect(result.sessionVersion).toBe(1);
    const last = (await auditRows()).at(-1);
    expect(last).toMatchObject({ outcome: 'ALLOWED', actorId: result.viewer.id, actorRole: 'PROGRAM_MANAGER', ip: '203.0.113.1' });
  });

  it('gives one answer for an unknown email, a wrong password and a disabled account', async () => {
    const unknown = await signInWithPassword(db, { email: 'nobody@bank.test', password: PASSWORD, ip: '203.0.113.2' });
    const wrong = await signInWithPassword(db, { email: 'pm@bank.test', password: 'Wrong-Password-1', ip: '203.0.113.2' });
    const disabled = await signInWithPassword(db, { email: 'gone@bank.test', password: PASSWORD, ip: '203.0.113.2' });
    const malformed = await signInWithPassword(db, { email: ['x'], password: { $ne: '' }, ip: '203.0.113.2' });
    for (const r of [unknown, wrong, disabled, malformed]) expect(r).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
  });

  it('audits every failure with its cause, and never the password', async () => {
    const before = (await auditRows()).length;
    await signInWithPassword(db, { email: 'nobody@bank.test', password: 'Secret-Typed-Password-1', ip: '203.0.113.3' });
    await signInWithPassword(db, { email: 'pm@bank.test', password: 'Secret-Typed-Password-2', ip: '203.0.113.3' });
    await signInWithPassword(db, { email: 'gone@bank.test', password: PASSWORD, ip: '203.0.113.3' });
    const rows = (await auditRows()).slice(before);
    expect(rows.map((r) => [r.outcome, r.reason, (r.after as { cause: string }).cause])).toEqual([
      ['DENIED', 'UNAUTHENTICATED', 'unknownEmail'],
      ['DENIED', 'UNAUTHENTICATED', 'wrongPassword'],
      ['DENIED', 'UNAUTHENTICATED', 'disabled'],
    ]);
    expect(rows.every((r) => r.ip === '203.0.113.3' && r.actorId === null)).toBe(true);
    const everything = JSON.stringify(await db.auditLog.findMany());
    expect(everything).not.toContain('Secret-Typed-Password');
    expect(everything).not.toContain(PASSWORD);
  });

  it('locks an account after 5 failures in 15 minutes, even for the right password, and says when to retry', async () => {
    const now = new Date('2021-10-02T02:00:00Z');
    for (let i = 0; i < SIGN_IN_ACCOUNT_LIMIT.points; i++) {
      const r = await signInWithPassword(db, { email: 'locked@bank.test', password: `Wrong-${i}-password`, ip: `198.51.100.${i}` }, now);
      expect(r).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
    }
    const blocked = await signInWithPassword(db, { email: 'locked@bank.test', password: PASSWORD, ip: '198.51.100.99' }, now);
    expect(blocked).toEqual({ ok: false, reason: 'RATE_LIMITED', retryAfterSeconds: 15 * 60 });
    const last = (await auditRows()).at(-1);
    expect(last).toMatchObject({ outcome: 'DENIED', reason: 'RATE_LIMITED', ip: '198.51.100.99' });
    // Another account from the same IPs is unaffected, and the window ends after 15 minutes.
    expect((await signInWithPassword(db, { email: 'pm@bank.test', password: PASSWORD, ip: '198.51.100.1' }, now)).ok).toBe(true);
    const later = new Date(now.getTime() + 15 * 60 * 1000);
    expect((await signInWithPassword(db, { email: 'locked@bank.test', password: PASSWORD, ip: '198.51.100.99' }, later)).ok).toBe(true);
  });

  it('limits an IP to 20 failures across accounts; an unknown email counts like a real one', async () => {
    const now = new Date('2021-10-02T03:00:00Z');
    for (let i = 0; i < SIGN_IN_IP_LIMIT.points; i++) {
      await signInWithPassword(db, { email: `guess${i}@bank.test`, password: 'Wrong-password-1', ip: '192.0.2.7' }, now);
    }
    const blocked = await signInWithPassword(db, { email: 'pm@bank.test', password: PASSWORD, ip: '192.0.2.7' }, now);
    expect(blocked).toMatchObject({ ok: false, reason: 'RATE_LIMITED' });
    expect((await signInWithPassword(db, { email: 'pm@bank.test', password: PASSWORD, ip: '192.0.2.8' }, now)).ok).toBe(true);
  });

  it('clears the account count on success, so a user who mistyped a few times is not locked out later', async () => {
    const now = new Date('2021-10-02T04:00:00Z');
    for (let i = 0; i < 4; i++) await signInWithPassword(db, { email: 'partner@bank.test', password: 'typo-password', ip: '192.0.2.20' }, now);
    expect((await signInWithPassword(db, { email: 'partner@bank.test', password: PASSWORD, ip: '192.0.2.20' }, now)).ok).toBe(true);
    for (let i = 0; i < 4; i++) await signInWithPassword(db, { email: 'partner@bank.test', password: 'typo-password', ip: '192.0.2.20' }, now);
    expect((await signInWithPassword(db, { email: 'partner@bank.test', password: PASSWORD, ip: '192.0.2.20' }, now)).ok).toBe(true);
  });

  it('lets at most 5 of 12 parallel guesses at one account be checked', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signInWithPassword(db, { email: 'pm@bank.test', password: `parallel-guess-${i}`, ip: `192.0.2.${100 + i}` }),
      ),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'INVALID_CREDENTIALS')).toHaveLength(SIGN_IN_ACCOUNT_LIMIT.points);
    expect(results.filter((r) => !r.ok && r.reason === 'RATE_LIMITED')).toHaveLength(12 - SIGN_IN_ACCOUNT_LIMIT.points);
  });

  it('takes similar time for an unknown email and a wrong password', async () => {
    const time = async (email: string) => {
      const started = performance.now();
      await signInWithPassword(db, { email, password: 'Timing-password-1', ip: '192.0.2.50' });
      return performance.now() - started;
    };
    await time('warmup@bank.test');
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 4; i++) {
      await db.rateLimitBucket.deleteMany();
      unknown.push(await time(`nobody${i}@bank.test`));
      wrong.push(await time('partner@bank.test'));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Without the dummy verification an unknown email answers in ~1 ms, a wrong password in ~30+ ms.
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
  });
});

describe('sign-in under a flood', () => {
  it('writes a bounded number of audit rows for a flood of limited attempts, and the count when the window ends', async () => {
    const now = new Date('2026-03-02T08:00:00Z');
    const before = (await auditRows()).length;
    for (let i = 0; i < 60; i++) {
      await signInWithPassword(db, { email: `flood${i}@bank.test`, password: 'Wrong-password-1', ip: '192.0.2.200' }, now);
    }
    const rows = (await auditRows()).slice(before);
    // 20 judged failures, then one row for the first refusal; the other 39 refusals are counted.
    expect(rows.filter((r) => r.reason === 'UNAUTHENTICATED')).toHaveLength(SIGN_IN_IP_LIMIT.points);
    expect(rows.filter((r) => r.reason === 'RATE_LIMITED')).toHaveLength(1);
    // Refused attempts add no per-account rows once the IP is over its limit.
    expect(await db.rateLimitBucket.count()).toBe(SIGN_IN_IP_LIMIT.points + 1);

    const later = new Date(now.getTime() + SIGN_IN_IP_LIMIT.windowSeconds * 1000 + 1000);
    await signInWithPassword(db, { email: 'pm@bank.test', password: PASSWORD, ip: '192.0.2.200' }, later);
    const closing = (await auditRows()).slice(before).filter((r) => r.reason === 'RATE_LIMITED');
    expect(closing.map((r) => r.after)).toEqual([
      expect.objectContaining({ limitedBy: 'ip', refused: 1 }),
      expect.objectContaining({ limitedBy: 'ip', refused: 60 - SIGN_IN_IP_LIMIT.points }),
    ]);
  });

  it('never stores an email that matches no account in clear text, yet correlates repeats', async () => {
    const typed = 'My-Secret-Password-In-The-Email-Field';
    await signInWithPassword(db, { email: typed, password: 'Wrong-password-1', ip: '192.0.2.201' });
    await signInWithPassword(db, { email: typed, password: 'Wrong-password-2', ip: '192.0.2.201' });
    const stored = JSON.stringify([await db.auditLog.findMany(), await db.rateLimitBucket.findMany()]);
    expect(stored.toLowerCase()).not.toContain(typed.toLowerCase());
    const hashes = (await auditRows()).slice(-2).map((r) => (r.after as { emailHash?: string }).emailHash);
    expect(hashes[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(hashes[1]).toBe(hashes[0]);
  });

  it('answers "busy" at once beyond the bound on password checks, and keeps the event loop free', async () => {
    let worstLag = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const nowMs = performance.now();
      worstLag = Math.max(worstLag, nowMs - last - 10);
      last = nowMs;
    }, 10);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        signInWithPassword(db, { email: `stranger${i}@bank.test`, password: 'Wrong-password-1', ip: `10.${i >> 8}.${i & 255}.9` }),
      ),
    );
    clearInterval(ticker);
    const busy = results.filter((r) => !r.ok && r.reason === 'BUSY');
    expect(busy.length).toBeGreaterThanOrEqual(200 - 18);
    expect(results.filter((r) => !r.ok && r.reason === 'INVALID_CREDENTIALS').length).toBe(200 - busy.length);
    expect(busy[0]).toEqual({ ok: false, reason: 'BUSY', retryAfterSeconds: expect.any(Number) });
    // A busy answer is not a failed attempt: nothing counted for it.
    expect(await db.rateLimitBucket.count({ where: { key: { startsWith: 'login:ip:10.' } } })).toBe(200 - busy.length);
    expect(worstLag).toBeLessThan(500);
  });
});
