'use server';

/**
 * Server Actions of the program admin forms. Server Actions are public POST endpoints: each one
 * finds the caller from the session, and the mutation authorises and validates again.
 */
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import type { FormState } from '../forms/form-state';
import { runAction, said } from '../forms/run-action';
import { createProgram, replanTarget, updateProgram } from './mutations';
import { localized } from '../i18n/localized';

/** Program names and targets appear on every dashboard view, not only on the admin pages. */
function revalidateEverything(): void {
  revalidatePath('/', 'layout');
}

export async function createProgramAction(input: unknown): Promise<FormState> {
  return runAction('program.create', async (db, ctx) => {
    const created = await createProgram(db, ctx, input);
    revalidateEverything();
    const t = await getTranslations('adminPrograms');
    const name = localized(await getLocale(), created.nameZh, created.nameEn);
    return said(t('created', { name, rows: created.statusRows }));
  });
}

export async function updateProgramAction(input: unknown): Promise<FormState> {
  return runAction('program.update', async (db, ctx) => {
    const { changed } = await updateProgram(db, ctx, input);
    const t = await getTranslations('adminPrograms');
    if (!changed) return said(t('unchanged'));
    revalidateEverything();
    return said(t('saved'));
  });
}

export async function replanTargetAction(input: unknown): Promise<FormState> {
  return runAction('program.replanTarget', async (db, ctx) => {
    const change = await replanTarget(db, ctx, input);
    revalidateEverything();
    return said((await getTranslations('adminPrograms'))('replanned', { date: change.toDate }));
  });
}
