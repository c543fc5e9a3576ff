/**
 * One status row (a city's or an institution's) in one program, as the detail pages show it. The
 * same shape for cities and institutions, so both pages share their components.
 */
import 'server-only';
import type { Db } from '../db';
import { canReadRowDetails, redactStatusRow, type RowAsSeen } from '../auth/permissions';
import type { Viewer } from '../auth/viewer';
import type { ChangeSource, EntityType, ProgramUnit, RolloutStatus } from '../generated/sqlite/client';
import { assessRowStaleness } from '../institutions/staleness';
import { toShanghaiIso } from '../time';
import { toActorDto, type ActorDto } from './queries';

export interface ProgramSummaryDto {
  slug: string;
  nameZh: string;
  nameEn: string;
  unit: ProgramUnit;
  staleAfterDays: number;
  isIllustrative: boolean;
}

export interface LastChangeDto {
  /** ISO 8601 with +08:00. */
  at: string;
  actor: ActorDto | null;
  source: ChangeSource;
}

export interface ProgramStatusFields {
  program: ProgramSummaryDto;
  status: RolloutStatus;
  plannedDate: string | null;
  liveDate: string | null;
  /** As stored; render as a link only when `isHttpUrl` (lib/url.ts) accepts it. */
  evidenceUrl: string | null;
  note: string | null;
  /** ISO 8601 with +08:00; null when never confirmed. */
  lastConfirmedAt: string | null;
  daysSinceConfirmed: number | null;
  isStale: boolean;
  /** False while a partner's report awaits verification by a manager or admin. */
  verified: boolean;
  version: number;
  /** The newest history entry of this row; null when it has none (never changed since enrolment). */
  lastChange: LastChangeDto | null;
}

/**
 * As a viewer sees it (lib/auth/permissions.ts): note, evidence, verified and the last change's
 * actor are null, and `detailsHidden` true, on another institution's row seen by a partner.
 */
export type ProgramStatusDto = RowAsSeen<ProgramStatusFields> & {
  lastChange: RowAsSeen<LastChangeDto> | null;
  detailsHidden: boolean;
};

export const programSummarySelect = {
  slug: true,
  nameZh: true,
  nameEn: true,
  unit: true,
  staleAfterDays: true,
  isIllustrative: true,
} as const;

export const statusRowSelect = {
  programId: true,
  status: true,
  plannedDate: true,
  liveDate: true,
  evidenceUrl: true,
  note: true,
  lastConfirmedAt: true,
  verified: true,
  version: true,
  program: { select: { ...programSummarySelect, sortOrder: true } },
} as const;

interface StatusRow {
  programId: string;
  status: RolloutStatus;
  plannedDate: string | null;
  liveDate: string | null;
  evidenceUrl: string | null;
  note: string | null;
  lastConfirmedAt: Date | null;
  verified: boolean;
  version: number;
  program: ProgramSummaryDto & { sortOrder: number };
}

/** The newest history entry per program for one entity, keyed by programId. */
export async function findLastChanges(
  db: Db,
  entityType: EntityType,
  entityCode: string,
): Promise<Map<string, LastChangeDto>> {
  const rows = await db.statusChange.findMany({
    where: { entityType, entityCode },
    orderBy: [{ changedAt: 'desc' }, { version: 'desc' }],
    select: {
      programId: true,
      changedAt: true,
      actorRole: true,
      source: true,
      actor: { select: { name: true, role: true } },
    },
  });
  const latest = new Map<string, LastChangeDto>();
  for (const r of rows) {
    if (latest.has(r.programId)) continue;
    latest.set(r.programId, {
      at: toShanghaiIso(r.changedAt),
      actor: toActorDto(r.actor, r.actorRole),
      source: r.source,
    });
  }
  return latest;
}

/**
 * Rows in program order (sortOrder, then slug), each with staleness at `today` by the rule of
 * lib/institutions/staleness.ts (the one the institutions matrix states): a LIVE row of a program
 * whose rollout is complete (`completePrograms`, by programId) is not flagged.
 */
export function toProgramStatusDtos(
  viewer: Viewer,
  entityType: EntityType,
  code: string,
  rows: StatusRow[],
  lastChanges: Map<string, LastChangeDto>,
  today: string,
  completePrograms: ReadonlySet<string>,
): ProgramStatusDto[] {
  return [...rows]
    .sort((a, b) => a.program.sortOrder - b.program.sortOrder || a.program.slug.localeCompare(b.program.slug))
    .map((r): ProgramStatusDto => {
      const { slug, nameZh, nameEn, unit, staleAfterDays, isIllustrative } = r.program;
      const ref = { entityType, code };
      const lastChange = lastChanges.get(r.programId) ?? null;
      const full: ProgramStatusFields = {
        program: { slug, nameZh, nameEn, unit, staleAfterDays, isIllustrative },
        status: r.status,
        plannedDate: r.plannedDate,
        liveDate: r.liveDate,
        evidenceUrl: r.evidenceUrl,
        note: r.note,
        lastConfirmedAt: r.lastConfirmedAt ? toShanghaiIso(r.lastConfirmedAt) : null,
        ...pickStaleness(
          assessRowStaleness(
            r,
            { staleAfterDays, isRolloutComplete: completePrograms.has(r.programId) },
            today,
          ),
        ),
        verified: r.verified,
        version: r.version,
        lastChange,
      };
      return {
        ...redactStatusRow(viewer, ref, full),
        lastChange: lastChange && redactStatusRow(viewer, ref, lastChange),
        detailsHidden: !canReadRowDetails(viewer, ref),
      };
    });
}

function pickStaleness({ daysSinceConfirmed, isStale }: { daysSinceConfirmed: number | null; isStale: boolean }) {
  return { daysSinceConfirmed, isStale };
}

/**
 * The programs among `programIds` whose rollout is complete now: no enrolled row of `entityType`
 * is anything but LIVE.
 */
export async function findCompletePrograms(
  db: Db,
  entityType: EntityType,
  programIds: readonly string[],
): Promise<Set<string>> {
  if (programIds.length === 0) return new Set();
  const where = { programId: { in: [...programIds] }, status: { not: 'LIVE' as const } };
  const unfinished =
    entityType === 'CITY'
      ? await db.cityStatus.groupBy({ by: ['programId'], where })
      : await db.institutionStatus.groupBy({ by: ['programId'], where });
  const open = new Set(unfinished.map((r) => r.programId));
  return new Set(programIds.filter((id) => !open.has(id)));
}

/**
 * One city's or institution's statuses in every program that tracks it, as its detail page shows
 * them to `viewer` (toProgramStatusDtos, at `today`).
 */
export async function findProgramStatuses(
  db: Db,
  viewer: Viewer,
  entityType: EntityType,
  code: string,
  today: string,
): Promise<ProgramStatusDto[]> {
  const [rows, lastChanges] = await Promise.all([
    entityType === 'CITY'
      ? db.cityStatus.findMany({ where: { cityCode: code }, select: statusRowSelect })
      : db.institutionStatus.findMany({ where: { institutionCode: code }, select: statusRowSelect }),
    findLastChanges(db, entityType, code),
  ]);
  const complete = await findCompletePrograms(db, entityType, rows.map((r) => r.programId));
  return toProgramStatusDtos(viewer, entityType, code, rows, lastChanges, today, complete);
}
