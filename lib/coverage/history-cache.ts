/**
 * A cache of answers that depend only on one program's stored history (its coverage as of a past
 * date, the projection), keyed by the program's history version.
 *
 * The history version is read from the database on every use, so a write by any path (form,
 * partner API, CSV import, CLI, another app instance) moves it and the next read recomputes. It is
 * derived from counters the writes already keep, rather than from a shared counter row that every
 * status write would have to lock (which would serialise writers, and deadlock a bulk edit against
 * a single one on PostgreSQL):
 *
 * - every accepted status write raises its row's `version` by exactly 1, so the sum and count of
 *   the program's CityStatus and InstitutionStatus versions grow with every history entry and
 *   every change of scope;
 * - every settings edit and re-planned target raises `Program.version`;
 * - metric points are added (count) and dated (latest date).
 *
 * The version is read before the answer is computed, so a cached answer is never older than the
 * version it is stored under: a write that commits in between raises the version the next reader
 * sees. Entries live in this process, per database client, least recently used first out.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import type { Db } from '../db';

const MAX_ENTRIES = 500;

export interface HistoryVersion {
  programId: string;
  /** Opaque; equal only while no write has touched the program's history. */
  version: string;
}

/** The history version of a program, or null when there is no program `slug`. */
export async function getProgramHistoryVersion(db: Db, slug: string): Promise<HistoryVersion | null> {
  const program = await db.program.findUnique({ where: { slug }, select: { id: true, version: true } });
  if (!program) return null;
  const where = { programId: program.id };
  const [cities, institutions, metric] = await Promise.all([
    db.cityStatus.aggregate({ where, _sum: { version: true }, _count: { _all: true } }),
    db.institutionStatus.aggregate({ where, _sum: { version: true }, _count: { _all: true } }),
    db.metricPoint.aggregate({ where, _count: { _all: true }, _max: { date: true } }),
  ]);
  const parts = [
    program.version,
    cities._count._all,
    cities._sum.version ?? 0,
    institutions._count._all,
    institutions._sum.version ?? 0,
    metric._count._all,
    metric._max.date ?? '',
  ];
  return { programId: program.id, version: parts.join('.') };
}

export interface CachedAnswer<T> {
  value: T;
  /** A strong validator of the answer's JSON, quoted for an `ETag` header. */
  etag: string;
}

const caches = new WeakMap<Db, Map<string, CachedAnswer<unknown>>>();

function cacheOf(db: Db): Map<string, CachedAnswer<unknown>> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** The quoted SHA-256 of a value's JSON: equal ETags mean byte-equal answers. */
export function etagOf(value: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(value)).digest('base64url')}"`;
}

/**
 * `compute()` for `slug`, or the answer computed before at the same history version. `key` names
 * what is computed and its parameters other than the program (e.g. `api-coverage|2021-10-02`); null
 * when there is no such program (or `compute` says so).
 */
export async function readThroughHistoryCache<T>(db: Db, slug: string, key: string, compute: () => Promise<T | null>): Promise<CachedAnswer<T> | null> {
  const version = await getProgramHistoryVersion(db, slug);
  if (!version) return null;
  const cache = cacheOf(db);
  const fullKey = `${version.programId}|${key}`;
  const hit = cache.get(fullKey) as (CachedAnswer<T> & { version: string }) | undefined;
  if (hit && hit.version === version.version) {
    // Refresh its place in the LRU order (a Map iterates in insertion order).
    cache.delete(fullKey);
    cache.set(fullKey, hit);
    return { value: hit.value, etag: hit.etag };
  }
  const value = await compute();
  if (value === null) return null;
  const entry = { value, etag: etagOf(value), version: version.version };
  cache.delete(fullKey);
  cache.set(fullKey, entry);
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return { value, etag: entry.etag };
}
