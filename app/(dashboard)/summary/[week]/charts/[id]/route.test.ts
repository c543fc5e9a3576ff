import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../../../../../../tests/helpers/test-db';
import { loadDemoContexts } from '../../../../../../tests/helpers/demo-viewers';
import { seedDatabase } from '../../../../../../prisma/seed';
import type { RequestContext } from '@/lib/auth/viewer';
import { AppError } from '@/lib/errors';
import { summaryDataVersion } from '@/lib/summary/chart-images';

const session = vi.hoisted(() => ({ requireRequestContext: vi.fn<() => Promise<RequestContext>>() }));
vi.mock('@/lib/auth/session', () => session);
const database = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('@/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db')>()),
  getDb: async () => database.current,
}));

const { GET } = await import('./route');

const WEEK = '2021-W48';
const MAP = 'map-alipay-unionpay-offline';
let t: TestDb;
let as: Awaited<ReturnType<typeof loadDemoContexts>>;
beforeAll(async () => {
  t = await createTestDb();
  await seedDatabase(t.db, { demo: true, demoPassword: 'test-password-123' });
  database.current = t.db;
  as = await loadDemoContexts(t.db);
}, 120_000);
afterAll(async () => {
  await t.cleanup();
});

function get(id: string, query: string, headers: Record<string, string> = {}) {
  return GET(new NextRequest(`http://localhost/summary/${WEEK}/charts/${id}?${query}`, { headers }), {
    params: Promise.resolve({ week: WEEK, id }),
  });
}

describe('GET /summary/[week]/charts/[id]', () => {
  it('answers the chart as SVG in the asked language, kept by the browser under the summary’s data version', async () => {
    session.requireRequestContext.mockResolvedValue(as.icbc);
    const first = await get(MAP, 'lang=zh-CN');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('image/svg+xml');
    // Without the current version the browser must ask again.
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const zh = await first.text();
    expect(zh.startsWith('<svg')).toBe(true);
    expect(zh.trimEnd().endsWith('</svg>')).toBe(true);

    const stored = await t.db.weeklySummary.findUniqueOrThrow({ where: { week_scope: { week: WEEK, scope: '*' } }, select: { generatedAt: true } });
    const v = summaryDataVersion(stored.generatedAt.toISOString());
    const current = await get(MAP, `lang=zh-CN&v=${v}`);
    expect(current.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const etag = current.headers.get('etag')!;
    expect((await get(MAP, `lang=zh-CN&v=${v}`, { 'If-None-Match': etag })).status).toBe(304);

    const en = await get(MAP, `lang=en&v=${v}`, { 'If-None-Match': etag });
    expect(en.status).toBe(200);
    expect(en.headers.get('etag')).not.toBe(etag);
    expect(await en.text()).not.toBe(zh);
  });

  it('refuses a chart the summary does not have, and a visitor without a session', async () => {
    session.requireRequestContext.mockResolvedValue(as.exec);
    expect((await get('map-no-such-program', 'lang=en')).status).toBe(404);
    expect((await GET(new NextRequest(`http://localhost/summary/2021-W99/charts/${MAP}`), { params: Promise.resolve({ week: '2021-W99', id: MAP }) })).status).toBe(422);
    session.requireRequestContext.mockRejectedValue(new AppError('UNAUTHENTICATED', 'sign in'));
    const refused = await get(MAP, 'lang=en');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).not.toContain('svg');
  });
});
