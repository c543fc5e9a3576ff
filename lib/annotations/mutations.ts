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
import { AppError } from '../errors';
import { validateInput } from '../forms/validate-input';
import { versionConflict } from '../forms/version-conflict';
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

/** After a version-checked write matched no row: gone (NOT_FOUND) or changed by someone else (CONFLICT). */
async function lostRace(tx: Tx, id: string): Promise<AppError> {
  const current = await tx.annotation.findUnique({ where: { id }, select: snapshotSelect });
  return current ? annotationConflict(tx, current) : new AppError('NOT_FOUND', 'annotation not found');
}

/** A refused creation is recorded against the program it named (the new row has no id yet). */
export async function createAnnotation(db: Db, ctx: RequestContext, input: unknown): Promise<{ id: string }> {
  return auditRefusals(db, ctx, { action: 'annotation.create', entityType: 'Program', entityId: entityRefOf(input, 'programSlug') }, async () => {
    authorize(ctx.viewer, 'annotation.manage');
    const { programSlug, ...data } = validateInput(createAnnotationSchema, input);
    return db.$transaction(async (tx) => {
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
    return db.$transaction(async (tx) => {
      const before = await tx.annotation.findUnique({ where: { id }, select: snapshotSelect });
      if (!before) throw new AppError('NOT_FOUND', 'annotation not found');
      if (before.version !== version) throw await annotationConflict(tx, before);
      const keys = Object.keys(data) as Array<keyof typeof data>;
      // Saving an unchanged form is not a change: no write, no new version, no audit row.
      if (keys.every((k) => data[k] === before[k])) return { id, version, changed: false };
      // Compare-and-set: a concurrent edit that committed after our read matches no row.
      const written = await tx.annotation.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
      if (written.count !== 1) throw await lostRace(tx, id);
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
    return db.$transaction(async (tx) => {
      const before = await tx.annotation.findUnique({ where: { id }, select: snapshotSelect });
      if (!before) throw new AppError('NOT_FOUND', 'annotation not found');
      if (before.version !== version) throw await annotationConflict(tx, before);
      const deleted = await tx.annotation.deleteMany({ where: { id, version } });
      if (deleted.count !== 1) throw await lostRace(tx, id);
      // The audit row keeps the whole annotation: after deletion it is the only record of it.
      await auditChange(tx, ctx, { action: 'annotation.delete', entityType: ENTITY, entityId: id, before });
      return { id };
    });
  });
}
