/**
 * What a program manager or admin may send to create, edit, close and delete milestones. Shared by
 * the form, the Server Action and the mutations; strict objects.
 *
 * Limits: titles 1-200 characters; dates YYYY-MM-DD between 2000 and 2099 (a done date may not be
 * in the future, checked by the mutation against today's Shanghai date); `version` is the
 * optimistic-locking counter the form loaded (a positive integer).
 */
import { z } from 'zod';
import { calendarDateSchema, idSchema, programSlugSchema, requiredTextSchema, versionSchema } from '../forms/fields';

export const MILESTONE_TITLE_MAX = 200;

const fields = {
  titleZh: requiredTextSchema(MILESTONE_TITLE_MAX),
  titleEn: requiredTextSchema(MILESTONE_TITLE_MAX),
  dueDate: calendarDateSchema,
  /** Null (or absent) while the milestone is open. */
  doneDate: calendarDateSchema.nullable().optional().transform((v) => v ?? null),
};

export const createMilestoneSchema = z.strictObject({ programSlug: programSlugSchema, ...fields });

export const updateMilestoneSchema = z.strictObject({ id: idSchema, version: versionSchema, ...fields });

/** Closes a milestone; the done date defaults to today (Shanghai). */
export const markMilestoneDoneSchema = z.strictObject({
  id: idSchema,
  version: versionSchema,
  doneDate: calendarDateSchema.optional(),
});

export const deleteMilestoneSchema = z.strictObject({ id: idSchema, version: versionSchema });
