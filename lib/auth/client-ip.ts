/**
 * The client's IP for rate limits and the audit trail: the first hop of `x-forwarded-for`, else
 * `x-real-ip`. Trustworthy only behind a reverse proxy that overwrites these headers (the usual
 * nginx/Caddy setup); a client talking to Node directly can send any value, which is why the
 * per-account sign-in limit does not depend on it.
 */

/** Rejects junk (and keeps rate-limit keys short): IPv4, IPv6 and IPv4-mapped forms only. */
const IP_PATTERN = /^[0-9a-fA-F:.]{2,45}$/;

export function clientIpFrom(getHeader: (name: string) => string | null | undefined): string | null {
  const forwarded = getHeader('x-forwarded-for')?.split(',')[0]?.trim();
  const candidate = forwarded || getHeader('x-real-ip')?.trim();
  return candidate && IP_PATTERN.test(candidate) ? candidate : null;
}
