/**
 * When a status row is flagged stale ("not confirmed recently"). The one rule for every surface:
 * the institutions matrix, a program's status page and the weekly summary's stale partners.
 *
 * The rule, as the matrix explains it to users:
 * - Staleness is measured at the date being viewed: a row confirmed 10 days before the viewed date
 *   is fresh on that date, whatever today is. Looking back at 2021 must not flag every row because
 *   2021 is long ago.
 * - A LIVE row of a program whose rollout is complete on that date (every enrolled row LIVE) is
 *   never stale: nothing is left to report, so nobody is asked to re-confirm finished work.
 * - Otherwise the program's `staleAfterDays` applies: confirmed more than that many calendar days
 *   before the viewed date (or never confirmed) is stale.
 */
import type { RolloutStatus } from '../generated/sqlite/client';
import { daysBetween, toShanghaiDate } from '../time';

export interface Staleness {
  /** Whole Shanghai calendar days since the last confirmation; null when never confirmed. */
  daysSinceConfirmed: number | null;
  /** Not confirmed within the program's `staleAfterDays` (never confirmed counts as stale). */
  isStale: boolean;
}

export interface RowStalenessInput {
  status: RolloutStatus;
  lastConfirmedAt: Date | null;
}

export interface ProgramStalenessContext {
  staleAfterDays: number;
  /** Every enrolled row of the program is LIVE on the reference date. */
  isRolloutComplete: boolean;
}

export interface RowStaleness extends Staleness {
  /** True when the row would be stale by age but is exempt because its program is complete. */
  isExemptAsComplete: boolean;
}

/**
 * Stale by age alone: the last confirmation lies more than `staleAfterDays` calendar days before
 * `referenceDate`. Confirmed on 2021-12-02 with 30 days is fresh through 2022-01-01, stale from
 * 2022-01-02.
 */
export function assessStaleness(lastConfirmedAt: Date | null, staleAfterDays: number, referenceDate: string): Staleness {
  if (!lastConfirmedAt) return { daysSinceConfirmed: null, isStale: true };
  const days = daysBetween(toShanghaiDate(lastConfirmedAt), referenceDate);
  return { daysSinceConfirmed: Math.max(0, days), isStale: days > staleAfterDays };
}

export function isRolloutComplete(statuses: readonly RolloutStatus[]): boolean {
  return statuses.length > 0 && statuses.every((s) => s === 'LIVE');
}

export function assessRowStaleness(
  row: RowStalenessInput,
  program: ProgramStalenessContext,
  referenceDate: string,
): RowStaleness {
  const base = assessStaleness(row.lastConfirmedAt, program.staleAfterDays, referenceDate);
  const exempt = row.status === 'LIVE' && program.isRolloutComplete;
  return { ...base, isStale: base.isStale && !exempt, isExemptAsComplete: base.isStale && exempt };
}
