/**
 * The common body of the admin forms' Server Actions: who is asking (Server Actions are public POST
 * endpoints, so the mutation authorises again), the database, and one form state for any outcome.
 */
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireRequestContext } from '../auth/session';
import type { RequestContext } from '../auth/viewer';
import { getDb, type Db } from '../db';
import { formStateFromError, type FormTranslators } from './action-errors';
import type { FormState } from './form-state';
import type { IssueTranslator } from './validation';

/** The message namespaces whose forms use this runner; each has `validation.*` and `notFound`. */
export type FormNamespace = 'adminPrograms' | 'milestones' | 'annotations';

export async function runFormAction(
  namespace: FormNamespace,
  action: string,
  work: (db: Db, ctx: RequestContext) => Promise<string>,
): Promise<FormState> {
  try {
    const ctx = await requireRequestContext();
    const db = await getDb();
    return { ok: true, message: await work(db, ctx) };
  } catch (error) {
    // redirect() and notFound() travel as exceptions; they are not failures of the form.
    unstable_rethrow(error);
    const t = await getTranslations(namespace);
    const translators: FormTranslators = {
      // next-intl's typed translator accepts only literal keys; issue keys are looked up at run time.
      t: t as unknown as IssueTranslator,
      tErrors: await getTranslations('errors'),
    };
    return formStateFromError(error, translators, { action });
  }
}
