import { NextResponse, type NextRequest } from 'next/server';
import {
  CSP_HEADER,
  NONCE_HEADER,
  generateNonce,
  isHttpsRequest,
  securityHeaders,
} from '@/lib/security/headers';
import { REQUEST_PATH_HEADER, requestPathOf } from '@/lib/auth/callback-url';

/**
 * Adds the per-request CSP nonce and the security headers.
 *
 * This is deliberately NOT where authorisation happens: a proxy can be skipped by a matcher
 * mistake or a route it does not cover, so every page, Server Action and route handler checks the
 * session and role itself, next to the data it protects.
 */
export function proxy(request: NextRequest) {
  const nonce = generateNonce();
  // The one read of process.env outside lib/env.ts, accepted because NODE_ENV is set by Next
  // itself (`next dev` vs `next build`/`next start`), not by deployment configuration, and the
  // proxy should not pull the application's env validation into every request.
  // eslint-disable-next-line no-restricted-properties -- see the comment above
  const isDev = process.env.NODE_ENV === 'development';
  const https = isHttpsRequest({
    url: request.url,
    forwardedProto: request.headers.get('x-forwarded-proto'),
  });
  const headers = securityHeaders({ nonce, isDev, https });
  const csp = headers[CSP_HEADER] ?? '';

  // Next.js reads the nonce from the request's CSP header and stamps it on its own scripts;
  // x-nonce is what our layout reads to hand the nonce to Ant Design. Both overwrite anything
  // the client sent under those names.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set(CSP_HEADER, csp);
  // Lets a page that needs sign-in send the browser back here afterwards (lib/auth/session.ts).
  requestHeaders.set(REQUEST_PATH_HEADER, requestPathOf(request.nextUrl));

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  matcher: [
    // Everything (pages, Server Actions, /api) except hashed build assets, image optimisation,
    // the favicon and the static map data under public/geo.
    '/((?!_next/static|_next/image|favicon\\.ico|geo/).*)',
  ],
};
