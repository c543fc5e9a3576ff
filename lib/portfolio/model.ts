/**
 * The program portfolio as pure data: one row per program on a date, with its progress against the
 * stated denominator, health, target dates, projected completion, the change over the last week and
 * the staleness of its partner reports, sorted by risk. Figures come from the burn-up's model
 * (lib/coverage/series-model.ts), so a row says what the program's dashboard says.
 */
import { buildCoverageSeries, projectSeries, type SeriesSourceDto } from '../coverage/series-model';
import { valueAt, type Health, type HealthReason } from '../coverage/projection';
import { toPercent } from '../coverage/summarise';
import { addDays } from '../time';
import type { MatrixProgramInfo } from '../matrix/model';

/** Stale partner reports of a program on the date: `stale` of `rows` status rows. */
export interface StaleCount {
  stale: number;
  rows: number;
}

export interface PortfolioProgramSource {
  program: MatrixProgramInfo & { baselineTargetDate: string; staleAfterDays: number };
  series: SeriesSourceDto;
  /** Null for a metric program (no status rows) or before the program's start. */
  staleness: StaleCount | null;
}

export interface PortfolioRowDto extends MatrixProgramInfo {
  isStarted: boolean;
  /** Count programs: live and the denominator; null for a metric. */
  live: number | null;
  denominator: number | null;
  /** live / denominator, or the metric's value, in percent; null when unknown. */
  percent: number | null;
  targetValue: number | null;
  health: Health | null;
  reason: HealthReason | null;
  completionDate: string | null;
  daysLate: number | null;
  baselineTargetDate: string;
  /** Target in force on the date; differs from the baseline once re-planned. */
  targetDate: string;
  isReplanned: boolean;
  /** Gained since 7 days before (cities or institutions, or percentage points of a metric). */
  changeSinceLastWeek: number;
  staleness: StaleCount | null;
  staleAfterDays: number;
}

export interface PortfolioDto {
  asOf: string;
  rows: PortfolioRowDto[];
}

/** Worst first; a program not yet started on the date comes last. */
const HEALTH_RISK: Record<Health, number> = { OFF_TRACK: 0, AT_RISK: 1, ON_TRACK: 2, COMPLETE: 3 };

function riskOf(row: PortfolioRowDto): number {
  if (!row.isStarted) return 5;
  return row.health === null ? 4 : HEALTH_RISK[row.health];
}

/**
 * Risk order: health (off track, at risk, on track, complete, no projection, not started), then
 * the longer delay (no projected date counts as the longest), then the lower progress, then slug.
 */
export function compareRisk(a: PortfolioRowDto, b: PortfolioRowDto): number {
  const late = (r: PortfolioRowDto) => (r.health === 'COMPLETE' ? -1 : (r.daysLate ?? Number.MAX_SAFE_INTEGER));
  return (
    riskOf(a) - riskOf(b) ||
    late(b) - late(a) ||
    (a.percent ?? 0) - (b.percent ?? 0) ||
    a.slug.localeCompare(b.slug)
  );
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function describePortfolioRow(source: PortfolioProgramSource, asOf: string): PortfolioRowDto {
  const { baselineTargetDate, staleAfterDays, ...program } = source.program;
  const series = buildCoverageSeries(source.series, asOf);
  const isStarted = asOf >= program.startDate;
  const projection = isStarted ? projectSeries(series) : null;
  const common = {
    ...program,
    isStarted,
    health: projection?.health ?? null,
    reason: projection?.reason ?? null,
    completionDate: projection?.completionDate ?? null,
    daysLate: projection?.daysLate ?? null,
    baselineTargetDate,
    targetDate: series.targetDate,
    isReplanned: series.targetDate !== baselineTargetDate,
    staleness: isStarted ? source.staleness : null,
    staleAfterDays,
  };
  const weekBefore = addDays(asOf, -7);
  if (series.kind === 'METRIC') {
    const steps = series.points.map((p) => ({ date: p.date, value: p.value }));
    const last = series.points.at(-1) ?? null;
    return {
      ...common,
      live: null,
      denominator: null,
      percent: last ? last.value : null,
      targetValue: series.targetValue,
      changeSinceLastWeek: round1(valueAt(steps, asOf) - valueAt(steps, weekBefore)),
    };
  }
  const steps = series.steps.map((s) => ({ date: s.date, value: s.live }));
  const live = valueAt(steps, asOf);
  return {
    ...common,
    live,
    denominator: series.denominator,
    percent: toPercent(live, series.denominator),
    targetValue: null,
    changeSinceLastWeek: live - valueAt(steps, weekBefore),
  };
}

export function buildPortfolio(sources: readonly PortfolioProgramSource[], asOf: string): PortfolioDto {
  return { asOf, rows: sources.map((s) => describePortfolioRow(s, asOf)).sort(compareRisk) };
}
