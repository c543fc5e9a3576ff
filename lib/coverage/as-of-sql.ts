/**
 * The status of every entity of a program as of an instant, from the append-only history: the
 * latest StatusChange before the instant wins. One window-function query, the same on SQLite and
 * PostgreSQL; served by the (programId, entityType, entityCode, changedAt) index. The enum column
 * is compared as text because PostgreSQL has no implicit text = enum operator.
 *
 * Raw SQL is allowed in this file (allow-list in lib/db/raw-sql-allow-list.test.ts).
 */
import type { Db } from '../db';
import type { EntityType, RolloutStatus } from '../generated/sqlite/client';

export async function queryStatusesAsOf(
  db: Db,
  programId: string,
  entityType: EntityType,
  before: Date,
): Promise<Map<string, RolloutStatus>> {
  const rows = await db.$queryRaw<Array<{ entityCode: string; toStatus: RolloutStatus }>>`
    SELECT "entityCode", "toStatus" FROM (
      SELECT "entityCode", "toStatus",
             ROW_NUMBER() OVER (PARTITION BY "entityCode" ORDER BY "changedAt" DESC, "version" DESC) AS rn
      FROM "StatusChange"
      WHERE "programId" = ${programId} AND CAST("entityType" AS TEXT) = ${entityType} AND "changedAt" < ${before}
    ) latest
    WHERE rn = 1`;
  return new Map(rows.map((r) => [r.entityCode, r.toStatus]));
}
