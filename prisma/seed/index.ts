/**
 * Seeds an empty database: reference data always (provinces, cities, institutions), the demo data
 * set and demo users only with `demo: true`. Refuses a database that already has provinces, so
 * nothing is ever duplicated. Everything is written in one transaction: a failed seed leaves the
 * database empty and the next start can try again.
 */
import type { Db } from '../../lib/db';
import { buildDemoData, hashDemoPasswords, NO_DEMO_COUNTS, seedDemo, type DemoCounts } from './demo';
import { seedReference, type ReferenceCounts } from './reference';

export interface SeedOptions {
  /** Also write the demo programs, their history and the demo users. */
  demo: boolean;
  /** Password of every demo user; required when `demo` is true. Never stored in clear or reported. */
  demoPassword?: string;
  /** Reference instant for "recently confirmed" demo rows; defaults to the current time. */
  now?: Date;
}

export type SeedReport = { demo: boolean } & ReferenceCounts & DemoCounts & { durationMs: number };

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

/** True when the database has no reference data yet (no Province rows). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.province.count()) === 0;
}

const TRANSACTION_TIMEOUT_MS = 120_000;

export async function seedDatabase(db: Db, options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  if (options.demo && !options.demoPassword) {
    throw new SeedError('seed: demo data needs a demo password (set SEED_DEMO_PASSWORD)');
  }
  if (!(await isDatabaseEmpty(db))) {
    throw new SeedError('seed: the database already has reference data; refusing to seed it again');
  }
  // Pure work and password hashing before the transaction keeps the write lock short.
  const demoData = options.demo ? buildDemoData({ now: options.now ?? new Date() }) : null;
  const hashes = options.demo && options.demoPassword ? await hashDemoPasswords(options.demoPassword) : null;

  const { reference, demo } = await db.$transaction(
    async (tx) => {
      // Checked again inside the transaction: another process may have seeded meanwhile.
      if ((await tx.province.count()) > 0) {
        throw new SeedError('seed: the database already has reference data; refusing to seed it again');
      }
      const reference = await seedReference(tx);
      const demo = demoData && hashes ? await seedDemo(tx, demoData, hashes) : null;
      return { reference, demo };
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
  );

  return { demo: options.demo, ...reference, ...(demo ?? NO_DEMO_COUNTS), durationMs: Date.now() - started };
}
