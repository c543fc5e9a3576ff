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
import { getCoverageAsOf, getNationalCitiesAsOf, getProvinceCitiesAsOf, type CityCoverageDto, type CoverageDto, type ProvinceDrillDto } from './queries';

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
