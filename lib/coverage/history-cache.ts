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

/** A count or sum as the engines return it: a number (SQLite) or a bigint (PostgreSQL). */
type SqlNumber = number | bigint | null;

/**
 * The history version of a program, or null when there is no program `slug`. One query, because
 * every cached read pays it (each dashboard view and coverage request): the program's row and the
 * counters below, as sub-selects served by the (programId, ...) unique indexes. Raw SQL is allowed
 * in this file for that one statement (lib/db/raw-sql-allow-list.test.ts); it is the same on
 * SQLite and PostgreSQL.
 */
export async function getProgramHistoryVersion(db: Db, slug: string): Promise<HistoryVersion | null> {
  const rows = await db.$queryRaw<
    Array<{
      id: string;
      version: SqlNumber;
      cityCount: SqlNumber;
      citySum: SqlNumber;
      institutionCount: SqlNumber;
      institutionSum: SqlNumber;
      metricCount: SqlNumber;
      metricLatest: string | null;
    }>
  >`
    SELECT p."id", p."version",
      (SELECT COUNT(*) FROM "CityStatus" c WHERE c."programId" = p."id") AS "cityCount",
      (SELECT SUM(c."version") FROM "CityStatus" c WHERE c."programId" = p."id") AS "citySum",
      (SELECT COUNT(*) FROM "InstitutionStatus" i WHERE i."programId" = p."id") AS "institutionCount",
      (SELECT SUM(i."version") FROM "InstitutionStatus" i WHERE i."programId" = p."id") AS "institutionSum",
      (SELECT COUNT(*) FROM "MetricPoint" m WHERE m."programId" = p."id") AS "metricCount",
      (SELECT MAX(m."date") FROM "MetricPoint" m WHERE m."programId" = p."id") AS "metricLatest"
    FROM "Program" p WHERE p."slug" = ${slug}`;
  const row = rows[0];
  if (!row) return null;
  const parts = [
    row.version,
    row.cityCount,
    row.citySum ?? 0,
    row.institutionCount,
    row.institutionSum ?? 0,
    row.metricCount,
    row.metricLatest ?? '',
  ];
  return { programId: row.id, version: parts.map(String).join('.') };
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
