/**
 * The who-scans-whom matrix as pure data: rows are the paying rails, columns the accepting rails,
 * and each cell lists the programs that link the two in the chosen mode, with their coverage as of
 * a date. No database here, so the browser rebuilds the matrix for any date while the user scrubs
 * the timeline, from the same source the server read once (lib/matrix/queries.ts).
 *
 * Coverage, health and completion come from the burn-up's own model (lib/coverage/series-model.ts),
 * so a cell always says what the program's dashboard and the partner API say for that date.
 */
import {
  buildCoverageSeries,
  listWeeklyDates,
  projectSeries,
  sampleSteps,
  type LiveStepDto,
  type SeriesSourceDto,
} from '../coverage/series-model';
import type { Health } from '../coverage/projection';
import { toPercent } from '../coverage/summarise';
import type { InteropMode } from '../generated/sqlite/enums';
import type { ProgramDirectionDto, RailDto } from '../programs/directions';
import type { ProgramHeading } from '../programs/queries';

/** At most this many points in a cell's sparkline (weekly values, thinned evenly). */
export const SPARKLINE_POINTS = 40;

export type MatrixProgramInfo = ProgramHeading;

/** One institution of an institution program, with the days it entered (1) or left (0) LIVE. */
export interface MatrixMemberSource {
  code: string;
  nameZh: string;
  nameEn: string;
  steps: LiveStepDto[];
}

export interface MatrixProgramSource {
  program: MatrixProgramInfo;
  direction: ProgramDirectionDto;
  series: SeriesSourceDto;
  /** Institution programs only: every enrolled institution (empty otherwise). */
  members: MatrixMemberSource[];
}

/** Everything the matrix is built from, complete up to the end of `end`. */
export interface MatrixSourceDto {
  end: string;
  rails: RailDto[];
  programs: MatrixProgramSource[];
}

/** A program as one cell shows it on the matrix's date. */
export interface MatrixCellProgramDto extends MatrixProgramInfo {
  /** False before the program's start date: the cell names it but shows no figures. */
  isStarted: boolean;
  /** Count programs: live cities or institutions and the denominator; null for a metric. */
  live: number | null;
  denominator: number | null;
  /** live / denominator, or the metric's value, in percent (one decimal); null when unknown. */
  percent: number | null;
  /** Metric programs: the target share in percent. */
  targetValue: number | null;
  /** The day the goal was reached (every row live, or the metric at its target), when it is. */
  completedOn: string | null;
  health: Health | null;
  /** Projected completion (or actual, when complete); null when there is nothing to project. */
  completionDate: string | null;
  /** Target date in force on the matrix's date. */
  targetDate: string;
  /** Percent of the goal at each weekly step from the start to the date, at most SPARKLINE_POINTS. */
  sparkline: number[];
}

export interface MatrixCellDto {
  acceptor: string;
  /** The paying and accepting rail are the same: the rail's own business, not interoperability. */
  isSameRail: boolean;
  /** Empty when no program covers this direction in this mode. */
  programs: MatrixCellProgramDto[];
}

/** One institution of a grouped rail (bank apps), live or not in each cell's programs. */
export interface MatrixInstitutionRowDto {
  code: string;
  nameZh: string;
  nameEn: string;
  cells: Array<{ acceptor: string; programs: Array<{ slug: string; isLive: boolean; liveSince: string | null }> }>;
}

export interface MatrixRowDto {
  payer: string;
  cells: MatrixCellDto[];
  /** For a rail that groups institutions: one row per institution enrolled in this row's programs. */
  institutions: MatrixInstitutionRowDto[];
}

export interface MatrixDto {
  asOf: string;
  mode: InteropMode;
  /** Rows and columns alike, in reference order. */
  rails: RailDto[];
  rows: MatrixRowDto[];
}

/** Evenly thinned to at most `max` values, always keeping the last. */
export function thin(values: readonly number[], max: number): number[] {
  if (values.length <= max) return [...values];
  const out: number[] = [];
  for (let i = 0; i < max; i++) out.push(values[Math.round((i * (values.length - 1)) / (max - 1))]!);
  return out;
}

/** The value of a 0/1 live step function at the end of a date, and since when it has held. */
function memberLiveAt(steps: readonly LiveStepDto[], asOf: string): { isLive: boolean; liveSince: string | null } {
  let isLive = false;
  let liveSince: string | null = null;
  for (const s of steps) {
    if (s.date > asOf) break;
    isLive = s.live > 0;
    liveSince = isLive ? s.date : null;
  }
  return { isLive, liveSince };
}

/** One program's figures on a date, from its series source (the dashboard's model). */
export function describeProgramAsOf(source: MatrixProgramSource, asOf: string): MatrixCellProgramDto {
  const { program } = source;
  const series = buildCoverageSeries(source.series, asOf);
  const isStarted = asOf >= program.startDate;
  const projection = isStarted ? projectSeries(series) : null;
  const weekly = listWeeklyDates(program.startDate, asOf);
  if (series.kind === 'METRIC') {
    const values = sampleSteps(series.points.map((p) => ({ date: p.date, value: p.value })), weekly);
    const last = series.points.at(-1) ?? null;
    return {
      ...program,
      isStarted,
      live: null,
      denominator: null,
      percent: last ? last.value : null,
      targetValue: series.targetValue,
      completedOn: projection?.health === 'COMPLETE' ? projection.completionDate : null,
      health: projection?.health ?? null,
      completionDate: projection?.completionDate ?? null,
      targetDate: series.targetDate,
      sparkline: isStarted ? thin(values, SPARKLINE_POINTS) : [],
    };
  }
  const live = series.steps.at(-1)?.live ?? 0;
  const values = sampleSteps(series.steps.map((s) => ({ date: s.date, value: s.live })), weekly).map(
    (v) => toPercent(v, series.denominator) ?? 0,
  );
  return {
    ...program,
    isStarted,
    live,
    denominator: series.denominator,
    percent: toPercent(live, series.denominator),
    targetValue: null,
    completedOn: series.completedOn,
    health: projection?.health ?? null,
    completionDate: projection?.completionDate ?? null,
    targetDate: series.targetDate,
    sparkline: isStarted ? thin(values, SPARKLINE_POINTS) : [],
  };
}

/** The matrix for a date and mode. Pure; runs on the server and in the browser alike. */
export function buildMatrix(source: MatrixSourceDto, asOf: string, mode: InteropMode): MatrixDto {
  const inMode = source.programs.filter((p) => p.direction.mode === mode);
  const described = new Map(inMode.map((p) => [p.program.slug, describeProgramAsOf(p, asOf)]));
  const rows = source.rails.map((payer): MatrixRowDto => {
    const linking = (acceptor: string) =>
      inMode.filter((p) => p.direction.payers.includes(payer.code) && p.direction.acceptors.includes(acceptor));
    const cells = source.rails.map((acceptor) => ({
      acceptor: acceptor.code,
      isSameRail: acceptor.code === payer.code,
      programs: linking(acceptor.code).map((p) => described.get(p.program.slug)!),
    }));
    const institutions: MatrixInstitutionRowDto[] = [];
    if (payer.groupsInstitutions) {
      const members = new Map<string, MatrixMemberSource>();
      for (const p of inMode) {
        if (!p.direction.payers.includes(payer.code)) continue;
        for (const m of p.members) if (!members.has(m.code)) members.set(m.code, m);
      }
      for (const m of members.values()) {
        institutions.push({
          code: m.code,
          nameZh: m.nameZh,
          nameEn: m.nameEn,
          cells: source.rails.map((acceptor) => ({
            acceptor: acceptor.code,
            programs: linking(acceptor.code).flatMap((p) => {
              const member = p.members.find((x) => x.code === m.code);
              return member ? [{ slug: p.program.slug, ...memberLiveAt(member.steps, asOf) }] : [];
            }),
          })),
        });
      }
    }
    return { payer: payer.code, cells, institutions };
  });
  return { asOf, mode, rails: source.rails, rows };
}
