/**
 * Pure arithmetic of coverage: counts, percentages and per-province roll-ups. Every percentage is
 * returned together with its numerator and denominator so no view can show one without the other.
 */
import type { RolloutStatus } from '../generated/sqlite/client';

export const ROLLOUT_STATUSES = ['NOT_STARTED', 'PLANNED', 'IN_PROGRESS', 'PILOT', 'LIVE', 'PAUSED'] as const satisfies readonly RolloutStatus[];

export type StatusCounts = Record<RolloutStatus, number>;

export interface Ratio {
  live: number;
  denominator: number;
  /** live / denominator in percent, one decimal; null when the denominator is 0. */
  percent: number | null;
}

export function emptyCounts(): StatusCounts {
  return { NOT_STARTED: 0, PLANNED: 0, IN_PROGRESS: 0, PILOT: 0, LIVE: 0, PAUSED: 0 };
}

export function toPercent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

export function ratio(live: number, denominator: number): Ratio {
  return { live, denominator, percent: toPercent(live, denominator) };
}

export function countStatuses(statuses: Iterable<RolloutStatus>): StatusCounts {
  const counts = emptyCounts();
  for (const s of statuses) counts[s] += 1;
  return counts;
}

export interface EntityStatus {
  code: string;
  status: RolloutStatus;
}

export interface GroupCoverage extends Ratio {
  code: string;
  counts: StatusCounts;
}

/** Rolls entity statuses up by a group key (a city's province code), sorted by code. */
export function groupCoverage(entities: EntityStatus[], groupOf: (code: string) => string): GroupCoverage[] {
  const groups = new Map<string, RolloutStatus[]>();
  for (const e of entities) {
    const key = groupOf(e.code);
    const list = groups.get(key) ?? [];
    list.push(e.status);
    groups.set(key, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, statuses]) => {
      const counts = countStatuses(statuses);
      return { code, counts, ...ratio(counts.LIVE, statuses.length) };
    });
}
