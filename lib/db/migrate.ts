/**
 * Applies prisma/migrations/<provider>/NNNN_name/migration.sql in order, each in one transaction
 * together with its bookkeeping row, on SQLite and PostgreSQL alike. Prisma's own `migrate deploy`
 * is not used: through @prisma/adapter-pg it cannot read the catalog and it splits SQL on every
 * `;`, breaking trigger bodies (docs/decisions/001-two-databases.md).
 *
 * Raw SQL is allowed in this file (allow-list in lib/db/raw-sql-allow-list.test.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type { Db } from '../db';
import type { DatabaseConfig } from '../env';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

const BOOKKEEPING_TABLE = '_hutong_migrations';

export function migrationsDir(provider: DatabaseConfig['provider'], root = process.cwd()): string {
  return path.join(root, 'prisma', 'migrations', provider);
}

export function readMigrations(dir: string): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{4}_[a-z0-9_]+$/.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

function checkApplied(migrations: Migration[], applied: Map<string, string>): Migration[] {
  for (const [name, checksum] of applied) {
    const known = migrations.find((m) => m.name === name);
    if (!known) throw new MigrationError(`database has migration ${name}, which this version does not know`);
    if (known.checksum !== checksum) {
      throw new MigrationError(`migration ${name} was edited after it was applied; add a new migration instead`);
    }
  }
  return migrations.filter((m) => !applied.has(m.name));
}

async function migrateSqlite(file: string, migrations: Migration[]): Promise<MigrateResult> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const adapter = await new PrismaBetterSQLite3({ url: file }).connect();
  try {
    await adapter.executeScript(
      `CREATE TABLE IF NOT EXISTS "${BOOKKEEPING_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    );
    const rows = await adapter.queryRaw({ sql: `SELECT name, checksum FROM "${BOOKKEEPING_TABLE}"`, args: [], argTypes: [] });
    const applied = new Map(rows.rows.map((r) => [String(r[0]), String(r[1])]));
    const pending = checkApplied(migrations, applied);
    for (const m of pending) {
      // BEGIN IMMEDIATE takes the write lock up front, so two processes starting at once queue
      // instead of both applying the same migration.
      try {
        await adapter.executeScript(`BEGIN IMMEDIATE;\n${m.sql}\n;`);
        await adapter.executeRaw({
          sql: `INSERT INTO "${BOOKKEEPING_TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`,
          args: [m.name, m.checksum, new Date().toISOString()],
          argTypes: [{ scalarType: 'string', arity: 'scalar' }, { scalarType: 'string', arity: 'scalar' }, { scalarType: 'string', arity: 'scalar' }],
        });
        await adapter.executeScript('COMMIT;');
      } catch (error) {
        await adapter.executeScript('ROLLBACK;').catch(() => undefined);
        throw new MigrationError(`migration ${m.name} failed: ${(error as Error).message}`);
      }
    }
    return { applied: pending.map((m) => m.name), alreadyApplied: applied.size };
  } finally {
    await adapter.dispose();
  }
}

/** An arbitrary constant: one advisory lock serialises migrations across app instances. */
const PG_MIGRATION_LOCK = 727_001;

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PG_MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${BOOKKEEPING_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
    );
    const rows = await client.query<{ name: string; checksum: string }>(
      `SELECT name, checksum FROM "${BOOKKEEPING_TABLE}"`,
    );
    const applied = new Map(rows.rows.map((r) => [r.name, r.checksum]));
    const pending = checkApplied(migrations, applied);
    for (const m of pending) {
      try {
        await client.query('BEGIN');
        // The simple query protocol runs the whole file, `$$` bodies included, in this transaction.
        await client.query(m.sql);
        await client.query(`INSERT INTO "${BOOKKEEPING_TABLE}" (name, checksum, applied_at) VALUES ($1, $2, now())`, [
          m.name,
          m.checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new MigrationError(`migration ${m.name} failed: ${(error as Error).message}`);
      }
    }
    return { applied: pending.map((m) => m.name), alreadyApplied: applied.size };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PG_MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

export async function migrateDatabase(config: DatabaseConfig, root = process.cwd()): Promise<MigrateResult> {
  const migrations = readMigrations(migrationsDir(config.provider, root));
  return config.provider === 'sqlite'
    ? migrateSqlite(config.url, migrations)
    : migratePostgres(config.url, migrations);
}

/**
 * Migrations this version has that the database lacks (empty when up to date), for the readiness
 * check: an instance must not take traffic on a schema older than its code.
 */
export async function listPendingMigrations(db: Db, provider: DatabaseConfig['provider'], root = process.cwd()): Promise<string[]> {
  const known = readMigrations(migrationsDir(provider, root)).map((m) => m.name);
  let applied: Array<{ name: string }>;
  try {
    applied = await db.$queryRawUnsafe<Array<{ name: string }>>(`SELECT name FROM "${BOOKKEEPING_TABLE}"`);
  } catch {
    // No bookkeeping table: nothing was ever applied.
    return known;
  }
  const names = new Set(applied.map((r) => r.name));
  return known.filter((name) => !names.has(name));
}
