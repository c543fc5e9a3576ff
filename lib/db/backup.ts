/**
 * Online backup and restore of the SQLite database file. PostgreSQL is backed up with its own
 * tools (pg_dump / pg_restore; docs/operations.md).
 *
 * The backup is `VACUUM INTO`: one read transaction, so the copy is the database as of one moment
 * even while the app keeps writing (WAL readers never block writers), compacted, and with its WAL
 * folded in. Restore checks the copy's integrity first and refuses to replace a database that is
 * in use unless told to.
 *
 * Raw SQL is allowed in this file (allow-list in lib/db/raw-sql-allow-list.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;

async function withSqlite<T>(file: string, work: (adapter: Adapter) => Promise<T>): Promise<T> {
  const adapter = await new PrismaBetterSQLite3({ url: file, timeout: 10_000 }).connect();
  try {
    return await work(adapter);
  } finally {
    await adapter.dispose();
  }
}

const TEXT = { scalarType: 'string', arity: 'scalar' } as const;

/** "ok", or SQLite's first complaints. */
export async function checkIntegrity(file: string): Promise<string> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist`);
  return withSqlite(file, async (db) => {
    const result = await db.queryRaw({ sql: 'PRAGMA integrity_check', args: [], argTypes: [] });
    return result.rows.map((r) => String(r[0])).slice(0, 5).join('; ');
  });
}

/** Rows per table (migration bookkeeping included), to compare a copy with its source. */
export async function countRows(file: string): Promise<Record<string, number>> {
  return withSqlite(file, async (db) => {
    const tables = await db.queryRaw({
      sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      args: [],
      argTypes: [],
    });
    const counts: Record<string, number> = {};
    for (const [name] of tables.rows) {
      // Table names come from the catalog, not from input; quoted as identifiers.
      const table = String(name).replaceAll('"', '""');
      const result = await db.queryRaw({ sql: `SELECT COUNT(*) FROM "${table}"`, args: [], argTypes: [] });
      counts[String(name)] = Number(result.rows[0]?.[0] ?? 0);
    }
    return counts;
  });
}

/** Writes a consistent copy of `source` to `target` (which must not exist yet) and checks it. */
export async function backupSqlite(source: string, target: string): Promise<{ integrity: string }> {
  if (!fs.existsSync(source)) throw new BackupError(`no database at ${source}`);
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists; choose a new file name`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  await withSqlite(source, (db) => db.executeRaw({ sql: 'VACUUM INTO ?', args: [path.resolve(target)], argTypes: [TEXT] }));
  const integrity = await checkIntegrity(target);
  if (integrity !== 'ok') throw new BackupError(`the backup failed its integrity check: ${integrity}`);
  return { integrity };
}

/** The files SQLite keeps beside a database while connections are open (WAL mode). */
function companionFiles(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`];
}

/** True while some process has the database open (SQLite removes the WAL files on the last close). */
export function isSqliteInUse(file: string): boolean {
  return companionFiles(file).some((f) => fs.existsSync(f));
}

/**
 * Replaces `target` with the backup at `source`, after checking the backup's integrity. Refuses
 * to replace an existing database unless `force`, and one in use unless `force` too (then the
 * old database's WAL files are removed, so they are never replayed onto the restored one).
 */
export async function restoreSqlite(source: string, target: string, { force = false } = {}): Promise<{ integrity: string }> {
  const integrity = await checkIntegrity(source);
  if (integrity !== 'ok') throw new BackupError(`${source} is damaged (${integrity}); not restored`);
  if (fs.existsSync(target) && !force) {
    const why = isSqliteInUse(target) ? 'is in use (stop the app first)' : 'exists';
    throw new BackupError(`${target} ${why}; pass --force to replace it`);
  }
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const staging = `${target}.restoring`;
  fs.copyFileSync(source, staging);
  for (const f of companionFiles(target)) fs.rmSync(f, { force: true });
  fs.renameSync(staging, target);
  return { integrity: await checkIntegrity(target) };
}
