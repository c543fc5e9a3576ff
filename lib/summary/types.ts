/**
 * The weekly summary as it is stored in the archive and served by the API: numbers, dates and
 * codes, with every name in both languages, so one stored record renders in zh-CN and English
 * alike and never has to be recomputed. Nothing in here is worded: the page, the mail and the
 * PDF word it in the reader's language (lib/summary/text.ts).
 */
import type { Health, HealthReason, Projection } from '../coverage/projection';
import type { CoverageSeriesDto } from '../coverage/series';
import type { Ratio, StatusCounts } from '../coverage/summarise';
import type { ProgramUnit, RolloutStatus, ScopeRule } from '../generated/sqlite/client';

/**
 * Raised whenever the stored shape or the rules that fill it change, so an archived week says
 * which rules produced it. Stored weeks are never regenerated (see archive.ts).
 */
export const SUMMARY_GENERATOR_VERSION = 1;

/** Archive key of the summary across all programs; slugs never contain `*`. */
export const ALL_PROGRAMS_SCOPE = '*';

/** How far ahead an open milestone counts as "due". */
export const UPCOMING_MILESTONE_DAYS = 28;

/** How many provinces the "furthest behind" list shows. */
export const PROVINCES_BEHIND_LIMIT = 5;

export interface NamedEntity {
  /** City code (`4403`) or institution code (`ICBC`). */
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface SummaryProgram {
  slug: string;
  nameZh: string;
  nameEn: string;
  unit: ProgramUnit;
  scopeRule: ScopeRule;
  startDate: string;
  baselineTargetDate: string;
  /** The target date in force at the end of the week. */
  targetDate: string;
  targetValue: number | null;
  isIllustrative: boolean;
  source: string | null;
}

/** A move between the previous week's end and this week's end that is not progress. */
export interface StatusSetback extends NamedEntity {
  from: RolloutStatus;
  to: RolloutStatus;
  /** PAUSED: newly paused. BACKWARD: moved to an earlier stage (e.g. LIVE to IN_PROGRESS). */
  kind: 'PAUSED' | 'BACKWARD';
}

export interface StalePartner extends NamedEntity {
  status: RolloutStatus;
  /** Shanghai date of the last write or confirmation by the week's end; null when never. */
  lastConfirmedOn: string | null;
  daysSinceConfirmed: number | null;
}

export interface ProvinceRatio extends Ratio, Omit<NamedEntity, 'code'> {
  /** Two-digit province code. */
  code: string;
}

export interface SummaryMilestone {
  titleZh: string;
  titleEn: string;
  dueDate: string;
  doneDate: string | null;
  /** Days after the due date it was done (done list) or is still open at week end (missed list); 0 otherwise. */
  daysLate: number;
}

export interface SummaryAnnotation {
  date: string;
  titleZh: string;
  titleEn: string;
  sourceNote: string | null;
  sourceUrl: string | null;
  isIllustrative: boolean;
}

export interface SummaryProjection extends Projection {
  /** Days the (projected or actual) completion falls before the target; 0 when not early or unknown. */
  daysEarly: number;
}

/** Said in plain words beside the projection when it misses the target. */
export type SummaryWarning =
  | { kind: 'LATE'; completionDate: string; targetDate: string; daysLate: number }
  | { kind: 'NO_PROGRESS'; targetDate: string; windowWeeks: number }
  | { kind: 'TOO_FAR'; targetDate: string };

/** For PERCENT programs: the metric at the two week ends. */
export interface SummaryMetric {
  value: number | null;
  /** Date of the value (the latest point on or before the week's end). */
  date: string | null;
  previousValue: number | null;
  /** Percentage points since the previous week, one decimal; null without both values. */
  change: number | null;
  target: number | null;
  isIllustrative: boolean;
  sourceNote: string | null;
}

export interface ProgramWeekSummary {
  week: string;
  weekStart: string;
  weekEnd: string;
  program: SummaryProgram;
  /** At the end of the week (Sunday 24:00 Shanghai); the same as getCoverageAsOf(weekEnd). */
  coverage: Ratio;
  /** At the end of the previous week. */
  previous: Ratio;
  change: {
    live: number;
    /** Percentage points, one decimal; null when either percentage is. */
    percentPoints: number | null;
  };
  /** Status counts at the end of the week. */
  counts: StatusCounts;
  metric: SummaryMetric | null;
  /** Every entity live at the end of the week, by code. */
  liveCodes: string[];
  /** Live at the end of the week and not at the end of the previous one. */
  wentLive: NamedEntity[];
  setbacks: StatusSetback[];
  /** Institutions not confirmed within the program's staleAfterDays; null for city and metric programs. */
  stalePartners: StalePartner[] | null;
  staleAfterDays: number;
  /** Every province of a city program, by code (empty otherwise); drives the map. */
  provinces: ProvinceRatio[];
  /** The provinces with the lowest coverage that are not complete, lowest first. */
  provincesBehind: ProvinceRatio[];
  milestones: {
    /** Done during the week. */
    done: SummaryMilestone[];
    /** Open at the end of the week although due by then. */
    missed: SummaryMilestone[];
    /** Open and due within UPCOMING_MILESTONE_DAYS after the week. */
    due: SummaryMilestone[];
  };
  /** Dated during the week. */
  annotations: SummaryAnnotation[];
  projection: SummaryProjection | null;
  warning: SummaryWarning | null;
  /** The burn-up (or metric) series up to the week's end, frozen so the charts never change either. */
  series: CoverageSeriesDto;
}

/** One line per program at the top of the executives' page and mail. */
export interface SummaryLine {
  slug: string;
  nameZh: string;
  nameEn: string;
  unit: ProgramUnit;
  coverage: Ratio;
  change: ProgramWeekSummary['change'];
  metric: { value: number | null; change: number | null; target: number | null } | null;
  wentLive: number;
  setbacks: number;
  health: Health | null;
  healthReason: HealthReason | null;
  completionDate: string | null;
  targetDate: string;
  daysLate: number | null;
  daysEarly: number;
}

/** The executives' summary: every program that had started by the week's end. */
export interface CrossProgramSummary {
  week: string;
  weekStart: string;
  weekEnd: string;
  lines: SummaryLine[];
  programs: ProgramWeekSummary[];
}

/** A record of the archive: a summary exactly as it was generated. */
export interface StoredSummary<T = ProgramWeekSummary | CrossProgramSummary> {
  week: string;
  /** A program slug, or ALL_PROGRAMS_SCOPE. */
  scope: string;
  payload: T;
  /** ISO instant. */
  generatedAt: string;
  generatorVersion: number;
}
