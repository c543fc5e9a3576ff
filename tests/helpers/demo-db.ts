/**
 * A fresh test database seeded with the demo data, and the demo users' request contexts: the
 * set-up the query, mutation and route tests share. `now` pins the demo data's "today" (default:
 * the real one).
 */
import type { RequestContext } from '../../lib/auth/viewer';
import { seedDatabase } from '../../prisma/seed';
import { loadDemoContexts, type DemoUser } from './demo-viewers';
import { beforeAll } from 'vitest';
import { SETUP_TIMEOUT_MS, createTestDb, withTestDb, type TestDb } from './test-db';

export const TEST_DEMO_PASSWORD = 'test-password-123';
/** The "today" most data-layer tests pin the demo data to. */
export const DEMO_NOW = new Date('2026-11-25T04:00:00Z');

export interface DemoDb {
  t: TestDb;
  as: Record<DemoUser, RequestContext>;
}

export async function createDemoDb({ now }: { now?: Date } = {}): Promise<DemoDb> {
  const t = await createTestDb();
  try {
    await seedDatabase(t.db, { demo: true, demoPassword: TEST_DEMO_PASSWORD, now });
    return { t, as: await loadDemoContexts(t.db) };
  } catch (error) {
    await t.cleanup();
    throw error;
  }
}

/**
 * The demo database for the calling test file (withTestDb, seeded), with the demo users' contexts
 * in `as` once its tests run:
 *
 *   const { t, as } = withDemoDb({ now: DEMO_NOW });
 */
export function withDemoDb({ now }: { now?: Date } = {}): DemoDb {
  const as = {} as Record<DemoUser, RequestContext>;
  const t = withTestDb(async (fresh) => {
    await seedDatabase(fresh.db, { demo: true, demoPassword: TEST_DEMO_PASSWORD, now });
  });
  beforeAll(async () => {
    Object.assign(as, await loadDemoContexts(t.db));
  }, SETUP_TIMEOUT_MS);
  return { t, as };
}
