/**
 * A fresh database per test file, migrated from the real migrations (never a mock of Prisma).
 * SQLite by default; `HUTONG_TEST_DB=postgresql` runs the same tests on PostgreSQL, creating a
 * throw-away database on the server at TEST_POSTGRES_URL (default: the local one).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createDb, applySqlitePragmas, type Db } from '../../lib/db';
import { migrateDatabase } from '../../lib/db/migrate';
import type { DatabaseConfig } from '../../lib/env';

export interface TestDb {
  db: Db;
  config: DatabaseConfig;
  cleanup: () => Promise<void>;
}

export function testProvider(): DatabaseConfig['provider'] {
  return process.env.HUTONG_TEST_DB === 'postgresql' ? 'postgresql' : 'sqlite';
}

const adminUrl = () => process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export async function createTestDb(): Promise<TestDb> {
  const suffix = crypto.randomBytes(6).toString('hex');
  if (testProvider() === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-test-'));
    const config: DatabaseConfig = { provider: 'sqlite', url: path.join(dir, `test-${suffix}.db`) };
    await migrateDatabase(config);
    const db = createDb(config);
    await applySqlitePragmas(db);
    return {
      db,
      config,
      cleanup: async () => {
        await db.$disconnect();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `hutong_test_${suffix}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const config: DatabaseConfig = { provider: 'postgresql', url: url.toString() };
  await migrateDatabase(config);
  const db = createDb(config);
  return {
    db,
    config,
    cleanup: async () => {
      await db.$disconnect();
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Seeding the demo data takes a while on PostgreSQL and on a busy machine. */
export const SETUP_TIMEOUT_MS = 180_000;

/**
 * A fresh database for the calling test file: created before its tests (then `setup` runs, e.g. to
 * add rows) and removed after them. The returned `t` is usable inside tests and hooks.
 *
 *   const t = withTestDb();
 */
export function withTestDb(setup?: (t: TestDb) => Promise<void>): TestDb {
  let current: TestDb | null = null;
  const opened = () => {
    if (!current) throw new Error('the test database exists only inside tests and hooks');
    return current;
  };
  beforeAll(async () => {
    current = await createTestDb();
    await setup?.(current);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await current?.cleanup();
  });
  return {
    get db() {
      return opened().db;
    },
    get config() {
      return opened().config;
    },
    cleanup: () => opened().cleanup(),
  };
}
