/**
 * The one set of options every write transaction runs with. SQLite runs one write transaction at
 * a time (lib/db/serialized-sqlite.ts) and the longest is a 5,000-row import commit, so maxWait
 * lets a form save queued behind an import wait its turn instead of failing after Prisma's 2 s
 * default; PostgreSQL's pool has 10 connections and rarely makes anyone wait.
 *
 * A transaction that recorded events or alert deliveries (`announceOnCommit`) tells the live
 * streams: on PostgreSQL by a NOTIFY inside the transaction itself, which PostgreSQL delivers to
 * every instance's listener on commit and drops on rollback (lib/events/listen.ts); in this
 * process directly after the commit.
 */
import { notifyOnCommit, type Db, type Tx } from '../db';
import { wakeEventWatchers } from '../events/watch';

export const WRITE_TX_OPTIONS = { maxWait: 130_000, timeout: 120_000 } as const;

const announced = new WeakSet<Tx>();

/** Marks `tx` as one that other instances' live streams should hear of when it commits. */
export function announceOnCommit(tx: Tx): void {
  announced.add(tx);
}

export async function writeTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await db.$transaction(async (tx) => {
    const value = await work(tx);
    if (announced.has(tx)) await notifyOnCommit(db, tx);
    return value;
  }, WRITE_TX_OPTIONS);
  // Live streams of this process look for the events the transaction may have recorded.
  wakeEventWatchers();
  return result;
}
