'use server';

/**
 * Server Actions of the annotation forms. Server Actions are public POST endpoints: each one finds
 * the caller from the session, and the mutation authorises and validates again.
 */
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { FormState } from '../forms/form-state';
import { runAction, said, type ActionDone } from '../forms/run-action';
import { createAnnotation, deleteAnnotation, updateAnnotation } from './mutations';

async function done(key: 'created' | 'saved' | 'deleted' | 'unchanged'): Promise<ActionDone<undefined>> {
  // Annotations are drawn on the program's charts and timelines as well as listed on the admin page.
  if (key !== 'unchanged') revalidatePath('/', 'layout');
  return said((await getTranslations('annotations'))(key));
}

export async function createAnnotationAction(input: unknown): Promise<FormState> {
  return runAction('annotation.create', async (db, ctx) => {
    await createAnnotation(db, ctx, input);
    return done('created');
  });
}

export async function updateAnnotationAction(input: unknown): Promise<FormState> {
  return runAction('annotation.update', async (db, ctx) => {
    const { changed } = await updateAnnotation(db, ctx, input);
    return done(changed ? 'saved' : 'unchanged');
  });
}

export async function deleteAnnotationAction(input: unknown): Promise<FormState> {
  return runAction('annotation.delete', async (db, ctx) => {
    await deleteAnnotation(db, ctx, input);
    return done('deleted');
  });
}
