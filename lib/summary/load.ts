/**
 * Gathers the input of buildWeeklySummary for one program and one ISO week from the stored
 * history, through the same queries as the dashboard and the API (getCoverageAsOf,
 * getCoverageSeries, listMilestones, listAnnotations), so the summary's numbers are theirs.
 *
 * No `server-only` here: the CLI (`npm run cli -- summary ...`) runs this under tsx.
 */
import type { Db } from '../db';
import { queryStatusesAsOf } from '../coverage/as-of-sql';
import { getCoverageAsOf } from '../coverage/queries';
import { getCoverageSeries } from '../coverage/series';
import { listAnnotations, listMilestones } from '../programs/annotations';
import { getProgramBySlug } from '../programs/queries';
import { addDays, endOfShanghaiDay } from '../time';
import type { SummaryEntityInput, SummaryInput } from './build';
import type { IsoWeek } from './iso-week';

async function listScopeEntities(db: Db, programId: string, unit: 'CITY' | 'INSTITUTION') {
  if (unit === 'CITY') {
    const rows = await db.cityStatus.findMany({
      where: { programId },
      select: { city: { select: { code: true, name: true, nameEn: true } } },
      orderBy: { cityCode: 'asc' },
    });
    return rows.map((r) => ({ code: r.city.code, nameZh: r.city.name, nameEn: r.city.nameEn }));
  }
  const rows = await db.institutionStatus.findMany({
    where: { programId },
    select: { institution: { select: { code: true, nameZh: true, nameEn: true } } },
    orderBy: { institutionCode: 'asc' },
  });
  return rows.map((r) => ({ code: r.institution.code, nameZh: r.institution.nameZh, nameEn: r.institution.nameEn }));
}

/** Each entity's latest history row before `before` (every write and confirmation leaves one). */
async function lastConfirmations(db: Db, programId: string, before: Date): Promise<Map<string, Date>> {
  const groups = await db.statusChange.groupBy({
    by: ['entityCode'],
    where: { programId, entityType: 'INSTITUTION', changedAt: { lt: before } },
    _max: { changedAt: true },
  });
  const dates = new Map<string, Date>();
  for (const g of groups) if (g._max.changedAt) dates.set(g.entityCode, g._max.changedAt);
  return dates;
}

/** Null for an unknown program. Weeks before the program's start are the caller's concern. */
export async function loadSummaryInput(db: Db, week: IsoWeek, slug: string): Promise<SummaryInput | null> {
  const [found, program] = await Promise.all([
    db.program.findUnique({ where: { slug }, select: { id: true } }),
    getProgramBySlug(db, slug),
  ]);
  if (!found || !program) return null;
  const previousEnd = addDays(week.end, -7);
  const [coverage, previousCoverage, series, milestones, annotations] = await Promise.all([
    getCoverageAsOf(db, slug, week.end),
    getCoverageAsOf(db, slug, previousEnd),
    getCoverageSeries(db, slug, { asOf: week.end }),
    listMilestones(db, slug, { asOf: week.end }),
    listAnnotations(db, slug, { until: week.end }),
  ]);
  if (!coverage || !previousCoverage || !series) return null;

  let entities: SummaryEntityInput[] = [];
  if (program.unit !== 'PERCENT') {
    const end = endOfShanghaiDay(week.end);
    const [scope, now, before, confirmed] = await Promise.all([
      listScopeEntities(db, found.id, program.unit),
      queryStatusesAsOf(db, found.id, program.unit, end),
      queryStatusesAsOf(db, found.id, program.unit, endOfShanghaiDay(previousEnd)),
      program.unit === 'INSTITUTION' ? lastConfirmations(db, found.id, end) : new Map<string, Date>(),
    ]);
    entities = scope.map((e) => ({
      ...e,
      status: now.get(e.code) ?? 'NOT_STARTED',
      previousStatus: before.get(e.code) ?? 'NOT_STARTED',
      lastConfirmedAt: confirmed.get(e.code) ?? null,
    }));
  }
  return { week, program, coverage, previousCoverage, series, entities, milestones, annotations };
}
