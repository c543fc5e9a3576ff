import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '../../../tests/helpers/test-db';

const database = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('@/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db')>()),
  getDb: async () => database.current,
}));
vi.mock('@/lib/log', () => ({ logger: { error: vi.fn(), info: vi.fn(), warn: vi.fn() } }));

const live = await import('./live/route');
const ready = await import('./ready/route');
const legacy = await import('./route');

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

describe('health checks', () => {
  it('liveness answers without the database', async () => {
    database.current = { province: { count: () => Promise.reject(new Error('down')) } };
    const res = live.GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('readiness needs a reachable database with every migration applied', async () => {
    database.current = t.db;
    expect((await ready.GET()).status).toBe(200);
    expect((await legacy.GET()).status).toBe(200);

    await t.db.$executeRawUnsafe(`DELETE FROM "_hutong_migrations" WHERE name = (SELECT MAX(name) FROM "_hutong_migrations")`);
    const behind = await ready.GET();
    expect(behind.status).toBe(503);
    expect(await behind.json()).toMatchObject({ status: 'unavailable', reason: 'migrations' });

    database.current = { $queryRawUnsafe: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432')) };
    const down = await ready.GET();
    expect(down.status).toBe(503);
    expect(JSON.stringify(await down.json())).not.toContain('10.0.0.5');
  });
});
