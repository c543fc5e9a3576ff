import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { getViewer } from '@/lib/auth/session';
import { FRAME_MESSAGES, PUBLIC_MESSAGES, pickMessages } from '@/lib/i18n/client-messages';
import type { AppMessages } from '@/lib/i18n/messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return {
    title: { default: t('name'), template: t('titleTemplate') },
    description: t('description'),
    applicationName: t('name'),
  };
}

/** A failed session check (database down) still lets the error page render; the page reports it. */
async function signedIn(): Promise<boolean> {
  try {
    return (await getViewer()) !== null;
  } catch {
    return false;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // Signed out, the only pages are sign-in and the error pages: they get only the groups they use.
  // Signed in, the frame's groups too; each page sends its own (components/i18n/with-client-messages.tsx).
  // Signing in reloads the whole page (components/auth/sign-in-form.tsx), so the signed-in pages
  // always render under a layout that had the session.
  const all = (await getMessages()) as AppMessages;
  const messages = pickMessages(all, (await signedIn()) ? [...PUBLIC_MESSAGES, ...FRAME_MESSAGES] : PUBLIC_MESSAGES);
  return (
    <html lang={locale}>
      <body>
        {/*
          Locale, time zone and formats come from lib/i18n/request.ts. Ant Design and the query
          client are the signed-in layout's (app/(dashboard)/layout.tsx): the signed-out pages are
          plain markup (docs/decisions/045-plain-public-pages.md).
        */}
        <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
