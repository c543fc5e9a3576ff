/**
 * Who is calling the partner REST API (`/api/v1/...`). Every v1 route handler starts here, so the
 * way in is decided once for all of them.
 *
 * Today: the browser session (requireRequestContext), which throws AppError UNAUTHENTICATED
 * without one. LEAD / API engineer: bearer tokens plug in here: read `Authorization: Bearer ...`
 * from `request`, look the token up (lib/auth, ApiToken.tokenHash), re-read its user and return
 * their RequestContext; fall back to the session only when no Authorization header is sent.
 */
import 'server-only';
import { requireRequestContext } from '../auth/session';
import type { RequestContext } from '../auth/viewer';

export async function authenticateApiRequest(request: Request): Promise<RequestContext> {
  // `request` is unused until bearer tokens arrive; taking it now keeps every caller unchanged then.
  void request;
  return requireRequestContext();
}
