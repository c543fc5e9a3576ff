import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_NOW } from '../../../tests/helpers/demo-db';
import { createTestDb, type TestDb } from '../../../tests/helpers/test-db';
import { loadDemoContexts } from '../../../tests/helpers/demo-viewers';
import { seedDatabase } from '../../../prisma/seed';
import type { RequestContext } from '@/lib/auth/viewer';
import { updateCityStatus } from '@/lib/status/mutations';
import { todayInShanghai } from '@/lib/time';

const session = vi.hoisted(() => ({ requireRequestContext: vi.fn<() => Promise<RequestContext>>() }));
vi.mock('@/lib/auth/session', () => session);
const database = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('@/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db')>()),
  getDb: async () => database.current,
}));

const { GET } = await import('./route');

const SLUG = 'alipay-unionpay-offline';
let t: TestDb;
let as: Awaited<ReturnType<typeof loadDemoContexts>>;
beforeAll(async () => {
  t = await createTestDb();
  await seedDatabase(t.db, { demo: true, demoPassword: 'test-password-123', now: DEMO_NOW });
  database.current = t.db;
  as = await loadDemoContexts(t.db);
  session.requireRequestContext.mockResolvedValue(as.exec);
}, 120_000);
afterAll(async () => {
  await t.cleanup();
});

function get(query: string, headers: Record<string, string> = {}) {
  return GET(new NextRequest(`http://localhost/api/coverage?${query}`, { headers }));
}

describe('GET /api/coverage', () => {
  it('answers 304 to the ETag of an unchanged view, and the new view after a write', async () => {
    const today = todayInShanghai();
    const query = `program=${SLUG}&asOf=${today}&province=44`;
    const first = await get(query);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const body = (await first.json()) as { coverage: { live: number }; drill: { cities: { code: string; status: string }[] } };

    const unchanged = await get(query, { 'If-None-Match': etag });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
    // Another date is another answer.
    expect((await get(`program=${SLUG}&asOf=2021-10-02&province=44`, { 'If-None-Match': etag })).status).toBe(200);

    const row = await t.db.cityStatus.findFirstOrThrow({ where: { cityCode: '4403', program: { slug: SLUG } }, select: { version: true } });
    await updateCityStatus(t.db, as.pm, { programSlug: SLUG, cityCode: '4403', input: { version: row.version, status: 'PAUSED', note: '系统升级' }, source: 'FORM' });
    const changed = await get(query, { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const after = (await changed.json()) as typeof body;
    expect(after.coverage.live).toBe(body.coverage.live - 1);
    expect(after.drill.cities.find((c) => c.code === '4403')?.status).toBe('PAUSED');
  });

  it('refuses an unknown province and an unknown program', async () => {
    expect((await get(`program=${SLUG}&asOf=2021-10-02&province=99`)).status).toBe(404);
    expect((await get('program=no-such-program&asOf=2021-10-02')).status).toBe(404);
  });
});
