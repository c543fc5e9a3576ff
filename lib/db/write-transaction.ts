/**
 * The one set of options every write transaction runs with. SQLite runs one write transaction at
 * a time (lib/db/serialized-sqlite.ts) and the longest is a 5,000-row import commit, so maxWait
 * lets a form save queued behind an import wait its turn instead of failing after Prisma's 2 s
 * default; PostgreSQL's pool has 10 connections and rarely makes anyone wait.
 */
import type { Db, Tx } from '../db';
import { wakeEventWatchers } from '../events/watch';

export const WRITE_TX_OPTIONS = { maxWait: 130_000, timeout: 120_000 } as const;

export async function writeTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await db.$transaction(work, WRITE_TX_OPTIONS);
  // Live streams of this process look for the events the transaction may have recorded.
  wakeEventWatchers();
  return result;
}
