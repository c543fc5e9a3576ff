/**
 * Security headers applied by `proxy.ts` to every page and API response.
 *
 * Pure functions (no Next.js imports, no environment reads) so the policy can be unit-tested and
 * reviewed in one place.
 */

/** Request header carrying the per-request nonce to Server Components (see the root layout). */
export const NONCE_HEADER = 'x-nonce';

export const CSP_HEADER = 'Content-Security-Policy';

/** 128 bits from the Web Crypto API, base64-encoded as CSP nonces must be. */
export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export interface CspOptions {
  nonce: string;
  /** Development needs 'unsafe-eval' for React's dev tooling (server error stacks in the browser). */
  isDev: boolean;
}

export function buildContentSecurityPolicy({ nonce, isDev }: CspOptions): string {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(nonce)) {
    // A nonce containing quotes, spaces or semicolons could inject extra directives.
    throw new Error('CSP nonce must be base64');
  }
  const scriptSrc = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  if (isDev) scriptSrc.push("'unsafe-eval'");

  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', scriptSrc],
    // Ant Design injects its CSS-in-JS as inline <style> elements at runtime; a nonce in
    // style-src would make browsers ignore 'unsafe-inline' and break those styles.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

export interface RequestProtocolInfo {
  /** The request URL as the server saw it. */
  url: string;
  /** `x-forwarded-proto` set by the TLS-terminating reverse proxy, if any. */
  forwardedProto: string | null;
}

export function isHttpsRequest({ url, forwardedProto }: RequestProtocolInfo): boolean {
  // Chained proxies append their own value ("https, http"): the first one is the client's.
  const firstHop = forwardedProto?.split(',')[0]?.trim().toLowerCase();
  if (firstHop) return firstHop === 'https';
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

export interface SecurityHeaderOptions extends CspOptions {
  /**
   * HSTS only over HTTPS: browsers ignore it on plain HTTP anyway, and sending it from a local
   * `http://localhost` deployment would only add noise.
   */
  https: boolean;
}

export function securityHeaders({ nonce, isDev, https }: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    [CSP_HEADER]: buildContentSecurityPolicy({ nonce, isDev }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // Legacy counterpart of frame-ancestors 'none' for browsers without CSP level 2.
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
  if (https) headers['Strict-Transport-Security'] = HSTS_VALUE;
  return headers;
}
