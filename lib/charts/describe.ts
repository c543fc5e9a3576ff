/**
 * What each chart says, as the facts a sentence is made of: the text equivalent read out in place
 * of the canvas (WCAG 1.1.1), and the live announcement while the timeline plays. Pure; the words
 * come from the `chartText` messages, so both languages say the same thing.
 */
import type { Projection } from '../coverage/projection';
import type { CityCoverageDto, ProvinceCoverageDto } from '../coverage/queries';
import type { CountSeriesDto, MetricSeriesDto } from '../coverage/series-model';
import { ROLLOUT_STATUSES } from '../coverage/summarise';
import type { RolloutStatus } from '../generated/sqlite/client';

/** Which sentence says where the line is heading. */
export type Outlook = 'projected' | 'complete' | 'noProgress' | 'tooFar' | 'none';

export interface ProgressFacts {
  /** Live units, or the metric's value in percent. */
  current: number;
  /** The denominator, or the metric's target value (null without one). */
  goal: number | null;
  asOf: string;
  targetDate: string;
  outlook: Outlook;
  /** Weeks the pace is measured over. */
  weeks: number;
  /** Projected (or actual) completion; null unless the outlook is projected or complete. */
  completionDate: string | null;
}

function outlookOf(projection: Projection | null): Pick<ProgressFacts, 'outlook' | 'weeks' | 'completionDate'> {
  if (!projection) return { outlook: 'none', weeks: 0, completionDate: null };
  const weeks = projection.windowWeeks;
  if (projection.health === 'COMPLETE') return { outlook: 'complete', weeks, completionDate: projection.completionDate };
  if (projection.reason === 'NO_PROGRESS') return { outlook: 'noProgress', weeks, completionDate: null };
  if (!projection.completionDate) return { outlook: 'tooFar', weeks, completionDate: null };
  return { outlook: 'projected', weeks, completionDate: projection.completionDate };
}

/** The burn-up: live of all on the date, the target, and where the recent pace leads. */
export function describeBurnup(series: CountSeriesDto, projection: Projection | null): ProgressFacts {
  const last = series.points.at(-1);
  return {
    current: last?.live ?? 0,
    goal: series.denominator,
    asOf: series.asOf,
    targetDate: series.targetDate,
    ...outlookOf(projection),
  };
}

/** The metric line: the latest value, the target, and where the recent pace leads. */
export function describeMetric(series: MetricSeriesDto, projection: Projection | null): ProgressFacts {
  const last = series.points.at(-1);
  return {
    current: last?.value ?? 0,
    goal: series.targetValue,
    asOf: series.asOf,
    targetDate: series.targetDate,
    ...outlookOf(projection),
  };
}

export interface ProvinceMapFacts {
  live: number;
  denominator: number;
  /** Provinces in scope (with at least one city to count). */
  provinces: number;
  /** Provinces with every city live. */
  complete: number;
  /** Provinces with no city live. */
  none: number;
  /** The best-covered provinces, highest first (at most three, ties by code). */
  leaders: Array<{ code: string; name: string; nameEn: string; percent: number }>;
}

export function describeProvinceMap(provinces: readonly ProvinceCoverageDto[]): ProvinceMapFacts {
  const inScope = provinces.filter((p) => p.denominator > 0);
  const leaders = inScope
    .filter((p) => p.live > 0)
    .sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0) || a.code.localeCompare(b.code))
    .slice(0, 3)
    .map((p) => ({ code: p.code, name: p.name, nameEn: p.nameEn, percent: p.percent ?? 0 }));
  return {
    live: inScope.reduce((sum, p) => sum + p.live, 0),
    denominator: inScope.reduce((sum, p) => sum + p.denominator, 0),
    provinces: inScope.length,
    complete: inScope.filter((p) => p.live === p.denominator).length,
    none: inScope.filter((p) => p.live === 0).length,
    leaders,
  };
}

/** Cities per status, in the statuses' own order, leaving out the statuses no city has. */
export function describeCityStatuses(cities: readonly Pick<CityCoverageDto, 'status'>[]): Array<{ status: RolloutStatus; count: number }> {
  const counts = new Map<RolloutStatus, number>();
  for (const c of cities) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return ROLLOUT_STATUSES.filter((s) => counts.has(s)).map((status) => ({ status, count: counts.get(status)! }));
}
