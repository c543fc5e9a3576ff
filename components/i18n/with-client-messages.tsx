import { NextIntlClientProvider, useMessages } from 'next-intl';
import type { ReactNode } from 'react';
import { pickMessages, type MessagePath } from '@/lib/i18n/client-messages';
import type { AppMessages } from '@/lib/i18n/messages';

/**
 * A page, layout or loading view whose client components read the given message groups, and only
 * those reach the browser with it. The root layout sends the frame's few groups
 * (lib/i18n/client-messages.ts); a page's own come with the page, also when it is reached by a
 * client-side navigation (a layout would keep the groups of the first page it was rendered for).
 * `app/client-messages.test.ts` follows each route's imports and checks the list covers every
 * `useTranslations` of its client components.
 *
 * A provider replaces its parent's messages, so the list names every group the route's client
 * components use, the public ones included.
 */
export function withClientMessages<P extends object>(paths: readonly MessagePath[], Route: (props: P) => ReactNode | Promise<ReactNode>) {
  function WithClientMessages(props: P) {
    const messages = pickMessages(useMessages() as AppMessages, paths);
    return (
      <NextIntlClientProvider messages={messages}>
        <Route {...props} />
      </NextIntlClientProvider>
    );
  }
  WithClientMessages.displayName = `WithClientMessages(${Route.name || 'Route'})`;
  return WithClientMessages;
}
