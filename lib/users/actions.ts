'use server';

/**
 * The admin page's Server Actions. Server Actions are public POST endpoints: the runner finds the
 * caller from the session and the mutation authorises again; nothing here trusts the page.
 */
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { Db } from '../db';
import type { RequestContext } from '../auth/viewer';
import type { FormState } from '../forms/form-state';
import { runAction } from '../forms/run-action';
import { createUser, disableUser, enableUser, resetPassword, updateUserRole } from './mutations';
import type { UserDto } from './queries';

type DoneKey = 'created' | 'roleChanged' | 'disabled' | 'enabled' | 'passwordReset';

function run(action: string, done: DoneKey, work: (db: Db, ctx: RequestContext) => Promise<UserDto>): Promise<FormState<UserDto>> {
  return runAction(action, async (db, ctx) => {
    const user = await work(db, ctx);
    revalidatePath('/admin/users');
    return { message: (await getTranslations('users'))(`done.${done}`, { email: user.email }), result: user };
  });
}

export async function createUserAction(input: unknown): Promise<FormState<UserDto>> {
  return run('user.create', 'created', (db, ctx) => createUser(db, ctx, input));
}

export async function updateUserRoleAction(input: unknown): Promise<FormState<UserDto>> {
  return run('user.updateRole', 'roleChanged', (db, ctx) => updateUserRole(db, ctx, input));
}

export async function disableUserAction(input: unknown): Promise<FormState<UserDto>> {
  return run('user.disable', 'disabled', (db, ctx) => disableUser(db, ctx, input));
}

export async function enableUserAction(input: unknown): Promise<FormState<UserDto>> {
  return run('user.enable', 'enabled', (db, ctx) => enableUser(db, ctx, input));
}

export async function resetPasswordAction(input: unknown): Promise<FormState<UserDto>> {
  return run('user.resetPassword', 'passwordReset', (db, ctx) => resetPassword(db, ctx, input));
}
