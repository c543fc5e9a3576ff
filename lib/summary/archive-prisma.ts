/**
 * The summary archive on the database: models WeeklySummary (unique week + scope) and
 * SummaryDelivery (unique week + scope + recipient), as proposed in lib/summary/README.md.
 *
 * Until those models are in prisma/schema.prisma the generated client has no delegates for them,
 * so this file describes the few delegate methods it uses itself and reaches them through a
 * narrow cast; once the models exist `db.weeklySummary` has exactly this shape and the cast can go.
 * Idempotence comes from the unique indexes: a second insert fails with P2002 and the stored row
 * is read back, on SQLite and PostgreSQL alike, without a transaction (a failed statement would
 * abort a PostgreSQL transaction).
 */
import type { Db } from '../db';
import type { ArchiveEntry, DeliveryKey, DeliveryRecord, SummaryArchive } from './archive';
import type { StoredSummary } from './types';

interface WeeklySummaryRow {
  week: string;
  scope: string;
  payload: unknown;
  generatedAt: Date;
  generatorVersion: number;
}

interface SummaryDeliveryRow {
  week: string;
  scope: string;
  recipient: string;
  locale: string;
  claimedAt: Date;
  sentAt: Date | null;
  transport: string | null;
  messageId: string | null;
}

type WeekScope = { week_scope: { week: string; scope: string } };
type DeliveryUnique = { week_scope_recipient: DeliveryKey };

interface WeeklySummaryDelegate {
  findUnique(args: { where: WeekScope }): Promise<WeeklySummaryRow | null>;
  create(args: { data: Omit<WeeklySummaryRow, 'payload'> & { payload: object } }): Promise<WeeklySummaryRow>;
  findMany(args: {
    where?: { scope?: string };
    select: { week: true; scope: true; generatedAt: true; generatorVersion: true };
    orderBy: Array<{ week?: 'asc' | 'desc'; scope?: 'asc' | 'desc' }>;
  }): Promise<Array<Omit<WeeklySummaryRow, 'payload'>>>;
}

interface SummaryDeliveryDelegate {
  create(args: { data: DeliveryKey & { locale: string } }): Promise<SummaryDeliveryRow>;
  update(args: { where: DeliveryUnique; data: { sentAt: Date; transport: string; messageId: string | null } }): Promise<SummaryDeliveryRow>;
  deleteMany(args: { where: DeliveryKey & { sentAt: null } }): Promise<{ count: number }>;
  findMany(args: { where: { week: string; scope: string }; orderBy: { recipient: 'asc' } }): Promise<SummaryDeliveryRow[]>;
}

interface SummaryModels {
  weeklySummary: WeeklySummaryDelegate;
  summaryDelivery: SummaryDeliveryDelegate;
}

/** True once prisma/schema.prisma has the two models (and the client was regenerated). */
export function hasSummaryModels(db: Db): boolean {
  const candidate = db as unknown as Partial<SummaryModels>;
  return typeof candidate.weeklySummary?.findUnique === 'function' && typeof candidate.summaryDelivery?.create === 'function';
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}

function toStored(row: WeeklySummaryRow): StoredSummary {
  return {
    week: row.week,
    scope: row.scope,
    payload: row.payload as StoredSummary['payload'],
    generatedAt: row.generatedAt.toISOString(),
    generatorVersion: row.generatorVersion,
  };
}

export function createPrismaSummaryArchive(db: Db): SummaryArchive {
  if (!hasSummaryModels(db)) {
    throw new Error('the database client has no WeeklySummary/SummaryDelivery models: see lib/summary/README.md');
  }
  const { weeklySummary, summaryDelivery } = db as unknown as SummaryModels;

  const find = async (week: string, scope: string) => {
    const row = await weeklySummary.findUnique({ where: { week_scope: { week, scope } } });
    return row ? toStored(row) : null;
  };

  return {
    kind: 'prisma',
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
