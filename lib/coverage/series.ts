/**
 * Coverage over time for the burn-up chart, its table and the projection: weekly points of the
 * live count replayed from the history (the same "latest change before the end of the day wins"
 * rule as getCoverageAsOf), the plan line from the rows' planned dates, and the target in force.
 * PERCENT programs return their metric points instead.
 *
 * Cost: one query for the program, then three at once: the live transitions (a few hundred rows
 * even for a 30,000-row history, see queryLiveTransitions), the status rows and the target
 * changes; everything else is arithmetic in memory, linear in rows + weeks. The queries produce a
 * plain source (getCoverageSeriesSource) that buildCoverageSeries turns into the series for any
 * date up to its end, in the browser too.
 */
import type { Db } from '../db';
import type { EntityType } from '../generated/sqlite/client';
import { programSelect } from '../programs/queries';
import { endOfShanghaiDay, toShanghaiDate } from '../time';
import { queryLiveTransitions } from './as-of-sql';
import {
  buildCoverageSeries,
  planDateOf,
  projectSeries,
  replayLiveSteps,
  type CoverageSeriesDto,
  type ProjectionDto,
  type SeriesSourceBase,
  type SeriesSourceDto,
} from './series-model';

export * from './series-model';

// ---------------------------------------------------------------------------------------------
// Queries.

async function listScopeRows(db: Db, programId: string, entityType: EntityType) {
  if (entityType === 'CITY') {
    const rows = await db.cityStatus.findMany({
      where: { programId },
      select: { cityCode: true, status: true, plannedDate: true, liveDate: true },
    });
    return rows.map((r) => ({ code: r.cityCode, status: r.status, plannedDate: r.plannedDate, liveDate: r.liveDate }));
  }
  const rows = await db.institutionStatus.findMany({
    where: { programId },
    select: { institutionCode: true, status: true, plannedDate: true, liveDate: true },
  });
  return rows.map((r) => ({ code: r.institutionCode, status: r.status, plannedDate: r.plannedDate, liveDate: r.liveDate }));
}

/** The source of a program's series up to the end of a Shanghai date; null for an unknown program. */
export async function getCoverageSeriesSource(db: Db, slug: string, { end }: { end: string }): Promise<SeriesSourceDto | null> {
  const found = await db.program.findUnique({ where: { slug }, select: { id: true, ...programSelect } });
  if (!found) return null;
  const { id, ...program } = found;
  const before = endOfShanghaiDay(end);
  const base = {
    end,
    startDate: program.startDate,
    baselineTargetDate: program.baselineTargetDate,
    targetDate: program.targetDate,
  };

  if (program.unit === 'PERCENT') {
    const [targetChanges, points] = await Promise.all([
      listTargetChanges(db, id),
      db.metricPoint.findMany({
        where: { programId: id, date: { lte: end } },
        select: { date: true, value: true, sourceNote: true, sourceUrl: true, isIllustrative: true },
        orderBy: { date: 'asc' },
      }),
    ]);
    return { kind: 'METRIC', ...base, targetChanges, targetValue: program.targetValue, points };
  }

  const unit = program.unit;
  const [targetChanges, rows, transitions] = await Promise.all([
    listTargetChanges(db, id),
    listScopeRows(db, id, unit),
    queryLiveTransitions(db, id, unit, before),
  ]);
  const steps = replayLiveSteps(
    transitions.map((t) => ({ entityCode: t.entityCode, date: toShanghaiDate(t.changedAt), delta: t.delta })),
    new Set(rows.map((r) => r.code)),
  );
  const planDates = rows
    .map(planDateOf)
    .filter((d): d is string => d !== null)
    .sort();
  return { kind: 'COUNT', unit, ...base, targetChanges, denominator: rows.length, planDates, steps };
}

async function listTargetChanges(db: Db, programId: string): Promise<SeriesSourceBase['targetChanges']> {
  const rows = await db.targetChange.findMany({
    where: { programId },
    select: { fromDate: true, toDate: true, changedAt: true },
    orderBy: { changedAt: 'asc' },
  });
  return rows.map((r) => ({ fromDate: r.fromDate, toDate: r.toDate, changedAt: r.changedAt.toISOString() }));
}

/** The burn-up (or metric) series of a program up to a Shanghai date; null for an unknown program. */
export async function getCoverageSeries(
  db: Db,
  slug: string,
  { asOf }: { asOf: string },
): Promise<CoverageSeriesDto | null> {
  const source = await getCoverageSeriesSource(db, slug, { end: asOf });
  return source ? buildCoverageSeries(source, asOf) : null;
}

/**
 * Projected completion and health of a program as of a date, for the dashboard, the partner API
 * and the weekly summary. Null for an unknown program, a program without scope rows, or a metric
 * without a target value.
 */
export async function getProjection(
  db: Db,
  slug: string,
  asOf: string,
  options: { windowWeeks?: number } = {},
): Promise<ProjectionDto | null> {
  const series = await getCoverageSeries(db, slug, { asOf });
  if (!series) return null;
  const projection = projectSeries(series, options);
  if (!projection) return null;
  return { ...projection, unit: series.kind === 'METRIC' ? 'PERCENT' : series.unit };
}
