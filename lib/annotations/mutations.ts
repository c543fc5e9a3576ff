/**
 * Annotations of a program ('annotation.manage': ADMIN and PROGRAM_MANAGER): dated, sourced events
 * drawn on charts and timelines. Every write is audited in its own transaction; refusals leave one
 * DENIED row and no change.
 *
 * Edits and deletions are optimistic, like milestones: the form sends the version it loaded; a
 * write against any other version is refused with CONFLICT carrying the annotation as it is now
 * (lib/forms/version-conflict.ts), and an accepted edit raises the version by exactly 1.
 */
import 'server-only';
import { authorize } from '../auth/permissions';
import type { RequestContext } from '../auth/viewer';
import { auditRefusals, entityRefOf } from '../audit/guard';
import { auditChange } from '../audit/write';
import type { Db, Tx } from '../db';
import { writeTransaction } from '../db/write-transaction';
import { AppError } from '../errors';
import { validateInput } from '../forms/validate-input';
import { requireVersion, versionConflict, writeAtVersion, type OptimisticLock } from '../forms/version-conflict';
import { annotationSelect } from '../programs/annotations';
import type { EditableAnnotationDto } from './queries';
import { createAnnotationSchema, deleteAnnotationSchema, updateAnnotationSchema } from './schema';

const ENTITY = 'Annotation';

const snapshotSelect = { id: true, programId: true, ...annotationSelect, version: true } as const;

type Snapshot = EditableAnnotationDto;

/** CONFLICT with the annotation as it is now: the fields its form edits. */
function annotationConflict(tx: Tx, row: Snapshot) {
  const { id, version, date, titleZh, titleEn, sourceNote, sourceUrl, isIllustrative } = row;
  return versionConflict(tx, { entityType: ENTITY, entityId: id }, { version, values: { date, titleZh, titleEn, sourceNote, sourceUrl, isIllustrative } });
}

/** The optimistic lock of one annotation (lib/forms/version-conflict.ts). */
function annotationLock(tx: Tx, id: string): OptimisticLock<Snapshot> {
  return {
    reload: () => tx.annotation.findUnique({ where: { id }, select: snapshotSelect }),
    conflict: (row) => annotationConflict(tx, row),
    notFound: () => new AppError('NOT_FOUND', 'annotation not found'),
  };
}

/** A refused creation is recorded against the program it named (the new row has no id yet). */
export async function createAnnotation(db: Db, ctx: RequestContext, input: unknown): Promise<{ id: string }> {
  return auditRefusals(db, ctx, { action: 'annotation.create', entityType: 'Program', entityId: entityRefOf(input, 'programSlug') }, async () => {
    authorize(ctx.viewer, 'annotation.manage');
    const { programSlug, ...data } = validateInput(createAnnotationSchema, input);
    return writeTransaction(db, async (tx) => {
      const program = await tx.program.findUnique({ where: { slug: programSlug }, select: { id: true } });
      if (!program) throw new AppError('NOT_FOUND', 'program not found');
      const created = await tx.annotation.create({ data: { programId: program.id, ...data }, select: snapshotSelect });
      await auditChange(tx, ctx, { action: 'annotation.create', entityType: ENTITY, entityId: created.id, after: { programSlug, ...created } });
      return { id: created.id };
    });
  });
}

/** `changed` is false when the form was saved unchanged (nothing written, nothing audited). */
export async function updateAnnotation(db: Db, ctx: RequestContext, input: unknown): Promise<{ id: string; version: number; changed: boolean }> {
  return auditRefusals(db, ctx, { action: 'annotation.update', entityType: ENTITY, entityId: entityRefOf(input, 'id') }, async () => {
    authorize(ctx.viewer, 'annotation.manage');
    const { id, version, ...data } = validateInput(updateAnnotationSchema, input);
    return writeTransaction(db, async (tx) => {
      const lock = annotationLock(tx, id);
      const before = await requireVersion(lock, await lock.reload(), version);
      const keys = Object.keys(data) as Array<keyof typeof data>;
      // Saving an unchanged form is not a change: no write, no new version, no audit row.
      if (keys.every((k) => data[k] === before[k])) return { id, version, changed: false };
      await writeAtVersion(lock, () => tx.annotation.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } }));
      const after = await tx.annotation.findUniqueOrThrow({ where: { id }, select: snapshotSelect });
      await auditChange(tx, ctx, { action: 'annotation.update', entityType: ENTITY, entityId: id, before, after });
      return { id, version: after.version, changed: true };
    });
  });
}

export async function deleteAnnotation(db: Db, ctx: RequestContext, input: unknown): Promise<{ id: string }> {
  return auditRefusals(db, ctx, { action: 'annotation.delete', entityType: ENTITY, entityId: entityRefOf(input, 'id') }, async () => {
    authorize(ctx.viewer, 'annotation.manage');
    const { id, version } = validateInput(deleteAnnotationSchema, input);
    return writeTransaction(db, async (tx) => {
      const lock = annotationLock(tx, id);
      const before = await requireVersion(lock, await lock.reload(), version);
      await writeAtVersion(lock, () => tx.annotation.deleteMany({ where: { id, version } }));
      // The audit row keeps the whole annotation: after deletion it is the only record of it.
      await auditChange(tx, ctx, { action: 'annotation.delete', entityType: ENTITY, entityId: id, before });
      return { id };
    });
  });
}
