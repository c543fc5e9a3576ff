/**
 * The weekly summary of one program, from plain data (pure: no database, no clock, no language).
 * lib/summary/load.ts gathers the input; the same input always gives the same summary, so a test
 * can replay any week from fixtures and the archive stores exactly what this returns.
 *
 * Rules, all relative to the week's end (Sunday 24:00 Shanghai) and the previous week's end:
 * - coverage and counts: as getCoverageAsOf(week end); the change is against the previous end;
 * - went live: live at this end, not at the previous one (so live = previous + went live - left);
 * - setbacks: newly PAUSED, or an earlier stage than a week before (LIVE to IN_PROGRESS, ...);
 * - stale partners (institution programs): assessRowStaleness of lib/institutions/staleness.ts at
 *   the week's end, the institutions matrix's rule (so a finished rollout has no stale partners);
 * - provinces furthest behind: lowest share live among those not complete, larger gap first on ties;
 * - milestones: done during the week; missed = still open with the due date passed; due = open
 *   and due within UPCOMING_MILESTONE_DAYS;
 * - projection: projectSeries of lib/coverage/series.ts, the dashboard's and the API's rule.
 */
import { projectSeries, type CoverageSeriesDto } from '../coverage/series';
import type { CoverageDto } from '../coverage/queries';
import type { RolloutStatus } from '../generated/sqlite/client';
import type { AnnotationDto, MilestoneDto } from '../programs/annotations';
import type { ProgramDto } from '../programs/queries';
import { assessRowStaleness, isRolloutComplete } from '../institutions/staleness';
import { addDays, daysBetween, toShanghaiDate } from '../time';
import type { IsoWeek } from './iso-week';
import {
  PROVINCES_BEHIND_LIMIT,
  UPCOMING_MILESTONE_DAYS,
  type CrossProgramSummary,
  type NamedEntity,
  type ProgramWeekSummary,
  type ProvinceRatio,
  type StalePartner,
  type StatusSetback,
  type SummaryLine,
  type SummaryMilestone,
  type SummaryProjection,
  type SummaryWarning,
} from './types';

export interface SummaryEntityInput extends NamedEntity {
  /** Status at the end of the week. */
  status: RolloutStatus;
  /** Status at the end of the previous week. */
  previousStatus: RolloutStatus;
  /** The latest history row (write or confirmation) by the week's end; null when none. */
  lastConfirmedAt: Date | null;
}

export interface SummaryInput {
  week: IsoWeek;
  program: ProgramDto;
  /** getCoverageAsOf(program, week.end). */
  coverage: CoverageDto;
  /** getCoverageAsOf(program, previous week's end). */
  previousCoverage: CoverageDto;
  /** getCoverageSeries(program, { asOf: week.end }). */
  series: CoverageSeriesDto;
  /** Every entity in the program's scope (none for PERCENT programs). */
  entities: SummaryEntityInput[];
  /** listMilestones(program, { asOf: week.end }). */
  milestones: MilestoneDto[];
  /** listAnnotations(program, { until: week.end }). */
  annotations: AnnotationDto[];
}

/** Progress order; PAUSED is handled on its own. */
const STAGE: Readonly<Record<Exclude<RolloutStatus, 'PAUSED'>, number>> = {
  NOT_STARTED: 0,
  PLANNED: 1,
  IN_PROGRESS: 2,
  PILOT: 3,
  LIVE: 4,
};

export function classifySetback(from: RolloutStatus, to: RolloutStatus): StatusSetback['kind'] | null {
  if (from === to) return null;
  if (to === 'PAUSED') return 'PAUSED';
  if (from === 'PAUSED') return null;
  return STAGE[to] < STAGE[from] ? 'BACKWARD' : null;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function byCode<T extends { code: string }>(a: T, b: T): number {
  return a.code.localeCompare(b.code);
}

function named({ code, nameZh, nameEn }: NamedEntity): NamedEntity {
  return { code, nameZh, nameEn };
}

export function findStalePartners(
  entities: readonly SummaryEntityInput[],
  staleAfterDays: number,
  weekEnd: string,
): StalePartner[] {
  const program = { staleAfterDays, isRolloutComplete: isRolloutComplete(entities.map((e) => e.status)) };
  const stale: StalePartner[] = [];
  for (const e of entities) {
    const { isStale, daysSinceConfirmed } = assessRowStaleness(e, program, weekEnd);
    if (!isStale) continue;
    const lastConfirmedOn = e.lastConfirmedAt && toShanghaiDate(e.lastConfirmedAt);
    stale.push({ ...named(e), status: e.status, lastConfirmedOn, daysSinceConfirmed });
  }
  // Never confirmed first, then the longest silence.
  return stale.sort(
    (a, b) => (b.daysSinceConfirmed ?? Infinity) - (a.daysSinceConfirmed ?? Infinity) || a.code.localeCompare(b.code),
  );
}

export function pickProvincesBehind(provinces: readonly ProvinceRatio[], limit = PROVINCES_BEHIND_LIMIT): ProvinceRatio[] {
  return provinces
    .filter((p) => p.percent !== null && p.percent < 100)
    .sort(
      (a, b) =>
        (a.percent ?? 0) - (b.percent ?? 0) ||
        b.denominator - b.live - (a.denominator - a.live) ||
        a.code.localeCompare(b.code),
    )
    .slice(0, limit);
}

export function classifyMilestones(milestones: readonly MilestoneDto[], week: IsoWeek): ProgramWeekSummary['milestones'] {
  const horizon = addDays(week.end, UPCOMING_MILESTONE_DAYS);
  const done: SummaryMilestone[] = [];
  const missed: SummaryMilestone[] = [];
  const due: SummaryMilestone[] = [];
  for (const m of milestones) {
    const base = { titleZh: m.titleZh, titleEn: m.titleEn, dueDate: m.dueDate, doneDate: m.doneDate };
    if (m.doneDate !== null && m.doneDate > week.end) throw new RangeError('milestones must be read as of the week end');
    if (m.doneDate !== null) {
      if (m.doneDate >= week.start) done.push({ ...base, daysLate: Math.max(0, daysBetween(m.dueDate, m.doneDate)) });
    } else if (m.dueDate <= week.end) {
      missed.push({ ...base, daysLate: daysBetween(m.dueDate, week.end) });
    } else if (m.dueDate <= horizon) {
      due.push({ ...base, daysLate: 0 });
    }
  }
  return { done, missed, due };
}

export function toSummaryProjection(series: CoverageSeriesDto): SummaryProjection | null {
  const projection = projectSeries(series);
  if (!projection) return null;
  const early = projection.completionDate ? daysBetween(projection.completionDate, projection.targetDate) : 0;
  return { ...projection, daysEarly: Math.max(0, early) };
}

export function projectionWarning(projection: SummaryProjection | null): SummaryWarning | null {
  if (!projection || projection.health === 'COMPLETE') return null;
  const { targetDate } = projection;
  if (projection.reason === 'NO_PROGRESS') return { kind: 'NO_PROGRESS', targetDate, windowWeeks: projection.windowWeeks };
  if (projection.completionDate === null) return { kind: 'TOO_FAR', targetDate };
  if ((projection.daysLate ?? 0) > 0) {
    return { kind: 'LATE', completionDate: projection.completionDate, targetDate, daysLate: projection.daysLate ?? 0 };
  }
  return null;
}

export function buildWeeklySummary(input: SummaryInput): ProgramWeekSummary {
  const { week, program, coverage, previousCoverage, series, entities } = input;
  if (coverage.asOf !== week.end) throw new RangeError(`coverage is as of ${coverage.asOf}, not the week end ${week.end}`);
  if (series.asOf !== week.end) throw new RangeError(`series is as of ${series.asOf}, not the week end ${week.end}`);

  const wentLive = entities.filter((e) => e.status === 'LIVE' && e.previousStatus !== 'LIVE').map(named).sort(byCode);
  const setbacks: StatusSetback[] = [];
  for (const e of entities) {
    const kind = classifySetback(e.previousStatus, e.status);
    if (kind) setbacks.push({ ...named(e), from: e.previousStatus, to: e.status, kind });
  }
  setbacks.sort(byCode);

  const provinces: ProvinceRatio[] = coverage.provinces.map((p) => ({
    code: p.code,
    nameZh: p.name,
    nameEn: p.nameEn,
    live: p.live,
    denominator: p.denominator,
    percent: p.percent,
  }));

  const metric =
    coverage.metric && previousCoverage.metric
      ? {
          value: coverage.metric.value,
          date: coverage.metric.date,
          previousValue: previousCoverage.metric.value,
          change:
            coverage.metric.value !== null && previousCoverage.metric.value !== null
              ? round1(coverage.metric.value - previousCoverage.metric.value)
              : null,
          target: coverage.metric.target,
          isIllustrative: coverage.metric.isIllustrative,
          sourceNote: coverage.metric.sourceNote,
        }
      : null;

  const projection = toSummaryProjection(series);
  const ratio = (r: { live: number; denominator: number; percent: number | null }) => ({
    live: r.live,
    denominator: r.denominator,
    percent: r.percent,
  });

  return {
    week: week.id,
    weekStart: week.start,
    weekEnd: week.end,
    program: {
      slug: program.slug,
      nameZh: program.nameZh,
      nameEn: program.nameEn,
      unit: program.unit,
      scopeRule: program.scopeRule,
      startDate: program.startDate,
      baselineTargetDate: program.baselineTargetDate,
      targetDate: series.targetDate,
      targetValue: program.targetValue,
      isIllustrative: program.isIllustrative,
      source: program.source,
    },
    coverage: ratio(coverage),
    previous: ratio(previousCoverage),
    change: {
      live: coverage.live - previousCoverage.live,
      percentPoints:
        coverage.percent !== null && previousCoverage.percent !== null ? round1(coverage.percent - previousCoverage.percent) : null,
    },
    counts: { ...coverage.counts },
    metric,
    liveCodes: entities.filter((e) => e.status === 'LIVE').map((e) => e.code).sort(),
    wentLive,
    setbacks,
    stalePartners: program.unit === 'INSTITUTION' ? findStalePartners(entities, program.staleAfterDays, week.end) : null,
    staleAfterDays: program.staleAfterDays,
    provinces,
    provincesBehind: pickProvincesBehind(provinces),
    milestones: classifyMilestones(input.milestones, week),
    annotations: input.annotations
      .filter((a) => a.date >= week.start && a.date <= week.end)
      .map((a) => ({
        date: a.date,
        titleZh: a.titleZh,
        titleEn: a.titleEn,
        sourceNote: a.sourceNote,
        sourceUrl: a.sourceUrl,
        isIllustrative: a.isIllustrative,
      })),
    projection,
    warning: projectionWarning(projection),
    series,
  };
}

export function toSummaryLine(s: ProgramWeekSummary): SummaryLine {
  return {
    slug: s.program.slug,
    nameZh: s.program.nameZh,
    nameEn: s.program.nameEn,
    unit: s.program.unit,
    coverage: s.coverage,
    change: s.change,
    metric: s.metric ? { value: s.metric.value, change: s.metric.change, target: s.metric.target } : null,
    wentLive: s.wentLive.length,
    setbacks: s.setbacks.length,
    health: s.projection?.health ?? null,
    healthReason: s.projection?.reason ?? null,
    completionDate: s.projection?.completionDate ?? null,
    targetDate: s.program.targetDate,
    daysLate: s.projection?.daysLate ?? null,
    daysEarly: s.projection?.daysEarly ?? 0,
  };
}

/** The executives' summary: the programs' own summaries, unchanged, under one line each. */
export function buildCrossProgramSummary(week: IsoWeek, programs: readonly ProgramWeekSummary[]): CrossProgramSummary {
  for (const p of programs) {
    if (p.week !== week.id) throw new RangeError(`program ${p.program.slug} summarises ${p.week}, not ${week.id}`);
  }
  return { week: week.id, weekStart: week.start, weekEnd: week.end, lines: programs.map(toSummaryLine), programs: [...programs] };
}
