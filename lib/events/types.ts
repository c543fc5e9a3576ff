/**
 * The domain events the outbox carries (prisma model DomainEvent): what each kind's payload holds.
 * Payloads hold what a reader needs to announce the change without another query: the program's
 * slug, the figures before and after. Private row fields (note, evidence, verification, people)
 * may be in a snapshot; readEventsAfter withholds them from viewers who may not read them.
 */
import type { ChangeKind, DomainEventKind, EntityType, RolloutStatus } from '../generated/sqlite/enums';
import type { WriteSource } from '../status/dto';

export const DOMAIN_EVENT_KINDS = ['STATUS_CHANGED', 'CONFIRMED', 'VERIFIED', 'TARGET_REPLANNED', 'IMPORT_LANDED'] as const satisfies readonly DomainEventKind[];

/** A status row's fields as history and audit entries record them (lib/status/dto.ts snapshotOf). */
export interface RowSnapshot {
  status: RolloutStatus;
  plannedDate: string | null;
  liveDate: string | null;
  evidenceUrl?: string | null;
  note?: string | null;
  verified?: boolean;
  version: number;
}

export interface StatusChangedPayload {
  programSlug: string;
  /** STATUS when the status moved, DETAILS when only other fields did. */
  changeKind: Extract<ChangeKind, 'STATUS' | 'DETAILS'>;
  source: WriteSource;
  before: RowSnapshot;
  after: RowSnapshot;
}

/** A confirmation or a verification: the row's values stay, its version rises. */
export interface RowStampPayload {
  programSlug: string;
  source: WriteSource;
  status: RolloutStatus;
  version: number;
}

export interface TargetReplannedPayload {
  programSlug: string;
  fromDate: string;
  toDate: string;
  baselineTargetDate: string;
  reason: string;
}

export interface ImportLandedPayload {
  programSlug: string;
  /** Rows of this program the import wrote. */
  updated: number;
  /** Of them, rows whose status moved. */
  statusChanges: number;
}

export interface PayloadOf {
  STATUS_CHANGED: StatusChangedPayload;
  CONFIRMED: RowStampPayload;
  VERIFIED: RowStampPayload;
  TARGET_REPLANNED: TargetReplannedPayload;
  IMPORT_LANDED: ImportLandedPayload;
}

interface EventFields<K extends DomainEventKind> {
  kind: K;
  programId: string;
  /** Set for events about one status row. */
  entityType?: EntityType | null;
  entityCode?: string | null;
  /** Whose partners may read the event's details (see the model's comment). */
  institutionCode?: string | null;
  effectiveAt: Date;
  payload: PayloadOf[K];
  actorId?: string | null;
}

/** An event to record: one of the kinds with its payload. */
export type DomainEventInput = { [K in DomainEventKind]: EventFields<K> }[DomainEventKind];

/** An event as a reader receives it (JSON-safe; private fields withheld as the reader requires). */
export type DomainEventDto = {
  [K in DomainEventKind]: {
    id: number;
    kind: K;
    programId: string;
    entityType: EntityType | null;
    entityCode: string | null;
    /** ISO instant. */
    effectiveAt: string;
    payload: PayloadOf[K];
    /** Null when withheld (another institution's row) or when no person acted. */
    actorId: string | null;
    /** ISO instant. */
    createdAt: string;
  };
}[DomainEventKind];
