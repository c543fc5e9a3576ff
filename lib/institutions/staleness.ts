/**
 * When a status row is flagged stale ("not confirmed recently").
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
import { assessStaleness, type Staleness } from '../history/format';

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
