/**
 * The archive of generated weekly summaries and the log of their mail deliveries.
 *
 * A stored week is never changed: later edits to the history do not reach it, and generating the
 * same week again returns the stored record (insertIfAbsent). Each mail delivery is claimed once
 * per (week, scope, recipient) before it is sent, so running the job twice sends one mail.
 *
 * Two implementations behind one interface:
 * - archive-prisma.ts, on the WeeklySummary and SummaryDelivery models (proposed in
 *   lib/summary/README.md); used as soon as the generated client has them;
 * - archive-file.ts, JSON files beside the SQLite database, until the models exist.
 */
import path from 'node:path';
import type { Db } from '../db';
import type { DatabaseConfig } from '../env';
import { createFileSummaryArchive } from './archive-file';
import { createPrismaSummaryArchive, hasSummaryModels } from './archive-prisma';
import type { StoredSummary } from './types';

export interface ArchiveEntry {
  week: string;
  scope: string;
  generatedAt: string;
  generatorVersion: number;
}

export interface DeliveryKey {
  week: string;
  scope: string;
  /** Recipient address, lower-case. */
  recipient: string;
}

export interface DeliveryRecord extends DeliveryKey {
  locale: string;
  claimedAt: string;
  /** Null while sending, or when a send was interrupted after the claim (never retried automatically). */
  sentAt: string | null;
  transport: string | null;
  messageId: string | null;
}

export interface SummaryArchive {
  readonly kind: 'prisma' | 'file';
  find(week: string, scope: string): Promise<StoredSummary | null>;
  /** Stores `record` unless (week, scope) is stored already; returns what is stored either way. */
  insertIfAbsent(record: StoredSummary): Promise<{ stored: StoredSummary; created: boolean }>;
  /** Stored weeks, newest first. */
  list(options?: { scope?: string }): Promise<ArchiveEntry[]>;
  /** True when this call claimed the delivery; false when it was claimed before (sent or in flight). */
  claimDelivery(key: DeliveryKey, locale: string): Promise<boolean>;
  markDelivered(key: DeliveryKey, result: { transport: string; messageId: string | null }): Promise<void>;
  /** Gives a claim back after a failed send, so the next run tries again. */
  releaseDelivery(key: DeliveryKey): Promise<void>;
  listDeliveries(week: string, scope: string): Promise<DeliveryRecord[]>;
}

/**
 * Where the file archive keeps a database's summaries: beside its SQLite file
 * (`data/hutong.db` -> `data/hutong.summaries/`), or for PostgreSQL under ./data, named after the
 * database, so two databases never share an archive.
 */
export function fileArchiveDirFor(config: DatabaseConfig, cwd = process.cwd()): string {
  if (config.provider === 'sqlite') {
    const parsed = path.parse(config.url);
    return path.join(parsed.dir, `${parsed.name}.summaries`);
  }
  const name = new URL(config.url).pathname.replace(/^\//, '').replace(/[^A-Za-z0-9_-]/g, '_') || 'postgres';
  return path.join(cwd, 'data', `${name}.summaries`);
}

/**
 * The archive for a database: the Prisma tables when the client has them, else the file store.
 * `fileDir` overrides where the file store lives (tests).
 */
export function createSummaryArchive(db: Db, options: { config: DatabaseConfig; fileDir?: string }): SummaryArchive {
  if (hasSummaryModels(db)) return createPrismaSummaryArchive(db);
  return createFileSummaryArchive(options.fileDir ?? fileArchiveDirFor(options.config));
}
