/**
 * The shape of the demo data set as the program builders produce it and the writer stores it.
 * Every date is a Shanghai calendar date (`YYYY-MM-DD`).
 */
import type { ProgramDto } from '../../../lib/programs/queries';
import type { EntityType, InteropMode, Role, RolloutStatus } from '../../../lib/generated/sqlite/enums';

/** One step of an entity's rollout, as a builder writes it down. */
export interface ChangeSpec {
  date: string;
  to: RolloutStatus;
  /** New planned date from this change on; undefined keeps the previous one. */
  plannedDate?: string | null;
  sourceNote?: string | null;
  isIllustrative: boolean;
}

/** A city or institution of a program with its steps in date order. */
export interface EntitySpec {
  code: string;
  changes: ChangeSpec[];
  note?: string | null;
  /** Defaults to the instant of the last change. */
  lastConfirmedAt?: Date | null;
}

export interface Snapshot {
  status: RolloutStatus;
  plannedDate: string | null;
  liveDate: string | null;
}

export interface StatusRowSeed extends Snapshot {
  code: string;
  note: string | null;
  lastConfirmedAt: Date | null;
  version: number;
}

export interface StatusChangeSeed {
  entityCode: string;
  fromStatus: RolloutStatus;
  toStatus: RolloutStatus;
  before: Snapshot;
  after: Snapshot;
  changedAt: Date;
  sourceNote: string | null;
  isIllustrative: boolean;
  version: number;
}

export interface MilestoneSeed {
  titleZh: string;
  titleEn: string;
  dueDate: string;
  doneDate: string | null;
}

export interface AnnotationSeed {
  date: string;
  titleZh: string;
  titleEn: string;
  sourceNote: string | null;
  isIllustrative: boolean;
}

export interface MetricPointSeed {
  date: string;
  value: number;
  sourceNote: string | null;
  isIllustrative: boolean;
}

export interface TargetChangeSeed {
  fromDate: string;
  toDate: string;
  reason: string;
  changedAt: Date;
  /** Email of the demo user who re-planned. */
  changedByEmail: string | null;
}

/** A program's own columns are those every view reads (ProgramDto), plus its place in lists. */
export interface ProgramSeed extends ProgramDto {
  sortOrder: number;
  /** Who pays, who accepts and how (rail codes of the migration's reference data). */
  direction: { mode: InteropMode; payers: string[]; acceptors: string[] };
  /** What the status rows track; null for a metric program, which has none. */
  entityType: EntityType | null;
  rows: StatusRowSeed[];
  history: StatusChangeSeed[];
  milestones: MilestoneSeed[];
  annotations: AnnotationSeed[];
  metricPoints: MetricPointSeed[];
  targetChanges: TargetChangeSeed[];
}

export interface DemoUserSeed {
  email: string;
  name: string;
  role: Role;
  institutionCode?: string;
  locale: 'zh-CN' | 'en';
}

export interface DemoData {
  programs: ProgramSeed[];
  users: readonly DemoUserSeed[];
}
