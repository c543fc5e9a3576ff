'use client';

import { Layout } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';

export interface AppShellProps {
  /** Right-hand corner for the signed-in user, usually `<UserMenu user={...} />`. */
  userMenu?: ReactNode;
  children: ReactNode;
}

export function AppShell({ userMenu, children }: AppShellProps) {
  const t = useTranslations();
  return (
    <Layout className="app-shell">
      {/* First focusable element, so keyboard users can jump past the header on every page. */}
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        <Link href="/" className="app-brand">
          {t('app.name')}
        </Link>
        <MainNav />
        <div className="app-header-actions">
          <LanguageSwitch />
          {userMenu}
        </div>
      </Layout.Header>
      {/* tabIndex -1 lets the skip link move focus here, not just scroll. */}
      <Layout.Content id="main" tabIndex={-1} className="app-main">
        {children}
      </Layout.Content>
    </Layout>
  );
}
