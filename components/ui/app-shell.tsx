'use client';

import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRef, useState, type ReactNode } from 'react';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { useFocusableScrollers } from './use-focusable-scrollers';

export interface AppShellProps {
  /** Right-hand corner for the signed-in user, usually `<UserMenu user={...} />`. */
  userMenu?: ReactNode;
  children: ReactNode;
}

const DRAWER_ID = 'app-nav-drawer';

export function AppShell({ userMenu, children }: AppShellProps) {
  const t = useTranslations();
  const [isMenuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const drawerBody = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLElement>(null);
  useFocusableScrollers(main);

  function handleOpenChange(open: boolean) {
    // Keyboard and screen-reader users land on the first link when the menu opens, and back on
    // the button that opened it when it closes, instead of at the top of the page.
    if (open) drawerBody.current?.querySelector<HTMLElement>('a, button')?.focus();
    else menuButton.current?.focus();
  }

  return (
    <Layout className="app-shell">
      {/* First focusable element, so keyboard users can jump past the header on every page. */}
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        {/* Shown only below the phone breakpoint (globals.css), where the bar of links does not fit. */}
        <Button
          ref={menuButton}
          className="app-menu-button"
          type="text"
          icon={<MenuOutlined />}
          aria-label={t('nav.openMenu')}
          aria-expanded={isMenuOpen}
          aria-controls={DRAWER_ID}
          onClick={() => setMenuOpen(true)}
          data-testid="nav-menu-button"
        />
        <Link href="/" className="app-brand">
          {t('app.name')}
        </Link>
        <MainNav />
        <div className="app-header-actions">
          <div className="app-header-locale">
            <LanguageSwitch />
          </div>
          {userMenu}
        </div>
      </Layout.Header>
      <Drawer
        id={DRAWER_ID}
        open={isMenuOpen}
        onClose={() => setMenuOpen(false)}
        afterOpenChange={handleOpenChange}
        placement="left"
        size={280}
        title={t('app.name')}
        closable={{ 'aria-label': t('nav.closeMenu') }}
        destroyOnHidden
        rootClassName="app-nav-drawer-root"
      >
        <div ref={drawerBody} className="app-drawer-body" data-testid="nav-drawer">
          <MainNav variant="drawer" onNavigate={() => setMenuOpen(false)} />
          <LanguageSwitch />
        </div>
      </Drawer>
      {/* tabIndex -1 lets the skip link move focus here, not just scroll. */}
      <Layout.Content ref={main} id="main" tabIndex={-1} className="app-main">
        {children}
      </Layout.Content>
    </Layout>
  );
}
