/**
 * The archive of generated weekly summaries and the log of their mail deliveries, on the
 * WeeklySummary and SummaryDelivery tables.
 *
 * A stored week is never changed (database triggers refuse UPDATE and DELETE on WeeklySummary):
 * later edits to the history do not reach it, and generating the same week again returns the
 * stored record (insertIfAbsent). Each mail delivery is claimed once per (week, scope, recipient)
 * before it is sent, so running the job twice, or on two app instances, sends one mail.
 * Idempotence comes from the unique indexes: a second insert fails with P2002 and the stored row is
 * read back, on SQLite and PostgreSQL alike, without a transaction (a failed statement would abort
 * a PostgreSQL transaction).
 */
import type { Db } from '../db';
import type { WeeklySummary } from '../generated/sqlite/client';
import type { StoredSummary } from './types';

type WeeklySummaryRow = Pick<WeeklySummary, 'week' | 'scope' | 'payload' | 'generatedAt' | 'generatorVersion'>;

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

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}

function toStored(row: WeeklySummaryRow): StoredSummary {
  return {
    week: row.week,
    scope: row.scope,
    payload: row.payload as unknown as StoredSummary['payload'],
    generatedAt: row.generatedAt.toISOString(),
    generatorVersion: row.generatorVersion,
  };
}

/** The archive on the database (models WeeklySummary and SummaryDelivery). */
export function createSummaryArchive(db: Db): SummaryArchive {
  const { weeklySummary, summaryDelivery } = db;

  const find = async (week: string, scope: string) => {
    const row = await weeklySummary.findUnique({ where: { week_scope: { week, scope } } });
    return row ? toStored(row) : null;
  };

  return {
    find,
    async insertIfAbsent(record) {
      const existing = await find(record.week, record.scope);
      if (existing) return { stored: existing, created: false };
      try {
        const row = await weeklySummary.create({
          data: {
            week: record.week,
            scope: record.scope,
            payload: record.payload as object,
            generatedAt: new Date(record.generatedAt),
            generatorVersion: record.generatorVersion,
          },
        });
        return { stored: toStored(row), created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Another request stored the week between our read and our insert: theirs stands.
        const stored = await find(record.week, record.scope);
        if (!stored) throw error;
        return { stored, created: false };
      }
    },
    async list(options = {}) {
      const rows = await weeklySummary.findMany({
        where: options.scope ? { scope: options.scope } : {},
        select: { week: true, scope: true, generatedAt: true, generatorVersion: true },
        orderBy: [{ week: 'desc' }, { scope: 'asc' }],
      });
      return rows.map((r): ArchiveEntry => ({ ...r, generatedAt: r.generatedAt.toISOString() }));
    },
    async claimDelivery(key, locale) {
      try {
        await summaryDelivery.create({ data: { ...key, locale } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async markDelivered(key, result) {
      await summaryDelivery.update({
        where: { week_scope_recipient: key },
        data: { sentAt: new Date(), transport: result.transport, messageId: result.messageId },
      });
    },
    async releaseDelivery(key) {
      await summaryDelivery.deleteMany({ where: { ...key, sentAt: null } });
    },
    async listDeliveries(week, scope) {
      const rows = await summaryDelivery.findMany({ where: { week, scope }, orderBy: { recipient: 'asc' } });
      return rows.map(
        (r): DeliveryRecord => ({
          week: r.week,
          scope: r.scope,
          recipient: r.recipient,
          locale: r.locale,
          claimedAt: r.claimedAt.toISOString(),
          sentAt: r.sentAt?.toISOString() ?? null,
          transport: r.transport,
          messageId: r.messageId,
        }),
      );
    },
  };
}
