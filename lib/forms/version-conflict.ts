/**
 * The CONFLICT a version-checked admin edit (program settings and targets, annotations) answers
 * when the row moved on since the form was loaded: the row as it is now and who changed it last,
 * so the form can show the other person's change and offer to reapply the user's edits on top.
 * (Status rows have their own, richer conflict: lib/status/write.ts.)
 */
import 'server-only';
import type { Db, Tx } from '../db';
import { AppError } from '../errors';
import { formatShanghaiInstant } from '../time';
import type { VersionConflictDto, ConflictValue } from './form-state';

/** Who made the latest accepted change of an entity, from the audit trail (null: never changed in the app). */
async function lastChangeOf(tx: Tx | Db, entityType: string, entityId: string): Promise<Pick<VersionConflictDto, 'changedBy' | 'changedAtShanghai'>> {
  const row = await tx.auditLog.findFirst({
    where: { entityType, entityId, outcome: 'ALLOWED' },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    select: { at: true, actorId: true },
  });
  if (!row) return { changedBy: null, changedAtShanghai: null };
  const actor = row.actorId ? await tx.user.findUnique({ where: { id: row.actorId }, select: { name: true } }) : null;
  return { changedBy: actor?.name ?? null, changedAtShanghai: formatShanghaiInstant(row.at) };
}

/**
 * CONFLICT with `details.conflict`: the current values (the fields the form edits, in the form's
 * payload shape) and version, and who changed the row last.
 */
export async function versionConflict(
  tx: Tx | Db,
  target: { entityType: string; entityId: string },
  current: { version: number; values: Record<string, ConflictValue> },
): Promise<AppError> {
  const conflict: VersionConflictDto = { version: current.version, values: current.values, ...(await lastChangeOf(tx, target.entityType, target.entityId)) };
  return new AppError('CONFLICT', `${target.entityType} changed since the form was loaded`, { conflict });
}
