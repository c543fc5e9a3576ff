import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../../../../../tests/helpers/test-db';
import { loadDemoContexts } from '../../../../../tests/helpers/demo-viewers';
import { seedDatabase } from '../../../../../prisma/seed';
import type { RequestContext } from '@/lib/auth/viewer';

const SECRET_PATH = '/opt/internal/secret-build/chromium';
const session = vi.hoisted(() => ({ requireRequestContext: vi.fn<() => Promise<RequestContext>>() }));
vi.mock('@/lib/auth/session', () => session);
const database = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('@/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db')>()),
  getDb: async () => database.current,
}));
const env = vi.hoisted(() => ({ chromiumPath: '' }));
vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  return { ...actual, getEnv: () => ({ ...actual.parseEnv({ LOG_LEVEL: 'silent' }), chromiumPath: env.chromiumPath }) };
});

const { GET } = await import('./route');
const { pdfRenders } = await import('@/lib/summary/pdf');

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDatabase(t.db, { demo: true, demoPassword: 'test-password-123' });
  database.current = t.db;
  session.requireRequestContext.mockResolvedValue((await loadDemoContexts(t.db)).exec);
}, 120_000);
afterAll(async () => {
  await t.cleanup();
});

const download = () => GET(new NextRequest('http://localhost/summary/2021-W48/pdf'), { params: Promise.resolve({ week: '2021-W48' }) });

describe('GET /summary/[week]/pdf', () => {
  it('answers 503 without naming the configured Chromium or anything else about the server', async () => {
    env.chromiumPath = SECRET_PATH;
    const res = await download();
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).not.toContain('secret-build');
    expect(text).not.toMatch(/chromium|CHROMIUM_PATH|apt-get/i);
    expect(JSON.parse(text).error.details.errorId).toMatch(/^[0-9a-f]+$/);
  });

  it('answers 429 with Retry-After while the render queue is full', async () => {
    env.chromiumPath = process.execPath;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const held = [0, 1, 2].map(() => pdfRenders().tryRun(() => gate));
    const res = await download();
    release();
    await Promise.all(held);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
