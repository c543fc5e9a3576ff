'use server';

/**
 * Server Actions of the milestone forms. Server Actions are public POST endpoints: each one finds
 * the caller from the session, and the mutation authorises and validates again.
 */
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { FormState } from '../forms/form-state';
import { runAction, said, type ActionDone } from '../forms/run-action';
import { createMilestone, deleteMilestone, markMilestoneDone, updateMilestone } from './mutations';

type DoneKey = 'created' | 'saved' | 'markedDone' | 'deleted';

async function done(key: DoneKey | 'unchanged'): Promise<ActionDone<undefined>> {
  // Milestones show on the program's charts and timelines as well as on the admin page.
  if (key !== 'unchanged') revalidatePath('/', 'layout');
  return said((await getTranslations('milestones'))(key));
}

export async function createMilestoneAction(input: unknown): Promise<FormState> {
  return runAction('milestone.create', async (db, ctx) => {
    await createMilestone(db, ctx, input);
    return done('created');
  });
}

export async function updateMilestoneAction(input: unknown): Promise<FormState> {
  return runAction('milestone.update', async (db, ctx) => {
    const { changed } = await updateMilestone(db, ctx, input);
    return done(changed ? 'saved' : 'unchanged');
  });
}

export async function markMilestoneDoneAction(input: unknown): Promise<FormState> {
  return runAction('milestone.done', async (db, ctx) => {
    await markMilestoneDone(db, ctx, input);
    return done('markedDone');
  });
}

export async function deleteMilestoneAction(input: unknown): Promise<FormState> {
  return runAction('milestone.delete', async (db, ctx) => {
    await deleteMilestone(db, ctx, input);
    return done('deleted');
  });
}
