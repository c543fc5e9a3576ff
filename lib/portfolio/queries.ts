/**
 * Reads for the program portfolio: each program's burn-up source and the staleness of its status
 * rows on the date, turned into rows sorted by risk by lib/portfolio/model.ts.
 *
 * Staleness follows the one rule of lib/institutions/staleness.ts. On today (or later) it reads the
 * rows as they are, like the institutions page; for a past date it replays the history: the
 * status then, and the last change before the end of that day as the last confirmation.
 *
 * Every role may read it ('coverage.read'): counts and dates only.
 */
import 'server-only';
import { authorize } from '../auth/permissions';
import type { Viewer } from '../auth/viewer';
import { queryStatusesAsOf } from '../coverage/as-of-sql';
import { getCoverageSeriesSource } from '../coverage/series';
import type { Db } from '../db';
import type { EntityType, RolloutStatus } from '../generated/sqlite/enums';
import { assessRowStaleness, isRolloutComplete } from '../institutions/staleness';
import { listPrograms, programHeading, type ProgramDto } from '../programs/queries';
import { endOfShanghaiDay, todayInShanghai } from '../time';
import { buildPortfolio, type PortfolioDto, type PortfolioProgramSource, type StaleCount } from './model';

interface RowState {
  status: RolloutStatus;
  lastConfirmedAt: Date | null;
}

async function currentRows(db: Db, programId: string, entityType: EntityType): Promise<RowState[]> {
  const select = { status: true, lastConfirmedAt: true } as const;
  return entityType === 'CITY'
    ? db.cityStatus.findMany({ where: { programId }, select })
    : db.institutionStatus.findMany({ where: { programId }, select });
}

async function replayedRows(db: Db, programId: string, entityType: EntityType, asOf: string): Promise<RowState[]> {
  const before = endOfShanghaiDay(asOf);
  const codes =
    entityType === 'CITY'
      ? (await db.cityStatus.findMany({ where: { programId }, select: { cityCode: true } })).map((r) => r.cityCode)
      : (await db.institutionStatus.findMany({ where: { programId }, select: { institutionCode: true } })).map((r) => r.institutionCode);
  const [statuses, lastChanges] = await Promise.all([
    queryStatusesAsOf(db, programId, entityType, before),
    db.statusChange.groupBy({
      by: ['entityCode'],
      where: { programId, entityType, changedAt: { lt: before } },
      _max: { changedAt: true },
    }),
  ]);
  const confirmed = new Map(lastChanges.map((c) => [c.entityCode, c._max.changedAt]));
  return codes.map((code) => ({ status: statuses.get(code) ?? 'NOT_STARTED', lastConfirmedAt: confirmed.get(code) ?? null }));
}

async function countStale(db: Db, program: ProgramDto & { id: string }, asOf: string, today: string): Promise<StaleCount | null> {
  if (program.unit === 'PERCENT' || asOf < program.startDate) return null;
  const rows = asOf >= today ? await currentRows(db, program.id, program.unit) : await replayedRows(db, program.id, program.unit, asOf);
  const context = { staleAfterDays: program.staleAfterDays, isRolloutComplete: isRolloutComplete(rows.map((r) => r.status)) };
  return { stale: rows.filter((r) => assessRowStaleness(r, context, asOf).isStale).length, rows: rows.length };
}

export async function getPortfolio(
  db: Db,
  viewer: Viewer,
  asOf: string,
  options: { today?: string } = {},
): Promise<PortfolioDto> {
  authorize(viewer, 'coverage.read');
  const today = options.today ?? todayInShanghai();
  const programs = await listPrograms(db);
  const ids = new Map((await db.program.findMany({ select: { id: true, slug: true } })).map((p) => [p.slug, p.id]));
  const sources = await Promise.all(
    programs.map(async (p): Promise<PortfolioProgramSource | null> => {
      const id = ids.get(p.slug);
      if (!id) return null;
      const [series, staleness] = await Promise.all([
        getCoverageSeriesSource(db, p.slug, { end: asOf }),
        countStale(db, { ...p, id }, asOf, today),
      ]);
      if (!series) return null;
      return {
        program: {
          ...programHeading(p),
          baselineTargetDate: p.baselineTargetDate,
          staleAfterDays: p.staleAfterDays,
        },
        series,
        staleness,
      };
    }),
  );
  return buildPortfolio(sources.filter((s) => s !== null), asOf);
}
