/**
 * The one place that creates the Prisma client. The provider follows DATABASE_URL: SQLite by
 * default (WAL, synchronous=FULL, foreign keys on, busy timeout), PostgreSQL for larger installs.
 * Both generated clients come from the same models (prisma/schema.prisma), so the SQLite client's
 * types describe both (docs/decisions/001-two-databases.md).
 *
 * Raw SQL is allowed in this file (allow-list in lib/db/raw-sql-allow-list.test.ts).
 */
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgresql/client';
import { getEnv, type DatabaseConfig } from './env';
import { serializedSqliteAdapter } from './db/serialized-sqlite';

export type Db = SqliteClient;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** How long a SQLite writer waits for the lock before failing with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;
/** How long a PostgreSQL query waits for a free pooled connection (bursts of writers queue). */
const PG_CONNECT_TIMEOUT_MS = 15_000;

export const REQUIRED_SQLITE_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL: an acknowledged write survives power loss
  foreign_keys: 1,
} as const;

export function createDb(config: DatabaseConfig): Db {
  if (config.provider === 'sqlite') {
    // One connection: every operation takes the transaction lock (lib/db/serialized-sqlite.ts).
    const adapter = serializedSqliteAdapter(
      new PrismaBetterSQLite3({ url: config.url, timeout: SQLITE_BUSY_TIMEOUT_MS }),
    );
    return new SqliteClient({ adapter });
  }
  // Our own pool rather than the adapter's, so its occupancy can be reported (/api/metrics).
  const pool = new pg.Pool({ connectionString: config.url, max: 10, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // Same models, same generated API: only the SQL dialect differs.
  const db = new PostgresClient({ adapter }) as unknown as Db;
  pools.set(db, pool);
  postgresUrls.set(db, config.url);
  return db;
}

const pools = new WeakMap<Db, pg.Pool>();
const postgresUrls = new WeakMap<Db, string>();

/** The channel on which PostgreSQL tells every instance that a write recorded events or alerts. */
export const EVENTS_CHANNEL = 'hutong_events';

/**
 * On PostgreSQL, queues a notification on EVENTS_CHANNEL inside `tx`: PostgreSQL delivers it to
 * every listener when `tx` commits, and never if it rolls back. Nothing on SQLite (one process
 * writes; lib/events/watch.ts wakes its streams itself).
 */
export async function notifyOnCommit(db: Db, tx: Tx): Promise<void> {
  if (!postgresUrls.has(db)) return;
  await tx.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, '')`;
}

/**
 * On PostgreSQL, a connection of its own (outside the pool: a pooled connection changes hands)
 * listening on EVENTS_CHANNEL; null on SQLite. The caller ends it (lib/events/listen.ts).
 */
export async function connectEventListener(db: Db): Promise<pg.Client | null> {
  const url = postgresUrls.get(db);
  if (!url) return null;
  const client = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
  } catch (error) {
    client.end().catch(() => {});
    throw error;
  }
  return client;
}

/** Connections of a PostgreSQL client's pool (null for SQLite: one connection, no pool). */
export function poolStatsOf(db: Db): { total: number; idle: number; waiting: number } | null {
  const pool = pools.get(db);
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

/** Sets and then verifies the SQLite pragmas; throws if the file can't honour them. */
export async function applySqlitePragmas(db: Db): Promise<void> {
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA synchronous = FULL');
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  const [mode] = await db.$queryRawUnsafe<Array<{ journal_mode: string }>>('PRAGMA journal_mode');
  const [sync] = await db.$queryRawUnsafe<Array<{ synchronous: bigint | number }>>('PRAGMA synchronous');
  const [fk] = await db.$queryRawUnsafe<Array<{ foreign_keys: bigint | number }>>('PRAGMA foreign_keys');
  const actual = {
    journal_mode: mode?.journal_mode,
    synchronous: Number(sync?.synchronous),
    foreign_keys: Number(fk?.foreign_keys),
  };
  for (const [name, expected] of Object.entries(REQUIRED_SQLITE_PRAGMAS)) {
    if (actual[name as keyof typeof actual] !== expected) {
      throw new Error(`SQLite pragma ${name} is ${String(actual[name as keyof typeof actual])}, expected ${expected}`);
    }
  }
}

const globalForDb = globalThis as unknown as { hutongDb?: Promise<Db> };

async function connect(): Promise<Db> {
  const config = getEnv().database;
  const db = createDb(config);
  if (config.provider === 'sqlite') await applySqlitePragmas(db);
  return db;
}

/**
 * The shared client, created on first use. Kept on globalThis so Next's dev reloads and the test
 * runner don't open a new connection pool per module instance.
 */
export function getDb(): Promise<Db> {
  globalForDb.hutongDb ??= connect().catch((error: unknown) => {
    globalForDb.hutongDb = undefined;
    throw error;
  });
  return globalForDb.hutongDb;
}
