import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AntdStyleRegistry } from '@/components/ui/antd-style-registry';
import { Providers } from '@/components/ui/providers';
import { NONCE_HEADER } from '@/lib/security/headers';
// After globals.css (the root layout's), as antd's inline styles used to be: antd's rules win
// where both match. Only the pages under this layout load it.
import '../../antd.css';

/**
 * Ant Design (its style registry, ConfigProvider, App) and the query client, for the pages that use
 * them: every signed-in page but the weekly summary, which is plain markup so that an executive's
 * phone loads no more than the report (docs/decisions/045-plain-public-pages.md).
 */
export default async function AntdLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // Per-request CSP nonce for the few style tags antd adds at runtime.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <AntdStyleRegistry nonce={nonce}>
      <Providers locale={locale} nonce={nonce}>
        {children}
      </Providers>
    </AntdStyleRegistry>
  );
}
