/**
 * The status of every entity of a program as of an instant, from the append-only history: the
 * latest StatusChange before the instant wins, ties broken by the higher version. The same SQL on
 * SQLite and PostgreSQL, served by the (programId, entityType, entityCode, changedAt) index.
 *
 * Raw SQL is allowed in this file (allow-list in lib/db/raw-sql-allow-list.test.ts).
 */
import { Prisma } from '../generated/sqlite/client';
import type { Db } from '../db';
import type { EntityType, RolloutStatus } from '../generated/sqlite/client';

/**
 * The entity type as an SQL literal, chosen from constants (never from input). PostgreSQL coerces
 * an untyped literal to its enum, so the index can seek on the column; a bound text parameter would
 * need a cast on the column (there is no text = enum operator), and a cast column is not indexable.
 */
const ENTITY_TYPE_SQL: Record<EntityType, Prisma.Sql> = {
  CITY: Prisma.sql`'CITY'`,
  INSTITUTION: Prisma.sql`'INSTITUTION'`,
};

/**
 * Index seeks instead of a scan: a recursive "loose index scan" lists the program's entity codes
 * (one seek each), then one backward seek per entity finds its latest change before the instant.
 * About two seeks per entity whatever the history's length, where a window over every change of
 * the program grew with it (at a million rows, about 33,000 per program, the window was about 20
 * times slower on SQLite and 3 times on PostgreSQL; docs/benchmarks.md). Entities without a change
 * before the instant come back with a null status and are dropped here: filtering them in SQL
 * would evaluate the subquery twice.
 */
export async function queryStatusesAsOf(
  db: Db,
  programId: string,
  entityType: EntityType,
  before: Date,
): Promise<Map<string, RolloutStatus>> {
  const type = ENTITY_TYPE_SQL[entityType];
  const rows = await db.$queryRaw<Array<{ entityCode: string; toStatus: RolloutStatus | null }>>`
    WITH RECURSIVE codes ("code") AS (
      SELECT MIN("entityCode") FROM "StatusChange" WHERE "programId" = ${programId} AND "entityType" = ${type}
      UNION ALL
      SELECT (
        SELECT MIN(n."entityCode") FROM "StatusChange" n
        WHERE n."programId" = ${programId} AND n."entityType" = ${type} AND n."entityCode" > codes."code"
      )
      FROM codes WHERE codes."code" IS NOT NULL
    )
    SELECT codes."code" AS "entityCode", (
      SELECT s."toStatus" FROM "StatusChange" s
      WHERE s."programId" = ${programId} AND s."entityType" = ${type} AND s."entityCode" = codes."code"
        AND s."changedAt" < ${before}
      ORDER BY s."changedAt" DESC, s."version" DESC
      LIMIT 1
    ) AS "toStatus"
    FROM codes WHERE codes."code" IS NOT NULL`;
  const statuses = new Map<string, RolloutStatus>();
  for (const r of rows) if (r.toStatus !== null) statuses.set(r.entityCode, r.toStatus);
  return statuses;
}

/** A day on which an entity entered (+1) or left (-1) LIVE, as the history replays it. */
export interface LiveTransition {
  entityCode: string;
  changedAt: Date;
  delta: 1 | -1;
}

/**
 * Every move into or out of LIVE before an instant, for all entities of a program, in one query
 * (the burn-up's whole history, instead of one as-of query per week): each change is compared with
 * the previous change of the same entity, in the order queryStatusesAsOf uses (changedAt, then
 * version), so the replay agrees with it on every date. The window reads each of the program's
 * changes once; only the transitions come back (about one per entity for a real rollout, where
 * most rows are confirmations and in-between steps), so the round trip stays small.
 */
export async function queryLiveTransitions(
  db: Db,
  programId: string,
  entityType: EntityType,
  before: Date,
): Promise<LiveTransition[]> {
  const rows = await db.$queryRaw<Array<{ entityCode: string; changedAt: Date | string | number; delta: number | bigint }>>`
    SELECT "entityCode", "changedAt", "delta" FROM (
      SELECT "entityCode", "changedAt",
             "isLive" - COALESCE(LAG("isLive") OVER (PARTITION BY "entityCode" ORDER BY "changedAt", "version"), 0) AS "delta"
      FROM (
        SELECT "entityCode", "changedAt", "version",
               CASE WHEN CAST("toStatus" AS TEXT) = 'LIVE' THEN 1 ELSE 0 END AS "isLive"
        FROM "StatusChange"
        WHERE "programId" = ${programId} AND "entityType" = ${ENTITY_TYPE_SQL[entityType]} AND "changedAt" < ${before}
      ) changes
    ) transitions
    WHERE "delta" <> 0`;
  return rows.map((r) => ({
    entityCode: r.entityCode,
    // Both drivers type the column as a DateTime; the fallbacks keep a driver change from
    // silently shifting dates.
    changedAt: r.changedAt instanceof Date ? r.changedAt : new Date(r.changedAt),
    delta: Number(r.delta) > 0 ? 1 : -1,
  }));
}
