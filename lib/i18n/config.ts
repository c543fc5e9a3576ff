/**
 * Locale settings shared by the server (request config, Server Action) and the browser
 * (language switch, global error page). Kept free of Next.js imports so it stays unit-testable.
 *
 * The locale lives in a cookie rather than in the URL: Hutong is an internal tool whose links are
 * shared between colleagues who read different languages, so a link must not pin a language.
 */

export const locales = ['zh-CN', 'en'] as const;

export type AppLocale = (typeof locales)[number];

export const defaultLocale: AppLocale = 'zh-CN';

/** Same name next-intl's own routing would use, so switching to locale routing later keeps users' choice. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

/** One year: the choice is a preference, not a session. */
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 60 * 60 * 24 * 365;

/**
 * Rollout dates are business dates in mainland China; rendering them in the server's or the
 * viewer's zone would shift "went live on" across midnight.
 */
export const TIME_ZONE = 'Asia/Shanghai';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Anything unknown (missing cookie, tampered value, old locale code) falls back to the default. */
export function resolveLocale(value: string | null | undefined): AppLocale {
  return isAppLocale(value) ? value : defaultLocale;
}

/** Reads the locale from a raw `Cookie` header or `document.cookie` string. */
export function localeFromCookieString(cookieString: string | null | undefined): AppLocale {
  if (!cookieString) return defaultLocale;
  for (const part of cookieString.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() !== LOCALE_COOKIE) continue;
    const raw = part.slice(separator + 1).trim();
    try {
      return resolveLocale(decodeURIComponent(raw));
    } catch {
      return defaultLocale;
    }
  }
  return defaultLocale;
}
