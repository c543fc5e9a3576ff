/**
 * What a program manager or admin may send to create, edit and delete annotations (dated, sourced
 * events on a program's charts). Shared by the form, the Server Action and the mutations; strict.
 *
 * Limits: titles 1-200 characters; date YYYY-MM-DD between 2000 and 2099; source note 0-500
 * characters; source URL http(s) only, at most 2,000 characters (blank = none). Edits and deletions
 * carry the `version` the form loaded (optimistic locking, as for milestones).
 */
import { z } from 'zod';
import {
  calendarDateSchema,
  idSchema,
  optionalHttpUrlSchema,
  optionalTextSchema,
  programSlugSchema,
  requiredTextSchema,
  versionSchema,
} from '../forms/fields';

export const ANNOTATION_TITLE_MAX = 200;
export const ANNOTATION_SOURCE_NOTE_MAX = 500;

const fields = {
  date: calendarDateSchema,
  titleZh: requiredTextSchema(ANNOTATION_TITLE_MAX),
  titleEn: requiredTextSchema(ANNOTATION_TITLE_MAX),
  sourceNote: optionalTextSchema(ANNOTATION_SOURCE_NOTE_MAX),
  sourceUrl: optionalHttpUrlSchema,
  /** True when the event is invented for the demo (no source). */
  isIllustrative: z.boolean().default(false),
};

export const createAnnotationSchema = z.strictObject({ programSlug: programSlugSchema, ...fields });

export const updateAnnotationSchema = z.strictObject({ id: idSchema, version: versionSchema, ...fields });

export const deleteAnnotationSchema = z.strictObject({ id: idSchema, version: versionSchema });
