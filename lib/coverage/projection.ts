/**
 * When will a program be done at its recent pace, and is that in time? Pure: no database, no
 * clock (the as-of date is an input), so the dashboard, the partner API and the weekly summary
 * all get the same answer for the same data, and the UI can print the rule beside the badge.
 *
 * The rule (parameters below):
 * - velocity = what was gained over the last VELOCITY_WINDOW_WEEKS weeks / those weeks;
 * - projected completion = as-of date + remaining / velocity (rounded up to a whole day);
 * - COMPLETE when everything is live; ON_TRACK when the projection is on or before the target
 *   date; AT_RISK when it is at most AT_RISK_GRACE_DAYS later; OFF_TRACK when later still, or when
 *   nothing was gained in the window (no projection at all).
 */
import { addDays, daysBetween } from '../time';

/** How many recent weeks the pace is measured over. */
export const VELOCITY_WINDOW_WEEKS = 8;
/** How many days past the target a projection may land and still count as "at risk", not "off track". */
export const AT_RISK_GRACE_DAYS = 30;

/**
 * A trickle of progress projects centuries ahead; past this the date is meaningless (and past
 * year 9999 not even a YYYY-MM-DD), so the projection has no date but stays OFF_TRACK.
 */
export const MAX_PROJECTION_DAYS = 100 * 365;

export const HEALTHS = ['COMPLETE', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK'] as const;
export type Health = (typeof HEALTHS)[number];

/** Why a health was given; the UI words each reason. */
export type HealthReason =
  | 'ALL_LIVE'
  | 'PROJECTED_BY_TARGET'
  | 'PROJECTED_WITHIN_GRACE'
  | 'PROJECTED_LATE'
  | 'NO_PROGRESS';

/** A value at the end of a date; a series of them is a step function. */
export interface ValueStep {
  date: string;
  value: number;
}

export interface ProjectionInput {
  asOf: string;
  /** The count (or percentage) that means done: the denominator, or a metric's target value. */
  goal: number;
  /** The target date in force on `asOf`. */
  targetDate: string;
  /** Values at the end of the dates they changed, ascending; the value before the first is 0. */
  steps: readonly ValueStep[];
  /** Program start: the window never reaches before it (a young program is measured over its life). */
  startDate?: string;
  /** The day the goal was reached, when known exactly (otherwise taken from `steps`). */
  completedOn?: string | null;
  windowWeeks?: number;
  atRiskGraceDays?: number;
}

export interface Projection {
  health: Health;
  reason: HealthReason;
  /**
   * Projected (or, when complete, actual) completion date; null when there is no progress to
   * project, or when the pace puts it more than MAX_PROJECTION_DAYS away.
   */
  completionDate: string | null;
  /** Units gained per week over the window. */
  velocityPerWeek: number;
  /** Weeks the velocity was measured over (VELOCITY_WINDOW_WEEKS unless the program is younger). */
  windowWeeks: number;
  /** Value on the as-of date. */
  current: number;
  goal: number;
  /** goal - current, never negative. */
  remaining: number;
  targetDate: string;
  /** Days the completion date falls after the target; 0 when on or before it; null without a date. */
  daysLate: number | null;
  asOf: string;
}

/** The rule as data, so a view can write it out next to the badge in its own language. */
export interface HealthRuleClause {
  health: Health;
  reason: HealthReason | 'PROJECTED_LATE_OR_NO_PROGRESS';
  graceDays: number;
  windowWeeks: number;
}

export function describeHealthRule(
  windowWeeks: number = VELOCITY_WINDOW_WEEKS,
  graceDays: number = AT_RISK_GRACE_DAYS,
): HealthRuleClause[] {
  return [
    { health: 'COMPLETE', reason: 'ALL_LIVE', graceDays, windowWeeks },
    { health: 'ON_TRACK', reason: 'PROJECTED_BY_TARGET', graceDays, windowWeeks },
    { health: 'AT_RISK', reason: 'PROJECTED_WITHIN_GRACE', graceDays, windowWeeks },
    { health: 'OFF_TRACK', reason: 'PROJECTED_LATE_OR_NO_PROGRESS', graceDays, windowWeeks },
  ];
}

/** The step function's value at the end of `date`. */
export function valueAt(steps: readonly ValueStep[], date: string): number {
  let value = 0;
  for (const s of steps) {
    if (s.date > date) break;
    value = s.value;
  }
  return value;
}

/** Metric values carry one decimal; rounding keeps 85 - 84.9 from becoming 0.10000000000000853. */
function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** The last day the steps rose from below the goal to it (start of the final run at or above it). */
function reachedGoalOn(steps: readonly ValueStep[], goal: number, asOf: string): string | null {
  const upTo = steps.filter((s) => s.date <= asOf);
  for (let i = upTo.length - 1; i >= 0; i--) {
    const previous = i > 0 ? upTo[i - 1]!.value : 0;
    if (upTo[i]!.value >= goal && previous < goal) return upTo[i]!.date;
  }
  return null;
}

function effectiveWindowWeeks(asOf: string, startDate: string | undefined, windowWeeks: number): number {
  if (!startDate) return windowWeeks;
  const weeksSinceStart = Math.floor(daysBetween(startDate, asOf) / 7);
  return Math.min(windowWeeks, Math.max(1, weeksSinceStart));
}

export function projectCompletion(input: ProjectionInput): Projection {
  const { asOf, goal, targetDate, steps } = input;
  const graceDays = input.atRiskGraceDays ?? AT_RISK_GRACE_DAYS;
  const windowWeeks = effectiveWindowWeeks(asOf, input.startDate, input.windowWeeks ?? VELOCITY_WINDOW_WEEKS);
  const current = valueAt(steps, asOf);
  const gained = current - valueAt(steps, addDays(asOf, -7 * windowWeeks));
  const velocityPerWeek = round(gained / windowWeeks, 3);
  const remaining = round(Math.max(0, goal - current), 3);
  const base = { velocityPerWeek, windowWeeks, current, goal, remaining, targetDate, asOf };
  const lateBy = (date: string) => Math.max(0, daysBetween(targetDate, date));

  if (remaining === 0) {
    const completionDate = input.completedOn ?? reachedGoalOn(steps, goal, asOf);
    return {
      ...base,
      health: 'COMPLETE',
      reason: 'ALL_LIVE',
      completionDate,
      daysLate: completionDate === null ? null : lateBy(completionDate),
    };
  }
  if (gained <= 0) {
    return { ...base, health: 'OFF_TRACK', reason: 'NO_PROGRESS', completionDate: null, daysLate: null };
  }
  const days = Math.ceil((remaining / (gained / windowWeeks)) * 7);
  if (days > MAX_PROJECTION_DAYS) {
    return { ...base, health: 'OFF_TRACK', reason: 'PROJECTED_LATE', completionDate: null, daysLate: null };
  }
  const completionDate = addDays(asOf, days);
  const daysLate = lateBy(completionDate);
  if (daysLate === 0) return { ...base, health: 'ON_TRACK', reason: 'PROJECTED_BY_TARGET', completionDate, daysLate };
  if (daysLate <= graceDays) {
    return { ...base, health: 'AT_RISK', reason: 'PROJECTED_WITHIN_GRACE', completionDate, daysLate };
  }
  return { ...base, health: 'OFF_TRACK', reason: 'PROJECTED_LATE', completionDate, daysLate };
}
