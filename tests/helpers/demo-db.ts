/**
 * A fresh test database seeded with the demo data, and the demo users' request contexts: the
 * set-up the mutation tests share. `now` pins the demo data's "today" (default: the real one).
 */
import type { RequestContext } from '../../lib/auth/viewer';
import { seedDatabase } from '../../prisma/seed';
import { loadDemoContexts, type DemoUser } from './demo-viewers';
import { createTestDb, type TestDb } from './test-db';

export const TEST_DEMO_PASSWORD = 'test-password-123';

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
