'use client';

import { AntdRegistry } from '@ant-design/nextjs-registry';
import { NextIntlClientProvider } from 'next-intl';
import { useSyncExternalStore } from 'react';
import { ErrorResult } from '@/components/ui/error-result';
import { Providers } from '@/components/ui/providers';
import { TIME_ZONE, defaultLocale, localeFromCookieString } from '@/lib/i18n/config';
import { formats } from '@/lib/i18n/formats';
import { messagesFor } from '@/lib/i18n/messages';
import './globals.css';

const subscribeToNothing = () => () => {};

/**
 * Replaces the root layout when the layout itself fails, so none of its providers exist here:
 * the language comes straight from the cookie and the messages are bundled.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  // The server snapshot is the default locale; hydration then switches to the cookie's value.
  const locale = useSyncExternalStore(
    subscribeToNothing,
    () => localeFromCookieString(document.cookie),
    () => defaultLocale,
  );
  const messages = messagesFor(locale);
  return (
    <html lang={locale}>
      <body>
        <AntdRegistry>
          <NextIntlClientProvider
            locale={locale}
            messages={messages}
            timeZone={TIME_ZONE}
            formats={formats}
          >
            <Providers locale={locale}>
              <title>{messages.app.name}</title>
              <main id="main" tabIndex={-1} className="app-status-page">
                <ErrorResult error={error} retry={retry} />
              </main>
            </Providers>
          </NextIntlClientProvider>
        </AntdRegistry>
      </body>
    </html>
  );
}
