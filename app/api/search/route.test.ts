import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { withDemoDb } from '../../../tests/helpers/demo-db';
import type { RequestContext } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';

// The session is replaced per test (signed in or not); the database is a real seeded one.
const session = vi.hoisted(() => ({ requireRequestContext: vi.fn<() => Promise<RequestContext>>() }));
vi.mock('@/lib/auth/session', () => session);
const database = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('@/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db')>()),
  getDb: async () => database.current,
}));

const { GET } = await import('./route');

let signedIn: RequestContext;
const { t, as } = withDemoDb();
beforeAll(async () => {
  database.current = t.db;
  signedIn = as.exec;
}, 120_000);
beforeEach(() => {
  session.requireRequestContext.mockReset();
  session.requireRequestContext.mockResolvedValue(signedIn);
});

const search = (query: string) => GET(new NextRequest(`http://localhost/api/search?${query}`));

describe('GET /api/search', () => {
  it('answers a signed-in viewer with ranked provinces and cities, never cached', async () => {
    const res = await search(`q=${encodeURIComponent('深圳')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { items: Array<{ kind: string; code: string }> };
    expect(body.items[0]).toEqual({ kind: 'city', code: '4403', name: '深圳市', nameEn: 'Shenzhen', provinceCode: '44' });
    const gd = (await (await search('q=44')).json()) as { items: Array<{ code: string }> };
    expect(gd.items[0]?.code).toBe('44');
    expect(gd.items.length).toBeLessThanOrEqual(10);
  });

  it('refuses a request without a session, with the error shape and no data', async () => {
    session.requireRequestContext.mockRejectedValue(new AppError('UNAUTHENTICATED', 'sign in'));
    const res = await search('q=4403');
    expect(res.status).toBe(401);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect(body).not.toHaveProperty('items');
  });

  it.each([
    ['no q', ''],
    ['an empty q', 'q='],
    ['only spaces', 'q=%20%20'],
    ['41 characters', `q=${'a'.repeat(41)}`],
  ])('rejects %s as a validation error', async (_label, query) => {
    const res = await search(query);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');
  });

  it('accepts 40 characters (and finds nothing for them)', async () => {
    const res = await search(`q=${'a'.repeat(40)}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [] });
  });
});
