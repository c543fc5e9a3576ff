'use server';

/**
 * The admin tokens page's Server Actions. Server Actions are public POST endpoints: each one finds
 * the caller from the session and the mutation authorises again; nothing here trusts the page.
 */
import { revalidatePath } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireRequestContext } from '../auth/session';
import { getDb } from '../db';
import { formStateFromError } from '../forms/action-errors';
import type { FormState } from '../forms/form-state';
import type { IssueTranslator } from '../forms/validation';
import { createApiToken, revokeApiToken } from './mutations';

/** A created token comes back once, with the form state, to be shown and copied. */
export type CreateTokenState = FormState & { token?: string };

async function failure(error: unknown, action: string): Promise<FormState> {
  unstable_rethrow(error);
  const t = await getTranslations('apiTokens');
  return formStateFromError(error, { t: t as unknown as IssueTranslator, tErrors: await getTranslations('errors') }, { action });
}

export async function createApiTokenAction(input: unknown): Promise<CreateTokenState> {
  try {
    const ctx = await requireRequestContext();
    const { token, apiToken } = await createApiToken(await getDb(), ctx, input);
    revalidatePath('/admin/tokens');
    const t = await getTranslations('apiTokens');
    return { ok: true, message: t('done.created', { email: apiToken.user.email }), token };
  } catch (error) {
    return failure(error, 'token.create');
  }
}

export async function revokeApiTokenAction(input: unknown): Promise<FormState> {
  try {
    const ctx = await requireRequestContext();
    const apiToken = await revokeApiToken(await getDb(), ctx, input);
    revalidatePath('/admin/tokens');
    const t = await getTranslations('apiTokens');
    return { ok: true, message: t('done.revoked', { name: apiToken.name }) };
  } catch (error) {
    return failure(error, 'token.revoke');
  }
}
