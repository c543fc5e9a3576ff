'use client';

import { NextIntlClientProvider } from 'next-intl';
import { Suspense, use, useSyncExternalStore } from 'react';
import { ErrorResult } from '@/components/ui/error-result';
import { ERROR_PAGE_MESSAGES, pickMessages } from '@/lib/i18n/client-messages';
import { TIME_ZONE, defaultLocale, localeFromCookieString, type AppLocale } from '@/lib/i18n/config';
import { formats } from '@/lib/i18n/formats';
import type { AppMessages } from '@/lib/i18n/messages';
import './globals.css';

const subscribeToNothing = () => () => {};

type ErrorMessages = Pick<AppMessages, (typeof ERROR_PAGE_MESSAGES)[number]>;

// This module is part of every page's bundle, so the catalogues are not imported statically
// (both together are ~27 kB gzip): the active one is fetched only when this page is shown.
const loaders: Record<AppLocale, () => Promise<{ default: AppMessages }>> = {
  'zh-CN': () => import('@/messages/zh-CN.json'),
  en: () => import('@/messages/en.json'),
};
const pending = new Map<AppLocale, Promise<ErrorMessages>>();

function loadMessages(locale: AppLocale): Promise<ErrorMessages> {
  let p = pending.get(locale);
  if (!p) {
    p = loaders[locale]().then(
      ({ default: all }) => pickMessages(all, ERROR_PAGE_MESSAGES),
      (error: unknown) => {
        // Let a later render try again (e.g. after the network came back).
        pending.delete(locale);
        throw error;
      },
    );
    pending.set(locale, p);
  }
  return p;
}

function LocalisedError({ locale, error, retry }: { locale: AppLocale; error: unknown; retry: () => void }) {
  const messages = use(loadMessages(locale));
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={TIME_ZONE} formats={formats}>
      <title>{messages.app.name}</title>
      <main id="main" tabIndex={-1} className="app-status-page">
        <ErrorResult error={error} retry={retry} />
      </main>
    </NextIntlClientProvider>
  );
}

/**
 * Replaces the root layout when the layout itself fails, so none of its providers exist here:
 * the language comes straight from the cookie and the messages are loaded on demand.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  // The server snapshot is the default locale; hydration then switches to the cookie's value.
  const locale = useSyncExternalStore(
    subscribeToNothing,
    () => localeFromCookieString(document.cookie),
    () => defaultLocale,
  );
  return (
    <html lang={locale}>
      <body>
        <Suspense fallback={null}>
          <LocalisedError locale={locale} error={error} retry={retry} />
        </Suspense>
      </body>
    </html>
  );
}
