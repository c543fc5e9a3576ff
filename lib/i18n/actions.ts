'use server';

import { refresh } from 'next/cache';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, isAppLocale } from './config';

export type SetLocaleResult = { ok: true } | { ok: false };

/**
 * Stores the interface language and refreshes the client router so every server-rendered string
 * (and the router cache of other pages) comes back in the new language.
 */
export async function setLocale(locale: unknown): Promise<SetLocaleResult> {
  // Server Actions are public endpoints: never trust the argument's type.
  if (!isAppLocale(locale)) return { ok: false };
  const cookieStore = await cookies();
  cookieStore.set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
    sameSite: 'lax',
    // Not httpOnly: the global error page reads it in the browser to pick its language.
    httpOnly: false,
  });
  refresh();
  return { ok: true };
}
