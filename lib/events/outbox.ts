/**
 * The outbox of domain events. Every accepted status change, confirmation, verification, target
 * re-plan and import records its events with `recordEvents` on its own write transaction, so an
 * event exists exactly when its change committed. Readers (alert rules, the inbox, live pages)
 * page through them in id order with `readEventsAfter`, which applies the same read rule as every
 * other surface (lib/auth/permissions.ts): a partner reads every row's status and dates, but
 * another institution's notes, evidence, verifications, imports and people never.
 */
import 'server-only';
import type { Db, Tx } from '../db';
import type { Prisma } from '../generated/sqlite/client';
import type { Viewer } from '../auth/viewer';
import { can, canReadRowDetails, redactSnapshot, type StatusRowRef } from '../auth/permissions';
import type { DomainEventDto, DomainEventInput, StatusChangedPayload } from './types';
import { announceOnCommit } from '../db/write-transaction';

const LOCK_ROW = 1;
const INSERT_BATCH = 500;

function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * Records events on the caller's transaction; they commit or roll back with it. The lock row is
 * updated first so that, on PostgreSQL, concurrent writers take event ids in commit order (see the
 * DomainEventLock model); keep this call near the end of the transaction.
 */
export async function recordEvents(tx: Tx, events: readonly DomainEventInput[]): Promise<void> {
  if (events.length === 0) return;
  announceOnCommit(tx);
  await tx.domainEventLock.upsert({
    where: { id: LOCK_ROW },
    create: { id: LOCK_ROW, writes: 1 },
    update: { writes: { increment: 1 } },
  });
  const rows = events.map(
    (e) =>
      ({
        kind: e.kind,
        programId: e.programId,
        entityType: e.entityType ?? null,
        entityCode: e.entityCode ?? null,
        institutionCode: e.institutionCode ?? null,
        effectiveAt: e.effectiveAt,
        payload: toJson(e.payload),
        actorId: e.actorId ?? null,
      }) satisfies Prisma.DomainEventCreateManyInput,
  );
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await tx.domainEvent.createMany({ data: rows.slice(i, i + INSERT_BATCH) });
  }
}

/** The id of the newest event (0 when there is none): where a new reader starts. */
export async function latestEventId(db: Db | Tx): Promise<number> {
  const last = await db.domainEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  return last?.id ?? 0;
}

/**
 * Which events a viewer may receive at all, as a database filter (so that `limit` counts only
 * readable events). Staff: all. Partners: every status change and confirmation and every re-plan;
 * verifications and imports of their own institution only. Anyone else: none.
 */
function readableBy(viewer: Viewer): Prisma.DomainEventWhereInput | null {
  if (!can(viewer, 'coverage.read')) return null;
  if (viewer.role !== 'PARTNER') return {};
  const shared: Prisma.DomainEventWhereInput = { kind: { in: ['STATUS_CHANGED', 'CONFIRMED', 'TARGET_REPLANNED'] } };
  const own = viewer.institutionCode;
  if (!own) return shared;
  return {
    OR: [
      shared,
      { kind: 'VERIFIED', entityType: 'INSTITUTION', entityCode: own },
      { kind: 'IMPORT_LANDED', institutionCode: own },
    ],
  };
}

type EventRow = Prisma.DomainEventGetPayload<object>;

/** The details of an event's subject: its row, or for program-wide events its institution. */
function mayReadDetails(viewer: Viewer, row: EventRow): boolean {
  if (row.entityType && row.entityCode) return canReadRowDetails(viewer, { entityType: row.entityType, code: row.entityCode });
  if (viewer.role !== 'PARTNER') return can(viewer, 'coverage.read');
  return !!viewer.institutionCode && row.institutionCode === viewer.institutionCode;
}

function toDto(viewer: Viewer, row: EventRow): DomainEventDto {
  let payload = row.payload as unknown;
  if (row.kind === 'STATUS_CHANGED' && row.entityType && row.entityCode) {
    const ref: StatusRowRef = { entityType: row.entityType, code: row.entityCode };
    const p = payload as StatusChangedPayload;
    payload = { ...p, before: redactSnapshot(viewer, ref, p.before), after: redactSnapshot(viewer, ref, p.after) };
  }
  return {
    id: row.id,
    kind: row.kind,
    programId: row.programId,
    entityType: row.entityType,
    entityCode: row.entityCode,
    effectiveAt: row.effectiveAt.toISOString(),
    payload,
    actorId: mayReadDetails(viewer, row) ? row.actorId : null,
    createdAt: row.createdAt.toISOString(),
  } as DomainEventDto;
}

export interface EventPage {
  events: DomainEventDto[];
  /** Where the next call resumes: the last event returned, or `afterId` when there was none. */
  lastId: number;
}

/**
 * Up to `limit` events after `afterId`, oldest first, as `viewer` may read them: events they may
 * not receive are skipped, and private fields of rows that are not theirs are withheld.
 */
export async function readEventsAfter(db: Db | Tx, afterId: number, limit: number, viewer: Viewer): Promise<EventPage> {
  const filter = readableBy(viewer);
  if (!filter) return { events: [], lastId: afterId };
  const rows = await db.domainEvent.findMany({
    where: { AND: [{ id: { gt: afterId } }, filter] },
    orderBy: { id: 'asc' },
    take: Math.max(1, Math.min(limit, 1000)),
  });
  return { events: rows.map((r) => toDto(viewer, r)), lastId: rows.at(-1)?.id ?? afterId };
}
