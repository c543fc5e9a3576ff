/**
 * What each kind of alert carries (prisma model Alert, `payload`): the figures before and after
 * and what a reader needs to word it and link to the view at its date. Payloads never hold a
 * private row field (note, evidence, verification, people): the people who hear of an alert are
 * allowed its subject, but a payload should not depend on that.
 */
import type { AlertKind, DeliveryChannel, EntityType, RolloutStatus } from '../generated/sqlite/enums';
import type { Health, HealthReason } from '../coverage/projection';
import type { ImportLandedPayload, TargetReplannedPayload } from '../events/types';

export const ALERT_KINDS = ['HEALTH_CHANGED', 'REGRESSION', 'STALE_REPORT', 'TARGET_REPLANNED', 'IMPORT_LANDED'] as const satisfies readonly AlertKind[];
export const DELIVERY_CHANNELS = ['IN_APP', 'MAIL', 'DIGEST', 'OFF'] as const satisfies readonly DeliveryChannel[];

/** A status row's public figures. */
export interface RowFigures {
  status: RolloutStatus;
  plannedDate: string | null;
  liveDate: string | null;
}

export interface HealthChangedPayload {
  programSlug: string;
  fromHealth: Health;
  toHealth: Health;
  reason: HealthReason;
  /** Shanghai date the health was computed for. */
  asOf: string;
  current: number;
  goal: number;
  targetDate: string;
  completionDate: string | null;
}

export interface RegressionPayload {
  programSlug: string;
  before: RowFigures;
  after: RowFigures;
}

export interface StaleReportPayload {
  programSlug: string;
  status: RolloutStatus;
  /** The row's version when the alert was made: a "still accurate" confirmation checks it. */
  version: number;
  /** ISO instant; null when never confirmed. */
  lastConfirmedAt: string | null;
  daysSinceConfirmed: number | null;
  staleAfterDays: number;
  asOf: string;
}

/** A re-plan and an import are told as their events say them. */
export type { ImportLandedPayload, TargetReplannedPayload };

export interface AlertPayloadOf {
  HEALTH_CHANGED: HealthChangedPayload;
  REGRESSION: RegressionPayload;
  STALE_REPORT: StaleReportPayload;
  TARGET_REPLANNED: TargetReplannedPayload;
  IMPORT_LANDED: ImportLandedPayload;
}

/** An alert the rules found, before it is stored. */
export type AlertCandidate = {
  [K in AlertKind]: {
    kind: K;
    dedupeKey: string;
    programId: string;
    entityType: EntityType | null;
    entityCode: string | null;
    institutionCode: string | null;
    effectiveAt: Date;
    payload: AlertPayloadOf[K];
    eventId: number | null;
    actorId: string | null;
  };
}[AlertKind];
