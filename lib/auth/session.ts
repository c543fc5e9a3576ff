/**
 * The signed-in viewer for pages, Server Actions and route handlers. Every request re-reads the
 * user from the database (lib/auth/resolve-viewer.ts): a disabled user, a changed role or a
 * signed-out session is refused on the next request. If that check fails (database down), the
 * error propagates: nothing protected is ever served on a failed check.
 */
import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '../db';
import { AppError } from '../errors';
import { REQUEST_PATH_HEADER, signInUrlFor } from './callback-url';
import { clientIpFrom } from './client-ip';
import { getAuthOptions } from './options';
import { readSessionClaims, resolveViewer } from './resolve-viewer';
import type { RequestContext, Viewer } from './viewer';

// Once per request: a layout and its page both ask, the database answers once.
const viewerForRequest = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(getAuthOptions());
  const claims = readSessionClaims(session);
  if (!claims) return null;
  return resolveViewer(await getDb(), claims);
});

/** The signed-in viewer, or null. Never throws for "not signed in". */
export async function getViewer(): Promise<Viewer | null> {
  return viewerForRequest();
}

/** For pages: the signed-in viewer, or a redirect to /sign-in that comes back here afterwards. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  const path = (await headers()).get(REQUEST_PATH_HEADER) ?? '/';
  redirect(signInUrlFor(path));
}

/** For Server Actions and route handlers: viewer + client IP, or AppError UNAUTHENTICATED. */
export async function requireRequestContext(): Promise<RequestContext> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError('UNAUTHENTICATED', 'not signed in');
  const requestHeaders = await headers();
  return { viewer, ip: clientIpFrom((name) => requestHeaders.get(name)) };
}
