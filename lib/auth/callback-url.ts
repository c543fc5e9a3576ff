/**
 * Where to go after signing in. Only a same-origin path is accepted ("/x", never "//evil.test",
 * "/\\evil.test", "https://...", or anything with control characters), so a crafted sign-in
 * link cannot send someone to another site. Anything else falls back to the dashboard.
 */
export function safeCallbackUrl(value: string | string[] | null | undefined): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  // Browsers drop tabs and newlines inside URLs, which would turn "/\t/evil.test" into "//evil.test".
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return '/';
  // Never bounce back to the sign-in page itself.
  if (raw === '/sign-in' || raw.startsWith('/sign-in?') || raw.startsWith('/api/auth')) return '/';
  return raw;
}

/** The sign-in page's URL that returns to `path` afterwards. */
export function signInUrlFor(path: string): string {
  const target = safeCallbackUrl(path);
  return target === '/' ? '/sign-in' : `/sign-in?callbackUrl=${encodeURIComponent(target)}`;
}

/**
 * Request header that proxy.ts sets on every request to the path and query the browser asked
 * for, so a page that needs sign-in can come back to it (Server Components cannot see their URL).
 * Only ever used as a callbackUrl, which safeCallbackUrl checks again.
 */
export const REQUEST_PATH_HEADER = 'x-hutong-path';

/** The path and query of a request URL, without Next's internal `_rsc` cache-busting parameter. */
export function requestPathOf(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete('_rsc');
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}
