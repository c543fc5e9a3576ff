/**
 * Reading a week's summary: from the archive when it was generated before, otherwise generated
 * now from the history and stored (first read wins; later edits of the history never change a
 * stored week). Used by the page, the API, the mail job and the CLI alike.
 *
 * Which weeks exist: any finished ISO week (Sunday 24:00 Shanghai has passed) that ends on or
 * after the program's start. A malformed or impossible week is VALIDATION; an unknown program, a
 * week not finished yet or one before the start is NOT_FOUND.
 */
import { authorize } from '../auth/permissions';
import type { Viewer } from '../auth/viewer';
import type { Db } from '../db';
import { AppError } from '../errors';
import { listPrograms, type ProgramDto } from '../programs/queries';
import type { SummaryArchive } from './archive';
import { buildCrossProgramSummary, buildWeeklySummary } from './build';
import { isWeekFinished, parseIsoWeek, type IsoWeek } from './iso-week';
import { loadSummaryInput } from './load';
import {
  ALL_PROGRAMS_SCOPE,
  SUMMARY_GENERATOR_VERSION,
  type CrossProgramSummary,
  type ProgramWeekSummary,
  type StoredSummary,
} from './types';

export interface SummaryRequest {
  week: IsoWeek;
  /** The programs the summary covers, in display order. */
  programs: ProgramDto[];
  /** A program slug, or ALL_PROGRAMS_SCOPE. */
  scope: string;
}

/** Checks a requested week (and program) and names the programs it covers. */
export async function resolveSummaryRequest(
  db: Db,
  weekId: string,
  slug: string | null,
  now: Date,
): Promise<SummaryRequest> {
  const week = parseIsoWeek(weekId);
  if (!week) {
    throw new AppError('VALIDATION', 'week must be an ISO week such as 2021-W39', { issues: [{ path: 'week', code: 'isoWeek' }] });
  }
  if (!isWeekFinished(week, now)) throw new AppError('NOT_FOUND', `week ${week.id} has not ended yet`);
  const all = await listPrograms(db);
  if (slug !== null) {
    const program = all.find((p) => p.slug === slug);
    if (!program) throw new AppError('NOT_FOUND', `no program ${slug.slice(0, 64)}`);
    if (week.end < program.startDate) throw new AppError('NOT_FOUND', `program ${slug} starts on ${program.startDate}, after ${week.id}`);
    return { week, programs: [program], scope: program.slug };
  }
  const programs = all.filter((p) => p.startDate <= week.end);
  if (programs.length === 0) throw new AppError('NOT_FOUND', `no program had started by the end of ${week.id}`);
  return { week, programs, scope: ALL_PROGRAMS_SCOPE };
}

export interface GenerateOptions {
  now?: Date;
}

export interface GeneratedSummary<T> {
  summary: StoredSummary<T>;
  /** True when this call generated and stored it; false when it was in the archive already. */
  created: boolean;
}

export async function getOrGenerateProgramSummary(
  db: Db,
  archive: SummaryArchive,
  week: IsoWeek,
  program: ProgramDto,
  { now = new Date() }: GenerateOptions = {},
): Promise<GeneratedSummary<ProgramWeekSummary>> {
  const existing = await archive.find(week.id, program.slug);
  if (existing) return { summary: existing as StoredSummary<ProgramWeekSummary>, created: false };
  const input = await loadSummaryInput(db, week, program.slug);
  if (!input) throw new AppError('NOT_FOUND', `no program ${program.slug}`);
  const { stored, created } = await archive.insertIfAbsent({
    week: week.id,
    scope: program.slug,
    payload: buildWeeklySummary(input),
    generatedAt: now.toISOString(),
    generatorVersion: SUMMARY_GENERATOR_VERSION,
  });
  return { summary: stored as StoredSummary<ProgramWeekSummary>, created };
}

/**
 * The summary across programs. Each program's part is its own stored summary (generated first
 * when missing), so `?program=` and the executives' page always show the same numbers.
 */
export async function getOrGenerateCrossProgramSummary(
  db: Db,
  archive: SummaryArchive,
  week: IsoWeek,
  programs: readonly ProgramDto[],
  options: GenerateOptions = {},
): Promise<GeneratedSummary<CrossProgramSummary>> {
  const existing = await archive.find(week.id, ALL_PROGRAMS_SCOPE);
  if (existing) return { summary: existing as StoredSummary<CrossProgramSummary>, created: false };
  const parts: ProgramWeekSummary[] = [];
  // One after another: each part runs several queries of its own, and SQLite has one writer.
  for (const program of programs) parts.push((await getOrGenerateProgramSummary(db, archive, week, program, options)).summary.payload);
  const { stored, created } = await archive.insertIfAbsent({
    week: week.id,
    scope: ALL_PROGRAMS_SCOPE,
    payload: buildCrossProgramSummary(week, parts),
    generatedAt: (options.now ?? new Date()).toISOString(),
    generatorVersion: SUMMARY_GENERATOR_VERSION,
  });
  return { summary: stored as StoredSummary<CrossProgramSummary>, created };
}

/** Resolves and reads (or generates) a summary: the one entry point of the page, the API and the CLI. */
export async function readWeeklySummary(
  db: Db,
  archive: SummaryArchive,
  weekId: string,
  slug: string | null,
  { now = new Date() }: GenerateOptions = {},
): Promise<{ request: SummaryRequest; summary: StoredSummary<CrossProgramSummary> | StoredSummary<ProgramWeekSummary>; created: boolean }> {
  const request = await resolveSummaryRequest(db, weekId, slug, now);
  if (request.scope === ALL_PROGRAMS_SCOPE) {
    const { summary, created } = await getOrGenerateCrossProgramSummary(db, archive, request.week, request.programs, { now });
    return { request, summary, created };
  }
  const { summary, created } = await getOrGenerateProgramSummary(db, archive, request.week, request.programs[0]!, { now });
  return { request, summary, created };
}

/**
 * The same, for a person: the page, the PDF and the API call this. Summaries are part of
 * "coverage.read" (every role); the check is here so no caller can forget it.
 */
export async function readWeeklySummaryAs(
  db: Db,
  archive: SummaryArchive,
  viewer: Viewer,
  weekId: string,
  slug: string | null,
  options: GenerateOptions = {},
): ReturnType<typeof readWeeklySummary> {
  authorize(viewer, 'coverage.read');
  return readWeeklySummary(db, archive, weekId, slug, options);
}

export function isCrossProgramSummary(payload: CrossProgramSummary | ProgramWeekSummary): payload is CrossProgramSummary {
  return 'lines' in payload;
}

/** A single program's summary as a one-program cross summary, so every view renders one shape. */
export function asCrossProgramSummary(payload: CrossProgramSummary | ProgramWeekSummary): CrossProgramSummary {
  if (isCrossProgramSummary(payload)) return payload;
  const week = parseIsoWeek(payload.week);
  if (!week) throw new RangeError(`stored summary has a bad week: ${payload.week}`);
  return buildCrossProgramSummary(week, [payload]);
}
