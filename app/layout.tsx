import { AntdRegistry } from '@ant-design/nextjs-registry';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Providers } from '@/components/ui/providers';
import { NONCE_HEADER } from '@/lib/security/headers';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return {
    title: { default: t('name'), template: t('titleTemplate') },
    description: t('description'),
    applicationName: t('name'),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // Reading the request headers also keeps every page dynamic, which nonce-based CSP requires.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang={locale}>
      <body>
        <AntdRegistry>
          {/* Inherits locale, time zone, formats and messages from lib/i18n/request.ts. */}
          <NextIntlClientProvider>
            <Providers locale={locale} nonce={nonce}>
              {children}
            </Providers>
          </NextIntlClientProvider>
        </AntdRegistry>
      </body>
    </html>
  );
}
