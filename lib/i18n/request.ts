import 'server-only';
import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, TIME_ZONE, resolveLocale } from './config';
import { formats } from './formats';
import { messagesFor } from './messages';

// Wired through createNextIntlPlugin in next.config.ts; next-intl calls this once per request.
export default getRequestConfig(async ({ locale: explicitLocale }) => {
  // An explicit locale (e.g. getTranslations({ locale: 'en' }) for an export in another
  // language) wins over the visitor's cookie.
  const locale = resolveLocale(explicitLocale ?? (await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    timeZone: TIME_ZONE,
    formats,
    messages: messagesFor(locale),
  };
});
