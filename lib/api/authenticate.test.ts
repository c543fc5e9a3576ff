/**
 * How a v1 request is let in, on a real database: bearer tokens (re-read each time), the per-token
 * rate limit kept in the database, and the browser session for reads only.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { withTestDb } from '../../tests/helpers/test-db';
import { PEER_ADDRESS_HEADER, PEER_HEADER_MARK } from '../auth/client-ip';
import type { RequestContext } from '../auth/viewer';
import { AppError } from '../errors';

const session = vi.hoisted(() => ({ requireRequestContext: vi.fn<() => Promise<RequestContext>>() }));
vi.mock('../auth/session', () => session);
const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock('../db', async (importOriginal) => ({ ...(await importOriginal<typeof import('../db')>()), getDb: async () => state.db }));
vi.mock('../env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../env')>();
  return { ...actual, getEnv: () => ({ ...actual.parseEnv({}), apiRateLimitPerMinute: 3 }) };
});

const { authenticateApiCaller, tokenRateLimitKey } = await import('./authenticate');
const { createApiToken, revokeApiToken } = await import('../tokens/mutations');
const { disableUser, enableUser } = await import('../users/mutations');

let admin: RequestContext;
let pmId = '';
const t = withTestDb(async (t) => {
  state.db = t.db;
  const a = await t.db.user.create({ data: { email: 'admin@t.test', name: 'Admin', role: 'ADMIN', passwordHash: 'x' } });
  pmId = (await t.db.user.create({ data: { email: 'pm@t.test', name: 'PM', role: 'PROGRAM_MANAGER', passwordHash: 'x' } })).id;
  admin = { viewer: { id: a.id, email: a.email, name: a.name, role: 'ADMIN', institutionCode: null }, ip: null };
});
beforeEach(() => {
  session.requireRequestContext.mockReset();
  session.requireRequestContext.mockRejectedValue(new AppError('UNAUTHENTICATED', 'not signed in'));
});

const call = (headers: Record<string, string>, method = 'GET') =>
  authenticateApiCaller(new Request('http://localhost/api/v1/programs', { method, headers }));

describe('authenticateApiCaller', () => {
  it('lets a bearer token in as its user, with the client IP, and counts it against its own limit', async () => {
    const { token, apiToken } = await createApiToken(t.db, admin, { userId: pmId, name: 'limit' });
    // As behind `npm start`: the serving wrapper stamps the socket's address (lib/auth/client-ip.ts).
    (globalThis as Record<symbol, unknown>)[PEER_HEADER_MARK] = true;
    const caller = await call({ Authorization: `Bearer ${token}`, [PEER_ADDRESS_HEADER]: '203.0.113.9', 'X-Forwarded-For': '198.51.100.1' });
    expect(caller.tokenId).toBe(apiToken.id);
    expect(caller.ctx.viewer).toMatchObject({ id: pmId, role: 'PROGRAM_MANAGER' });
    expect(caller.ctx.ip).toBe('203.0.113.9');
    await call({ Authorization: `bearer ${token}` }, 'PATCH');
    await call({ Authorization: `Bearer ${token}` });
    const limited = await call({ Authorization: `Bearer ${token}` }).catch((e: unknown) => e);
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: expect.any(Number) } });
    expect((await t.db.rateLimitBucket.findUniqueOrThrow({ where: { key: tokenRateLimitKey(apiToken.id) } })).points).toBe(4);
    // Another token of the same user has its own bucket.
    const other = await createApiToken(t.db, admin, { userId: pmId, name: 'other' });
    await expect(call({ Authorization: `Bearer ${other.token}` })).resolves.toBeDefined();
  });

  it('refuses bad schemes and revoked tokens, never falling back to the session', async () => {
    session.requireRequestContext.mockResolvedValue(admin);
    const { token, apiToken } = await createApiToken(t.db, admin, { userId: pmId, name: 'revoke' });
    await revokeApiToken(t.db, admin, { tokenId: apiToken.id });
    for (const authorization of [`Bearer ${token}`, `Basic ${token}`, 'Bearer', `Bearer ${token} extra`]) {
      await expect(call({ Authorization: authorization })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    expect(session.requireRequestContext).not.toHaveBeenCalled();
  });

  it('refuses the old tokens of a user who was disabled and enabled again', async () => {
    const { token } = await createApiToken(t.db, admin, { userId: pmId, name: 'before disable' });
    await expect(call({ Authorization: `Bearer ${token}` })).resolves.toBeDefined();
    await disableUser(t.db, admin, { userId: pmId });
    await enableUser(t.db, admin, { userId: pmId });
    await expect(call({ Authorization: `Bearer ${token}` })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    // A token made after the account came back works.
    const fresh = await createApiToken(t.db, admin, { userId: pmId, name: 'after enable' });
    await expect(call({ Authorization: `Bearer ${fresh.token}` })).resolves.toBeDefined();
  });

  it('refuses an expired token like a revoked one', async () => {
    const { token, apiToken } = await createApiToken(t.db, admin, { userId: pmId, name: 'expiring', expiresInDays: 30 });
    await expect(call({ Authorization: `Bearer ${token}` })).resolves.toBeDefined();
    await t.db.apiToken.update({ where: { id: apiToken.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(call({ Authorization: `Bearer ${token}` })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('takes the browser session for reads only', async () => {
    session.requireRequestContext.mockResolvedValue(admin);
    expect((await call({})).ctx).toBe(admin);
    expect((await call({}, 'HEAD')).tokenId).toBeNull();
    for (const method of ['PATCH', 'POST', 'DELETE']) await expect(call({}, method)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
