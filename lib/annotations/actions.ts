'use server';

/** Server Actions of the annotation forms (see lib/programs/record-actions.ts). */
import { programRecordAction } from '../programs/record-actions';
import { createAnnotation, deleteAnnotation, updateAnnotation } from './mutations';

export const createAnnotationAction = programRecordAction('annotations', 'annotation.create', 'created', createAnnotation);
export const updateAnnotationAction = programRecordAction('annotations', 'annotation.update', 'saved', updateAnnotation);
export const deleteAnnotationAction = programRecordAction('annotations', 'annotation.delete', 'deleted', deleteAnnotation);
