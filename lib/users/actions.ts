'use server';

/**
 * The admin page's Server Actions. Server Actions are public POST endpoints: each one finds the
 * caller from the session and the mutation authorises again; nothing here trusts the page.
 */
import { revalidatePath } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireRequestContext } from '../auth/session';
import { getDb } from '../db';
import { formStateFromError } from '../forms/action-errors';
import type { FormState } from '../forms/form-state';
import type { IssueTranslator } from '../forms/validation';
import { createUser, disableUser, enableUser, resetPassword, updateUserRole } from './mutations';
import type { UserDto } from './queries';

type DoneKey = 'created' | 'roleChanged' | 'disabled' | 'enabled' | 'passwordReset';

async function run(
  action: string,
  done: DoneKey,
  work: (db: Awaited<ReturnType<typeof getDb>>, ctx: Awaited<ReturnType<typeof requireRequestContext>>) => Promise<UserDto>,
): Promise<FormState> {
  const t = await getTranslations('users');
  try {
    const ctx = await requireRequestContext();
    const user = await work(await getDb(), ctx);
    revalidatePath('/admin/users');
    return { ok: true, message: t(`done.${done}`, { email: user.email }) };
  } catch (error) {
    unstable_rethrow(error);
    return formStateFromError(
      error,
      // next-intl's typed translator takes literal keys only; issue keys are looked up at run time.
      { t: t as unknown as IssueTranslator, tErrors: await getTranslations('errors') },
      { action },
    );
  }
}

export async function createUserAction(input: unknown): Promise<FormState> {
  return run('user.create', 'created', (db, ctx) => createUser(db, ctx, input));
}

export async function updateUserRoleAction(input: unknown): Promise<FormState> {
  return run('user.updateRole', 'roleChanged', (db, ctx) => updateUserRole(db, ctx, input));
}

export async function disableUserAction(input: unknown): Promise<FormState> {
  return run('user.disable', 'disabled', (db, ctx) => disableUser(db, ctx, input));
}

export async function enableUserAction(input: unknown): Promise<FormState> {
  return run('user.enable', 'enabled', (db, ctx) => enableUser(db, ctx, input));
}

export async function resetPasswordAction(input: unknown): Promise<FormState> {
  return run('user.resetPassword', 'passwordReset', (db, ctx) => resetPassword(db, ctx, input));
}
