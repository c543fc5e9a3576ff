/**
 * The change history of one city or institution: every StatusChange, newest first, with who made
 * it, where it came from and what changed. Reading it needs `coverage.read`, which every role has;
 * what a partner sees of other rows follows `canReadRowDetails` (lib/auth/permissions.ts).
 */
import 'server-only';
import type { Db } from '../db';
import { authorize, canReadChange, canReadRowDetails, isPrivateRowField, PRIVATE_CHANGE_KINDS, redactStatusRow } from '../auth/permissions';
import type { Viewer } from '../auth/viewer';
import type { ChangeKind, ChangeSource, EntityType, Prisma, Role, RolloutStatus } from '../generated/sqlite/client';
import { toShanghaiDate, toShanghaiIso } from '../time';
import { diffSnapshots, readSnapshot, type FieldDiff } from './snapshot';

/** Who made a change; null for changes made by the system (seed data, jobs). */
export interface ActorDto {
  name: string;
  /** Role at the time of the change (roles change; the history keeps the old one). */
  role: Role | null;
}

export interface StatusChangeDto {
  id: string;
  programSlug: string;
  programNameZh: string;
  programNameEn: string;
  entityType: EntityType;
  entityCode: string;
  /** When the change took effect, ISO 8601 in Shanghai time with offset (+08:00). */
  changedAt: string;
  /** The Shanghai calendar date of `changedAt` (YYYY-MM-DD). */
  changedOn: string;
  kind: ChangeKind;
  fromStatus: RolloutStatus | null;
  toStatus: RolloutStatus;
  /** Fields whose value changed, in a fixed order (status, dates, evidence, note, verified). */
  changes: FieldDiff[];
  /** Null for the system, and when who made it is withheld (`detailsHidden`). */
  actor: ActorDto | null;
  /** Note, evidence, verification and actor are withheld from this viewer: show "—", not "system". */
  detailsHidden: boolean;
  source: ChangeSource;
  sourceNote: string | null;
  /** As stored; render as a link only when `isHttpUrl` (lib/url.ts) accepts it. */
  sourceUrl: string | null;
  isIllustrative: boolean;
  /** Version of the status row after this change. */
  version: number;
}

export interface ListStatusHistoryOptions {
  /** Only this program's changes; all programs when omitted. */
  programSlug?: string;
  entityType: EntityType;
  entityCode: string;
  /** Upper bound on rows returned (newest kept). */
  limit?: number;
}

/** A city has a handful of changes per program; this only guards against runaway imports. */
const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 2000;

export const historySelect = {
  id: true,
  entityType: true,
  entityCode: true,
  kind: true,
  fromStatus: true,
  toStatus: true,
  before: true,
  after: true,
  changedAt: true,
  actorRole: true,
  source: true,
  sourceNote: true,
  sourceUrl: true,
  isIllustrative: true,
  version: true,
  actor: { select: { name: true, role: true } },
  program: { select: { slug: true, nameZh: true, nameEn: true } },
} as const;

type HistoryRow = {
  id: string;
  entityType: EntityType;
  entityCode: string;
  kind: ChangeKind;
  fromStatus: RolloutStatus | null;
  toStatus: RolloutStatus;
  before: unknown;
  after: unknown;
  changedAt: Date;
  actorRole: Role | null;
  source: ChangeSource;
  sourceNote: string | null;
  sourceUrl: string | null;
  isIllustrative: boolean;
  version: number;
  actor: { name: string; role: Role } | null;
  program: { slug: string; nameZh: string; nameEn: string };
};

export function toActorDto(actor: { name: string; role: Role } | null, roleAtTheTime: Role | null): ActorDto | null {
  if (!actor) return null;
  return { name: actor.name, role: roleAtTheTime ?? actor.role };
}

/** The entry as `viewer` may see it: private fields and their diffs withheld unless theirs to read. */
export function toStatusChangeDto(viewer: Viewer, row: HistoryRow): StatusChangeDto {
  const ref = { entityType: row.entityType, code: row.entityCode };
  const dto: StatusChangeDto = {
    id: row.id,
    programSlug: row.program.slug,
    programNameZh: row.program.nameZh,
    programNameEn: row.program.nameEn,
    entityType: row.entityType,
    entityCode: row.entityCode,
    changedAt: toShanghaiIso(row.changedAt),
    changedOn: toShanghaiDate(row.changedAt),
    kind: row.kind,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    changes: diffSnapshots(readSnapshot(row.before), readSnapshot(row.after)),
    actor: toActorDto(row.actor, row.actorRole),
    source: row.source,
    sourceNote: row.sourceNote,
    sourceUrl: row.sourceUrl,
    isIllustrative: row.isIllustrative,
    version: row.version,
    detailsHidden: false,
  };
  if (canReadRowDetails(viewer, ref)) return dto;
  return { ...redactStatusRow(viewer, ref, dto), detailsHidden: true, changes: dto.changes.filter((d) => !isPrivateRowField(d.field)) };
}

/**
 * The history entries a viewer may see at all, as a query condition (the twin of `canReadChange`,
 * so paging stays exact): a partner does not get other rows' verifications.
 */
export function visibleChangesWhere(viewer: Viewer): Prisma.StatusChangeWhereInput {
  if (viewer.role !== 'PARTNER') return {};
  const kinds = { kind: { in: [...PRIVATE_CHANGE_KINDS] } };
  return viewer.institutionCode
    ? { NOT: { ...kinds, NOT: { entityType: 'INSTITUTION', entityCode: viewer.institutionCode } } }
    : { NOT: kinds };
}

export async function listStatusHistory(db: Db, viewer: Viewer, options: ListStatusHistoryOptions): Promise<StatusChangeDto[]> {
  authorize(viewer, 'coverage.read');
  let programId: string | undefined;
  if (options.programSlug !== undefined) {
    const program = await db.program.findUnique({ where: { slug: options.programSlug }, select: { id: true } });
    if (!program) return [];
    programId = program.id;
  }
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  const rows = await db.statusChange.findMany({
    where: {
      entityType: options.entityType,
      entityCode: options.entityCode,
      ...(programId ? { programId } : {}),
      ...visibleChangesWhere(viewer),
    },
    // Same tie-break as the as-of replay (lib/coverage/as-of-sql.ts): the higher version is later.
    orderBy: [{ changedAt: 'desc' }, { version: 'desc' }, { id: 'asc' }],
    take: limit,
    select: historySelect,
  });
  return rows.map((r) => toStatusChangeDto(viewer, r)).filter((c) => canReadChange(viewer, { entityType: c.entityType, code: c.entityCode }, c.kind));
}
