/**
 * Optimistic locking, the one way: every version-checked row (status rows, programs, milestones,
 * annotations) is read in the write's transaction, refused with CONFLICT when the version the form
 * loaded is stale, and written with a compare-and-set (`updateMany`/`deleteMany` where the id and
 * the version still match) that raises the version by exactly 1. A compare-and-set that matches no
 * row means someone else's write committed after our read: the row is read again and the same
 * CONFLICT answered (or NOT_FOUND when it is gone).
 *
 * A CONFLICT carries `details.conflict`: the row as it is now (the fields the form edits, in the
 * form's payload shape), its version and who changed it last, so the form can show the other
 * person's change and offer to reapply the user's edits on top.
 */
import 'server-only';
import type { Db, Tx } from '../db';
import { AppError } from '../errors';
import { formatShanghaiInstant } from '../time';
import type { VersionConflictDto } from './form-state';

/** Who made the latest accepted change of an entity, from the audit trail (null: never changed in the app). */
async function lastChangeOf(
  tx: Tx | Db,
  entityType: string,
  entityId: string,
): Promise<Pick<VersionConflictDto, 'changedBy' | 'changedAtShanghai'>> {
  const row = await tx.auditLog.findFirst({
    where: { entityType, entityId, outcome: 'ALLOWED' },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    select: { at: true, actorId: true },
  });
  if (!row) return { changedBy: null, changedAtShanghai: null };
  const actor = row.actorId ? await tx.user.findUnique({ where: { id: row.actorId }, select: { name: true } }) : null;
  return { changedBy: actor?.name ?? null, changedAtShanghai: formatShanghaiInstant(row.at) };
}

/** CONFLICT with `details.conflict` (and anything a boundary needs besides, e.g. the API's `current`). */
export function conflictError(message: string, conflict: VersionConflictDto, extra: Record<string, unknown> = {}): AppError {
  return new AppError('CONFLICT', message, { ...extra, conflict });
}

/** CONFLICT for a row whose last change is read from the audit trail. */
export async function versionConflict(
  tx: Tx | Db,
  target: { entityType: string; entityId: string },
  current: Pick<VersionConflictDto, 'version' | 'values'>,
): Promise<AppError> {
  const conflict: VersionConflictDto = { ...current, ...(await lastChangeOf(tx, target.entityType, target.entityId)) };
  return conflictError(`${target.entityType} changed since the form was loaded`, conflict);
}

export interface OptimisticLock<R extends { version: number }> {
  /** Reads the row again (after a compare-and-set matched nothing). */
  reload: () => Promise<R | null>;
  /** The CONFLICT for the row as it is now. */
  conflict: (row: R) => AppError | Promise<AppError>;
  /** The NOT_FOUND for a row that does not (or no longer) exist. */
  notFound: () => AppError;
}

/**
 * The row the form edited, provided it is still at `expectedVersion` (and, with `stillAsShown`,
 * still shows what the form showed); otherwise NOT_FOUND or CONFLICT.
 */
export async function requireVersion<R extends { version: number }, T extends R>(
  lock: OptimisticLock<R>,
  row: T | null,
  expectedVersion: number,
  stillAsShown: (row: T) => boolean = () => true,
): Promise<T> {
  if (!row) throw lock.notFound();
  if (row.version !== expectedVersion || !stillAsShown(row)) throw await lock.conflict(row);
  return row;
}

/** Runs the compare-and-set; when it matched no row, answers as requireVersion would have. */
export async function writeAtVersion<R extends { version: number }>(lock: OptimisticLock<R>, write: () => Promise<{ count: number }>): Promise<void> {
  const { count } = await write();
  if (count === 1) return;
  const current = await lock.reload();
  throw current ? await lock.conflict(current) : lock.notFound();
}
