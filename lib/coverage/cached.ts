/**
 * The dashboard's coverage view (a program as of a date, optionally one province's cities or
 * every city) from the cache of answers keyed by the program's history version
 * (lib/coverage/history-cache.ts, decision 040): the dashboard page and /api/coverage read it
 * through here, the partner API through lib/api/queries.ts, all on the same version and cache.
 *
 * A write by any path (form, partner API, CSV import, CLI, another instance) moves the version, so
 * the next read recomputes; until then a request costs the version's few indexed reads instead of
 * replaying the history. Cached values are shared between requests: callers must not mutate them.
 */
import 'server-only';
import type { Db } from '../db';
import { readThroughHistoryCache, type CachedAnswer } from './history-cache';
import {
  getCoverageAsOf,
  getLastChangeDate,
  getNationalCitiesAsOf,
  getProvinceCitiesAsOf,
  type CityCoverageDto,
  type CoverageDto,
  type ProvinceDrillDto,
} from './queries';
import { getCoverageSeriesSource, type SeriesSourceDto } from './series';

export interface CoverageViewAnswer {
  coverage: CoverageDto;
  /** The province's cities when one was asked for; null when none was, or it is not in the map. */
  drill: ProvinceDrillDto | null;
  /** Every city's status, only when the national city layer was asked for. */
  cities: CityCoverageDto[] | null;
}

export interface CoverageViewRequest {
  asOf: string;
  province?: string | null;
  /** Every city's status too (the national city layer). */
  withCities?: boolean;
}

/** The view with its ETag; null when there is no program `slug`. */
export function getCachedCoverageView(db: Db, slug: string, request: CoverageViewRequest): Promise<CachedAnswer<CoverageViewAnswer> | null> {
  const province = request.province ?? null;
  const withCities = Boolean(request.withCities);
  const key = `coverage-view|${request.asOf}|${province ?? ''}|${withCities ? 'cities' : ''}`;
  return readThroughHistoryCache(db, slug, key, async () => {
    const [coverage, drill, cities] = await Promise.all([
      getCoverageAsOf(db, slug, request.asOf),
      province ? getProvinceCitiesAsOf(db, slug, province, request.asOf) : null,
      withCities ? getNationalCitiesAsOf(db, slug, request.asOf) : null,
    ]);
    return coverage ? { coverage, drill, cities } : null;
  });
}

export interface DashboardAnswer {
  coverage: CoverageDto;
  drill: ProvinceDrillDto | null;
  /** What the burn-up, its table and the projection are built from, up to `seriesEnd`. */
  series: SeriesSourceDto | null;
  /** The date of the program's latest change (where the timeline ends). */
  lastChange: string | null;
}

/**
 * Everything the dashboard shows of one program's history, under one read of its history version:
 * the coverage view, the series source and the date of the last change. While nothing is written
 * a dashboard request costs that version's few indexed reads, not the nine queries and the rows
 * behind them. The series and the last change depend on nothing the version does not cover
 * (status rows and their history, the program's settings and re-planned targets, metric points).
 */
export async function getCachedDashboardView(
  db: Db,
  slug: string,
  request: { asOf: string; province?: string | null; seriesEnd: string },
): Promise<DashboardAnswer | null> {
  const province = request.province ?? null;
  const key = `dashboard|${request.asOf}|${province ?? ''}|${request.seriesEnd}`;
  const answer = await readThroughHistoryCache(db, slug, key, async () => {
    const [coverage, drill, series, lastChange] = await Promise.all([
      getCoverageAsOf(db, slug, request.asOf),
      province ? getProvinceCitiesAsOf(db, slug, province, request.asOf) : null,
      getCoverageSeriesSource(db, slug, { end: request.seriesEnd }),
      getLastChangeDate(db, slug),
    ]);
    return coverage ? { coverage, drill, series, lastChange } : null;
  });
  return answer?.value ?? null;
}
