/**
 * The alert rules, pure: which domain events and which evaluations make an alert, and the key
 * that makes each transition alert once. The database side is lib/alerts/evaluate.ts.
 *
 * - REGRESSION: a status edit that moves a row to PAUSED, or back to an earlier stage
 *   (LIVE -> PILOT). A later edit of the same paused row's details is no transition: no alert.
 * - TARGET_REPLANNED, IMPORT_LANDED: one alert per event.
 * - HEALTH_CHANGED: the program's health differs from the one last seen (evaluated after events
 *   that can move it, and daily, since time alone moves a projection).
 * - STALE_REPORT: a partner's row not confirmed within the program's stale-after days; one alert
 *   per last confirmation (confirming starts a new period, which may go stale again).
 */
import type { Prisma, RolloutStatus } from '../generated/sqlite/client';
import type { Health, Projection } from '../coverage/projection';
import type { ImportLandedPayload, RowSnapshot, StatusChangedPayload, TargetReplannedPayload } from '../events/types';
import type { AlertCandidate, RowFigures } from './types';

/** Order of the stages a rollout moves through; PAUSED is outside it. */
const STAGE: Readonly<Record<Exclude<RolloutStatus, 'PAUSED'>, number>> = {
  NOT_STARTED: 0,
  PLANNED: 1,
  IN_PROGRESS: 2,
  PILOT: 3,
  LIVE: 4,
};

/** A move to PAUSED, or to an earlier stage. Resuming from PAUSED is never a regression. */
export function isRegression(from: RolloutStatus, to: RolloutStatus): boolean {
  if (from === to || from === 'PAUSED') return false;
  if (to === 'PAUSED') return true;
  return STAGE[to] < STAGE[from];
}

function figures(s: RowSnapshot): RowFigures {
  return { status: s.status, plannedDate: s.plannedDate, liveDate: s.liveDate };
}

type EventRow = Prisma.DomainEventGetPayload<object>;

/** The alert one event makes on its own, if any (health is evaluated per program, not here). */
export function alertFromEvent(event: EventRow): AlertCandidate | null {
  const base = {
    programId: event.programId,
    entityType: event.entityType,
    entityCode: event.entityCode,
    institutionCode: event.institutionCode,
    effectiveAt: event.effectiveAt,
    eventId: event.id,
    actorId: event.actorId,
  };
  switch (event.kind) {
    case 'STATUS_CHANGED': {
      const p = event.payload as unknown as StatusChangedPayload;
      if (p.changeKind !== 'STATUS' || !isRegression(p.before.status, p.after.status)) return null;
      return { ...base, kind: 'REGRESSION', dedupeKey: `regression:event:${event.id}`, payload: { programSlug: p.programSlug, before: figures(p.before), after: figures(p.after) } };
    }
    case 'TARGET_REPLANNED': {
      const p = event.payload as unknown as TargetReplannedPayload;
      return { ...base, kind: 'TARGET_REPLANNED', dedupeKey: `replan:event:${event.id}`, payload: p };
    }
    case 'IMPORT_LANDED': {
      const p = event.payload as unknown as ImportLandedPayload;
      return { ...base, kind: 'IMPORT_LANDED', dedupeKey: `import:event:${event.id}`, payload: p };
    }
    default:
      return null;
  }
}

/** Events after which a program's health may have moved. */
export function mayMoveHealth(kind: EventRow['kind']): boolean {
  return kind === 'STATUS_CHANGED' || kind === 'TARGET_REPLANNED' || kind === 'IMPORT_LANDED';
}

export interface HealthCheck {
  programId: string;
  programSlug: string;
  /** The health last seen; null the first time (then it is only remembered, not announced). */
  previous: Health | null;
  projection: Projection;
  /** What triggered the check, unique per evaluation: "event:<last id>" or "day:<date>". */
  trigger: string;
  effectiveAt: Date;
}

export function healthAlert(check: HealthCheck): AlertCandidate | null {
  const { previous, projection: p } = check;
  if (previous === null || previous === p.health) return null;
  return {
    kind: 'HEALTH_CHANGED',
    dedupeKey: `health:${check.programId}:${check.trigger}`,
    programId: check.programId,
    entityType: null,
    entityCode: null,
    institutionCode: null,
    effectiveAt: check.effectiveAt,
    eventId: null,
    actorId: null,
    payload: {
      programSlug: check.programSlug,
      fromHealth: previous,
      toHealth: p.health,
      reason: p.reason,
      asOf: p.asOf,
      current: p.current,
      goal: p.goal,
      targetDate: p.targetDate,
      completionDate: p.completionDate,
    },
  };
}

export interface StaleRow {
  programId: string;
  programSlug: string;
  staleAfterDays: number;
  institutionCode: string;
  status: RolloutStatus;
  version: number;
  lastConfirmedAt: Date | null;
  daysSinceConfirmed: number | null;
}

/** The reminder for a stale partner row; one per last confirmation. */
export function staleAlert(row: StaleRow, asOf: string, now: Date): AlertCandidate {
  return {
    kind: 'STALE_REPORT',
    dedupeKey: `stale:${row.programId}:${row.institutionCode}:${row.lastConfirmedAt?.toISOString() ?? 'never'}`,
    programId: row.programId,
    entityType: 'INSTITUTION',
    entityCode: row.institutionCode,
    institutionCode: row.institutionCode,
    effectiveAt: now,
    eventId: null,
    actorId: null,
    payload: {
      programSlug: row.programSlug,
      status: row.status,
      version: row.version,
      lastConfirmedAt: row.lastConfirmedAt?.toISOString() ?? null,
      daysSinceConfirmed: row.daysSinceConfirmed,
      staleAfterDays: row.staleAfterDays,
      asOf,
    },
  };
}
