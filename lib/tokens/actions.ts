'use server';

/**
 * The admin tokens page's Server Actions. Server Actions are public POST endpoints: the runner
 * finds the caller from the session and the mutation authorises again; nothing here trusts the page.
 */
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { FormState } from '../forms/form-state';
import { runAction } from '../forms/run-action';
import { createApiToken, revokeApiToken } from './mutations';

/** A created token comes back once, as the result, to be shown and copied. */
export async function createApiTokenAction(input: unknown): Promise<FormState<{ token: string }>> {
  return runAction('token.create', async (db, ctx) => {
    const { token, apiToken } = await createApiToken(db, ctx, input);
    revalidatePath('/admin/tokens');
    return { message: (await getTranslations('apiTokens'))('done.created', { email: apiToken.user.email }), result: { token } };
  });
}

export async function revokeApiTokenAction(input: unknown): Promise<FormState> {
  return runAction('token.revoke', async (db, ctx) => {
    const apiToken = await revokeApiToken(db, ctx, input);
    revalidatePath('/admin/tokens');
    return { message: (await getTranslations('apiTokens'))('done.revoked', { name: apiToken.name }), result: undefined };
  });
}
