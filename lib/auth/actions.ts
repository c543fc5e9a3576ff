'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '../db';
import { logError } from '../errors';
import { isSecureDeployment, sessionCookieName } from './options';
import { signOutEverywhere } from './resolve-viewer';
import { getViewer, requireRequestContext } from './session';

/**
 * Signs out everywhere: the user's session version goes up, which ends every session of that user
 * (other browsers and devices too, and any copy of this cookie), then this browser's cookie is
 * removed. Always ends at the sign-in page, even when the session had already ended.
 */
export async function signOut(): Promise<void> {
  if (await getViewer()) {
    try {
      await signOutEverywhere(await getDb(), await requireRequestContext());
    } catch (error) {
      // The cookie is still removed below; the error is logged for the operator.
      logError(error, { where: 'auth.signOut' });
    }
  }
  const store = await cookies();
  const secure = isSecureDeployment();
  const name = sessionCookieName(secure);
  // next-auth splits large tokens into name.0, name.1, ...; ours are small, but remove any.
  // Expired with the same attributes it was set with: browsers ignore a `__Secure-` cookie
  // written without `Secure`.
  for (const cookie of store.getAll()) {
    if (cookie.name === name || cookie.name.startsWith(`${name}.`)) {
      store.set(cookie.name, '', { maxAge: 0, path: '/', httpOnly: true, sameSite: 'lax', secure });
    }
  }
  redirect('/sign-in?signedOut=1');
}
