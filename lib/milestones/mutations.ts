/**
 * Milestones of a program ('milestone.manage': ADMIN and PROGRAM_MANAGER). Edits are optimistic:
 * the form sends the version it loaded, and a write against any other version is refused with
 * CONFLICT (carrying the milestone as it is now, lib/forms/version-conflict.ts) instead of
 * overwriting someone else's change. Every write is audited in its own
 * transaction; refusals leave one DENIED row and no change.
 */
import 'server-only';
import { authorize } from '../auth/permissions';
import type { RequestContext } from '../auth/viewer';
import { auditRefusals, entityRefOf } from '../audit/guard';
import { auditChange } from '../audit/write';
import type { Db, Tx } from '../db';
import { writeTransaction } from '../db/write-transaction';
import { AppError } from '../errors';
import { invalidField, validateInput } from '../forms/validate-input';
import { requireVersion, versionConflict, writeAtVersion, type OptimisticLock } from '../forms/version-conflict';
import { todayInShanghai } from '../time';
import { createMilestoneSchema, deleteMilestoneSchema, markMilestoneDoneSchema, updateMilestoneSchema } from './schema';

const ENTITY = 'Milestone';

export interface MilestoneChangeResult {
  id: string;
  version: number;
  /** False when the form was saved unchanged (no new version, nothing audited). */
  changed: boolean;
}

const snapshotSelect = { id: true, programId: true, titleZh: true, titleEn: true, dueDate: true, doneDate: true, version: true } as const;

type Snapshot = { id: string; programId: string; titleZh: string; titleEn: string; dueDate: string; doneDate: string | null; version: number };

/** A done date is a fact, so it cannot lie ahead of today. */
function checkDoneDate(doneDate: string | null, path = 'doneDate'): void {
  if (doneDate !== null && doneDate > todayInShanghai()) throw invalidField(path, 'doneInFuture');
}

/** CONFLICT with the milestone as it is now (the fields its form edits) and who changed it last. */
function milestoneConflict(tx: Tx, row: Snapshot) {
  const { id, version, titleZh, titleEn, dueDate, doneDate } = row;
  return versionConflict(tx, { entityType: ENTITY, entityId: id }, { version, values: { titleZh, titleEn, dueDate, doneDate } });
}

/** The optimistic lock of one milestone (lib/forms/version-conflict.ts). */
function milestoneLock(tx: Tx, id: string): OptimisticLock<Snapshot> {
  return {
    reload: () => tx.milestone.findUnique({ where: { id }, select: snapshotSelect }),
    conflict: (row) => milestoneConflict(tx, row),
    notFound: () => new AppError('NOT_FOUND', 'milestone not found'),
  };
}

/** Writes `data` if the row is still at `version`, raising the version by one. */
async function updateAtVersion(tx: Tx, id: string, version: number, data: Partial<Pick<Snapshot, 'titleZh' | 'titleEn' | 'dueDate' | 'doneDate'>>) {
  const lock = milestoneLock(tx, id);
  const before = await requireVersion(lock, await lock.reload(), version);
  // Saving an unchanged form is not a change: no new version, no audit row.
  const keys = Object.keys(data) as Array<keyof typeof data>;
  if (keys.every((k) => data[k] === before[k])) return { before, after: before, changed: false };
  await writeAtVersion(lock, () => tx.milestone.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } }));
  const after = await tx.milestone.findUniqueOrThrow({ where: { id }, select: snapshotSelect });
  return { before, after, changed: true };
}

/** A refused creation is recorded against the program it named (the new row has no id yet). */
export async function createMilestone(db: Db, ctx: RequestContext, input: unknown): Promise<MilestoneChangeResult> {
  return auditRefusals(db, ctx, { action: 'milestone.create', entityType: 'Program', entityId: entityRefOf(input, 'programSlug') }, async () => {
    authorize(ctx.viewer, 'milestone.manage');
    const { programSlug, ...data } = validateInput(createMilestoneSchema, input);
    checkDoneDate(data.doneDate);
    return writeTransaction(db, async (tx) => {
      const program = await tx.program.findUnique({ where: { slug: programSlug }, select: { id: true } });
      if (!program) throw new AppError('NOT_FOUND', 'program not found');
      const created = await tx.milestone.create({ data: { programId: program.id, ...data }, select: snapshotSelect });
      await auditChange(tx, ctx, { action: 'milestone.create', entityType: ENTITY, entityId: created.id, after: { programSlug, ...created } });
      return { id: created.id, version: created.version, changed: true };
    });
  });
}

export async function updateMilestone(db: Db, ctx: RequestContext, input: unknown): Promise<MilestoneChangeResult> {
  return auditRefusals(db, ctx, { action: 'milestone.update', entityType: ENTITY, entityId: entityRefOf(input, 'id') }, async () => {
    authorize(ctx.viewer, 'milestone.manage');
    const { id, version, ...data } = validateInput(updateMilestoneSchema, input);
    checkDoneDate(data.doneDate);
    return writeTransaction(db, async (tx) => {
      const { before, after, changed } = await updateAtVersion(tx, id, version, data);
      if (changed) await auditChange(tx, ctx, { action: 'milestone.update', entityType: ENTITY, entityId: id, before, after });
      return { id, version: after.version, changed };
    });
  });
}

export async function markMilestoneDone(db: Db, ctx: RequestContext, input: unknown): Promise<MilestoneChangeResult> {
  return auditRefusals(db, ctx, { action: 'milestone.done', entityType: ENTITY, entityId: entityRefOf(input, 'id') }, async () => {
    authorize(ctx.viewer, 'milestone.manage');
    const { id, version, doneDate } = validateInput(markMilestoneDoneSchema, input);
    const date = doneDate ?? todayInShanghai();
    checkDoneDate(date);
    return writeTransaction(db, async (tx) => {
      const { before, after, changed } = await updateAtVersion(tx, id, version, { doneDate: date });
      if (!changed) return { id, version: after.version, changed };
      await auditChange(tx, ctx, {
        action: 'milestone.done',
        entityType: ENTITY,
        entityId: id,
        before: { doneDate: before.doneDate, version: before.version },
        after: { doneDate: after.doneDate, version: after.version },
      });
      return { id, version: after.version, changed };
    });
  });
}

export async function deleteMilestone(db: Db, ctx: RequestContext, input: unknown): Promise<{ id: string }> {
  return auditRefusals(db, ctx, { action: 'milestone.delete', entityType: ENTITY, entityId: entityRefOf(input, 'id') }, async () => {
    authorize(ctx.viewer, 'milestone.manage');
    const { id, version } = validateInput(deleteMilestoneSchema, input);
    return writeTransaction(db, async (tx) => {
      const lock = milestoneLock(tx, id);
      const before = await requireVersion(lock, await lock.reload(), version);
      await writeAtVersion(lock, () => tx.milestone.deleteMany({ where: { id, version } }));
      // The audit row keeps the whole milestone: after deletion it is the only record of it.
      await auditChange(tx, ctx, { action: 'milestone.delete', entityType: ENTITY, entityId: id, before });
      return { id };
    });
  });
}
