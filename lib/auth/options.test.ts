import { afterAll, describe, expect, it, vi } from 'vitest';
import { decode, encode } from 'next-auth/jwt';
import type { NextAuthOptions } from 'next-auth';
import { withTestDb } from '../../tests/helpers/test-db';
import { PEER_ADDRESS_HEADER, PEER_HEADER_MARK } from './client-ip';
import { hashPassword } from './password';

const SECRET = 'options-test-secret-options-test-secret-0123';
let userId: string;

/** Fresh modules per configuration: lib/env and the options are cached per process. */
async function loadOptions(env: Record<string, string>): Promise<NextAuthOptions> {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { getAuthOptions } = await import('./options');
  return getAuthOptions();
}

function databaseUrl(): string {
  return t.config.provider === 'sqlite' ? `file:${t.config.url}` : t.config.url;
}

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;

function authorizeOf(options: NextAuthOptions): Authorize {
  const provider = options.providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize;
}

const t = withTestDb(async (t) => {
  const user = await t.db.user.create({
    data: { email: 'pm@bank.test', name: 'PM', role: 'PROGRAM_MANAGER', passwordHash: await hashPassword('Options-Test-Password-1'), sessionVersion: 3 },
  });
  userId = user.id;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  // authorize used the app's shared client (lib/db.ts getDb), pointed at the test database.
  const shared = (globalThis as { hutongDb?: Promise<{ $disconnect: () => Promise<void> }> }).hutongDb;
  await shared?.then((db) => db.$disconnect()).catch(() => undefined);
});

describe('next-auth options', () => {
  it('uses JWT sessions of at most 8 hours in an HttpOnly, SameSite=Lax cookie, not Secure over http', async () => {
    const options = await loadOptions({ AUTH_SECRET: SECRET, APP_URL: 'http://localhost:3100', DATABASE_URL: databaseUrl(), LOG_LEVEL: 'silent' });
    expect(options.session).toMatchObject({ strategy: 'jwt', maxAge: 8 * 60 * 60 });
    expect(options.secret).toBe(SECRET);
    expect(options.useSecureCookies).toBe(false);
    expect(options.cookies?.sessionToken).toEqual({
      name: 'hutong.session',
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false },
    });
  });

  it('marks the cookie Secure (and __Secure-) when APP_URL is https', async () => {
    const options = await loadOptions({ AUTH_SECRET: SECRET, APP_URL: 'https://hutong.example.cn', DATABASE_URL: databaseUrl(), LOG_LEVEL: 'silent' });
    expect(options.useSecureCookies).toBe(true);
    expect(options.cookies?.sessionToken?.name).toBe('__Secure-hutong.session');
    expect(options.cookies?.sessionToken?.options.secure).toBe(true);
  });

  it('refuses to start without AUTH_SECRET, naming it', async () => {
    vi.stubEnv('AUTH_SECRET', '');
    await expect(loadOptions({ APP_URL: 'http://localhost:3100', LOG_LEVEL: 'silent' })).rejects.toThrow(/AUTH_SECRET/);
  });

  it('puts only the user id and session version in the token', async () => {
    const options = await loadOptions({ AUTH_SECRET: SECRET, APP_URL: 'http://localhost:3100', DATABASE_URL: databaseUrl(), LOG_LEVEL: 'silent' });
    const token = await options.callbacks!.jwt!({
      token: { name: 'PM', email: 'pm@bank.test', picture: null, sub: userId },
      user: { id: userId, sessionVersion: 3 } as never,
      account: null,
      trigger: 'signIn',
    });
    expect(token).toEqual({ sub: userId, sv: 3 });
  });

  it('keeps the first expiry when the token is re-issued, so 8 hours is an absolute limit', async () => {
    const options = await loadOptions({ AUTH_SECRET: SECRET, APP_URL: 'http://localhost:3100', DATABASE_URL: databaseUrl(), LOG_LEVEL: 'silent' });
    const first = await options.jwt!.encode!({ token: { sub: userId, sv: 3 }, secret: SECRET, maxAge: 8 * 3600 });
    const decoded = await decode({ token: first, secret: SECRET });
    const nowS = Math.floor(Date.now() / 1000);
    expect(decoded!.exp).toBeGreaterThanOrEqual(nowS + 8 * 3600 - 5);
    // A token signed in 7.5 hours ago, re-issued now: still ends at its first expiry.
    const old = { ...decoded!, exp: nowS + 30 * 60 };
    const reissued = await decode({ token: await options.jwt!.encode!({ token: old, secret: SECRET, maxAge: 8 * 3600 }), secret: SECRET });
    expect(Number(reissued!.exp)).toBeLessThanOrEqual(nowS + 30 * 60 + 1);
    expect(await encode({ token: { sub: 'x' }, secret: SECRET })).not.toContain('pm@bank.test');
  });

  it('authorize: the right password gives the id and version, a wrong one nothing, too many a rate-limit error', async () => {
    const options = await loadOptions({ AUTH_SECRET: SECRET, APP_URL: 'http://localhost:3100', DATABASE_URL: databaseUrl(), LOG_LEVEL: 'silent' });
    const authorize = authorizeOf(options);
    // As behind `npm start`: the serving wrapper stamps the socket's address (lib/auth/client-ip.ts).
    (globalThis as Record<symbol, unknown>)[PEER_HEADER_MARK] = true;
    const req = { headers: { [PEER_ADDRESS_HEADER]: '203.0.113.77', 'x-forwarded-for': '198.51.100.1' } };
    expect(await authorize({ email: 'pm@bank.test', password: 'Options-Test-Password-1' }, req)).toEqual({ id: userId, sessionVersion: 3 });
    expect(await authorize({ email: 'pm@bank.test', password: 'wrong-password' }, req)).toBeNull();
    for (let i = 0; i < 4; i++) await authorize({ email: 'pm@bank.test', password: 'wrong-password' }, req);
    await expect(authorize({ email: 'pm@bank.test', password: 'Options-Test-Password-1' }, req)).rejects.toThrow(/^RateLimited:\d+$/);
    const audit = await t.db.auditLog.findFirst({ where: { action: 'auth.signIn', reason: 'RATE_LIMITED' } });
    expect(audit?.ip).toBe('203.0.113.77');
  });
});
