/**
 * The Server Actions of a program's milestone and annotation forms. Server Actions are public POST
 * endpoints: each one finds the caller from the session, and the mutation authorises and validates
 * again.
 */
import 'server-only';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { RequestContext } from '../auth/viewer';
import type { Db } from '../db';
import type { FormState } from '../forms/form-state';
import { runAction, said } from '../forms/run-action';

type Done = 'created' | 'saved' | 'markedDone' | 'deleted';

/**
 * An action that runs `mutate` and says `done` from the record's messages. Only a save reports
 * "unchanged" (and refreshes nothing) when the mutation changed nothing; every other outcome
 * refreshes all pages, because these records show on the program's charts and timelines as well as
 * on the admin page.
 */
export function programRecordAction(
  messages: 'milestones' | 'annotations',
  action: string,
  done: Done,
  mutate: (db: Db, ctx: RequestContext, input: unknown) => Promise<{ id: string; changed?: boolean }>,
): (input: unknown) => Promise<FormState> {
  return async (input) =>
    runAction(action, async (db, ctx) => {
      const { changed } = await mutate(db, ctx, input);
      const key = done === 'saved' && !changed ? 'unchanged' : done;
      if (key !== 'unchanged') revalidatePath('/', 'layout');
      return said((await getTranslations(messages))(key));
    });
}
