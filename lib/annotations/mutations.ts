/**
 * Annotations of a program ('annotation.manage': ADMIN and PROGRAM_MANAGER): dated, sourced events
 * drawn on charts and timelines. Every write is audited in its own transaction; refusals leave one
 * DENIED row and no change.
 *
 * Annotations carry no version column, so two people editing the same one at once: the later
 * save wins, and the audit trail keeps both.
 */
import 'server-only';
import { authorize } from '../auth/permissions';
import type { RequestContext } from '../auth/viewer';
import { auditRefusals, entityRefOf } from '../audit/guard';
import { auditChange } from '../audit/write';
import type { Db } from '../db';
import { AppError } from '../errors';
import { validateInput } from '../forms/validate-input';
import { createAnnotationSchema, deleteAnnotationSchema, updateAnnotationSchema } from './schema';

const ENTITY = 'Annotation';

const snapshotSelect = {
  id: true,
  programId: true,
  date: true,
  titleZh: true,
  titleEn: true,
  sourceNote: true,
  sourceUrl: true,
  isIllustrative: true,
} as const;

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
export async function updateAnnotation(db: Db, ctx: RequestContext, input: unknown): Promise<{ id: string; changed: boolean }> {
  return auditRefusals(db, ctx, { action: 'annotation.update', entityType: ENTITY, entityId: entityRefOf(input, 'id') }, async () => {
    authorize(ctx.viewer, 'annotation.manage');
    const { id, ...data } = validateInput(updateAnnotationSchema, input);
    return db.$transaction(async (tx) => {
      const before = await tx.annotation.findUnique({ where: { id }, select: snapshotSelect });
      if (!before) throw new AppError('NOT_FOUND', 'annotation not found');
      const keys = Object.keys(data) as Array<keyof typeof data>;
      // Saving an unchanged form is not a change: no write, no audit row.
      if (keys.every((k) => data[k] === before[k])) return { id, changed: false };
      const after = await tx.annotation.update({ where: { id }, data, select: snapshotSelect });
      await auditChange(tx, ctx, { action: 'annotation.update', entityType: ENTITY, entityId: id, before, after });
      return { id, changed: true };
    });
  });
}

export async function deleteAnnotation(db: Db, ctx: RequestContext, input: unknown): Promise<{ id: string }> {
  return auditRefusals(db, ctx, { action: 'annotation.delete', entityType: ENTITY, entityId: entityRefOf(input, 'id') }, async () => {
    authorize(ctx.viewer, 'annotation.manage');
    const { id } = validateInput(deleteAnnotationSchema, input);
    return db.$transaction(async (tx) => {
      const before = await tx.annotation.findUnique({ where: { id }, select: snapshotSelect });
      if (!before) throw new AppError('NOT_FOUND', 'annotation not found');
      await tx.annotation.delete({ where: { id } });
      // The audit row keeps the whole annotation: after deletion it is the only record of it.
      await auditChange(tx, ctx, { action: 'annotation.delete', entityType: ENTITY, entityId: id, before });
      return { id };
    });
  });
}
