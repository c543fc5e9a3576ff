/**
 * The one body of every Server Action: who is asking (Server Actions are public POST endpoints, so
 * the mutation authorises again), the database, and one form state for any outcome. Refusals come
 * back in the user's locale with every field at fault; unknown errors are logged under an id and
 * answered generically.
 */
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { requireRequestContext } from '../auth/session';
import type { RequestContext } from '../auth/viewer';
import { getDb, type Db } from '../db';
import type { AppError } from '../errors';
import { resolveLocale } from '../i18n/config';
import { formStateFromError } from './action-errors';
import type { FormState } from './form-state';

/** What a successful action tells the user, and what it hands the form. */
export interface ActionDone<T> {
  message: string;
  result: T;
}

/** A success with nothing for the form but its message. */
export function said(message: string): ActionDone<undefined> {
  return { message, result: undefined };
}

export interface ActionOptions<F> {
  /** Data of a refusal the form shows (e.g. the import's per-row results). */
  refusalData?: (error: AppError) => F | undefined;
}

export async function runAction<T, F = never>(
  action: string,
  work: (db: Db, ctx: RequestContext) => Promise<ActionDone<T>>,
  options: ActionOptions<F> = {},
): Promise<FormState<T, F>> {
  try {
    const ctx = await requireRequestContext();
    const { message, result } = await work(await getDb(), ctx);
    return { ok: true, message, result };
  } catch (error) {
    // redirect() and notFound() travel as exceptions; they are not failures of the form.
    unstable_rethrow(error);
    return formStateFromError(error, resolveLocale(await getLocale()), { action }, options.refusalData);
  }
}
