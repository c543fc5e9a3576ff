/**
 * The burn-up series model: DTOs, the pure steps that build a series from its source, and the
 * projection. No database here, so the browser can rebuild a series for another date while the
 * user scrubs the timeline (lib/coverage/series.ts holds the queries).
 */
import type { ProgramDto } from '../programs/queries';
import { addDays, endOfShanghaiDay } from '../time';
import { projectCompletion, type Projection, type ValueStep } from './projection';

/** One row of the burn-up table: live at the end of `date`, and how many were planned by then. */
export interface BurnupPointDto {
  date: string;
  live: number;
  plan: number;
}

export interface PlanPointDto {
  date: string;
  plan: number;
}

/** The live count at the end of a day on which it changed. */
export interface LiveStepDto {
  date: string;
  live: number;
}

export interface CountSeriesDto {
  kind: 'COUNT';
  unit: 'CITY' | 'INSTITUTION';
  asOf: string;
  startDate: string;
  /** Status rows in the program's scope: the "all" of "all live". */
  denominator: number;
  baselineTargetDate: string;
  /** The target date in force at the end of `asOf` (a later re-plan is not yet known then). */
  targetDate: string;
  /** Mondays from the program's start to `asOf`, then `asOf` itself. */
  points: BurnupPointDto[];
  /**
   * The plan line, weekly on the same Mondays but running on to the target date (or the last
   * planned date, at most a year past the target), so the chart shows where the plan leads.
   * Built from the rows' current planned dates: the plan as known now, not as it stood on `asOf`.
   */
  plan: PlanPointDto[];
  /** Exact daily live counts (one entry per day the count changed), for the projection. */
  steps: LiveStepDto[];
  /** The day the live count last reached the denominator, when it is there on `asOf`. */
  completedOn: string | null;
}

export interface MetricPointDto {
  date: string;
  /** Percent, 0-100. */
  value: number;
  sourceNote: string | null;
  sourceUrl: string | null;
  isIllustrative: boolean;
}

export interface MetricSeriesDto {
  kind: 'METRIC';
  asOf: string;
  startDate: string;
  baselineTargetDate: string;
  targetDate: string;
  /** Target share in percent, null when the program sets none. */
  targetValue: number | null;
  /** Every stored value dated on or before `asOf`, oldest first. */
  points: MetricPointDto[];
}

export type CoverageSeriesDto = CountSeriesDto | MetricSeriesDto;

/** How far past the target the plan line may run when rows are planned late. */
const PLAN_HORIZON_PAST_TARGET_DAYS = 366;

// ---------------------------------------------------------------------------------------------
// Pure helpers (exported for tests).

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Mondays from `start` to `end` (both inclusive), then `end` itself when it is not a Monday. */
export function listWeeklyDates(start: string, end: string): string[] {
  if (end < start) return [end];
  const dates: string[] = [];
  // Day 1 is Monday; step to the first Monday on or after `start`.
  let d = addDays(start, (8 - weekday(start)) % 7);
  for (; d <= end; d = addDays(d, 7)) dates.push(d);
  if (dates[dates.length - 1] !== end) dates.push(end);
  return dates;
}

/** Daily live counts from transitions, counting only entities that are in scope. */
export function replayLiveSteps(
  transitions: ReadonlyArray<{ entityCode: string; date: string; delta: number }>,
  inScope: ReadonlySet<string>,
): LiveStepDto[] {
  const byDay = new Map<string, number>();
  for (const t of transitions) {
    if (!inScope.has(t.entityCode)) continue;
    byDay.set(t.date, (byDay.get(t.date) ?? 0) + t.delta);
  }
  const steps: LiveStepDto[] = [];
  let live = 0;
  for (const [date, delta] of [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (delta === 0) continue;
    live += delta;
    steps.push({ date, live });
  }
  return steps;
}

/** The value at the end of each date (sorted ascending), from steps sorted by date; 0 before the first. */
export function sampleSteps(steps: readonly ValueStep[], dates: readonly string[]): number[] {
  const values: number[] = [];
  let i = 0;
  let current = 0;
  for (const date of dates) {
    while (i < steps.length && steps[i]!.date <= date) current = steps[i++]!.value;
    values.push(current);
  }
  return values;
}

/** The date a row counts toward the plan: its planned date, or for a live row without one, its live date. */
export function planDateOf(row: { status: string; plannedDate: string | null; liveDate: string | null }): string | null {
  if (row.plannedDate) return row.plannedDate;
  return row.status === 'LIVE' ? row.liveDate : null;
}

/** How many plan dates fall on or before each date (dates sorted ascending). */
export function countPlannedBy(planDates: readonly string[], dates: readonly string[]): number[] {
  const sorted = [...planDates].sort();
  let i = 0;
  return dates.map((date) => {
    while (i < sorted.length && sorted[i]! <= date) i++;
    return i;
  });
}

/** The day the count last rose to the denominator, if it is there at the end of the steps. */
export function findCompletedOn(steps: readonly LiveStepDto[], denominator: number): string | null {
  const last = steps[steps.length - 1];
  if (denominator <= 0 || !last || last.live < denominator) return null;
  for (let i = steps.length - 1; i >= 0; i--) {
    const previous = i > 0 ? steps[i - 1]!.live : 0;
    if (previous < denominator) return steps[i]!.date;
  }
  return null;
}

/**
 * The target date in force at an instant: the latest re-plan before it, or, when every re-plan
 * came later, the date the first re-plan moved away from.
 */
export function targetDateAt(
  current: string,
  changes: ReadonlyArray<{ fromDate: string; toDate: string; changedAt: Date }>,
  before: Date,
): string {
  const sorted = [...changes].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
  const earlier = sorted.filter((c) => c.changedAt < before);
  if (earlier.length > 0) return earlier[earlier.length - 1]!.toDate;
  return sorted[0]?.fromDate ?? current;
}

/**
 * Everything the series of a program up to `end` is built from, as plain JSON: the server reads it
 * once for the last date of the timeline, and the client rebuilds the series for any earlier date
 * (buildCoverageSeries) while the user scrubs, without a request per step.
 */
export type SeriesSourceDto = CountSeriesSourceDto | MetricSeriesSourceDto;

export interface SeriesSourceBase {
  /** Data is complete up to the end of this date; the series can be built for any date up to it. */
  end: string;
  startDate: string;
  baselineTargetDate: string;
  /** The program's current target date. */
  targetDate: string;
  /** Re-plans, for the target in force at each date; `changedAt` as an ISO instant. */
  targetChanges: Array<{ fromDate: string; toDate: string; changedAt: string }>;
}

export interface CountSeriesSourceDto extends SeriesSourceBase {
  kind: 'COUNT';
  unit: 'CITY' | 'INSTITUTION';
  denominator: number;
  /** Each in-scope row's plan date (planDateOf), sorted; rows without one are left out. */
  planDates: string[];
  /** Exact daily live counts up to `end`. */
  steps: LiveStepDto[];
}

export interface MetricSeriesSourceDto extends SeriesSourceBase {
  kind: 'METRIC';
  targetValue: number | null;
  /** Every stored value dated on or before `end`, oldest first. */
  points: MetricPointDto[];
}

/** The series as of `asOf` (on or before `source.end`) from its source: pure, also runs in the browser. */
export function buildCoverageSeries(source: SeriesSourceDto, asOf: string): CoverageSeriesDto {
  const changes = source.targetChanges.map((c) => ({ ...c, changedAt: new Date(c.changedAt) }));
  const targetDate = targetDateAt(source.targetDate, changes, endOfShanghaiDay(asOf));
  const common = { asOf, startDate: source.startDate, baselineTargetDate: source.baselineTargetDate, targetDate };

  if (source.kind === 'METRIC') {
    return { kind: 'METRIC', ...common, targetValue: source.targetValue, points: source.points.filter((p) => p.date <= asOf) };
  }

  const steps = source.steps.filter((s) => s.date <= asOf);
  const { planDates } = source;
  const dates = listWeeklyDates(source.startDate, asOf);
  const live = sampleSteps(steps.map((s) => ({ date: s.date, value: s.live })), dates);
  const plannedAtPoints = countPlannedBy(planDates, dates);

  const lastPlanned = planDates.reduce((a, b) => (a > b ? a : b), '');
  const cap = addDays(targetDate, PLAN_HORIZON_PAST_TARGET_DAYS);
  const planEnd = [targetDate, source.baselineTargetDate, lastPlanned].reduce((a, b) => (a > b ? a : b));
  const horizon = [asOf, planEnd < cap ? planEnd : cap].reduce((a, b) => (a > b ? a : b));
  // The as-of date joins the Mondays so the chart's tooltip shows plan and actual side by side there.
  const planDatesAxis = [...new Set([...listWeeklyDates(source.startDate, horizon), asOf])].sort();
  const plannedAlong = countPlannedBy(planDates, planDatesAxis);

  return {
    kind: 'COUNT',
    unit: source.unit,
    ...common,
    denominator: source.denominator,
    points: dates.map((date, i) => ({ date, live: live[i] ?? 0, plan: plannedAtPoints[i] ?? 0 })),
    plan: planDatesAxis.map((date, i) => ({ date, plan: plannedAlong[i] ?? 0 })),
    steps,
    completedOn: findCompletedOn(steps, source.denominator),
  };
}

export interface ProjectionDto extends Projection {
  /** What the numbers count: cities, institutions, or percentage points of a metric. */
  unit: ProgramDto['unit'];
}

/** The projection a series implies (pure; null when there is nothing to project toward). */
export function projectSeries(series: CoverageSeriesDto, options: { windowWeeks?: number } = {}): Projection | null {
  if (series.kind === 'METRIC') {
    if (series.targetValue === null) return null;
    return projectCompletion({
      asOf: series.asOf,
      startDate: series.startDate,
      goal: series.targetValue,
      targetDate: series.targetDate,
      steps: series.points.map((p) => ({ date: p.date, value: p.value })),
      windowWeeks: options.windowWeeks,
    });
  }
  if (series.denominator === 0) return null;
  return projectCompletion({
    asOf: series.asOf,
    startDate: series.startDate,
    goal: series.denominator,
    targetDate: series.targetDate,
    steps: series.steps.map((s) => ({ date: s.date, value: s.live })),
    completedOn: series.completedOn,
    windowWeeks: options.windowWeeks,
  });
}

