'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { useFocusableScrollers } from './use-focusable-scrollers';

export interface AppShellProps {
  /** Right-hand corner for the signed-in user, usually `<UserMenu user={...} />`. */
  userMenu?: ReactNode;
  children: ReactNode;
}

const DRAWER_ID = 'app-nav-drawer';

/**
 * The signed-in pages' frame: skip link, header, the phone's menu drawer and the main region.
 * Plain markup and a native modal `<dialog>` for the drawer (focus stays inside, Escape closes,
 * the page behind is inert), so a page that draws no Ant Design component loads none
 * (docs/decisions/045-plain-public-pages.md).
 */
export function AppShell({ userMenu, children }: AppShellProps) {
  const t = useTranslations();
  const [isMenuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const drawerBody = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLElement>(null);
  useFocusableScrollers(main);

  useEffect(() => {
    // Keyboard and screen-reader users land on the first link when the menu opens.
    if (isMenuOpen) drawerBody.current?.querySelector<HTMLElement>('a, button')?.focus();
  }, [isMenuOpen]);

  function openMenu() {
    dialog.current?.showModal();
    setMenuOpen(true);
  }

  function closeMenu() {
    dialog.current?.close();
  }

  function handleClosed() {
    setMenuOpen(false);
    // Back on the button that opened it, instead of at the top of the page.
    menuButton.current?.focus();
  }

  function closeOnBackdrop(event: MouseEvent<HTMLDialogElement>) {
    // A click on the dim backdrop reaches the dialog element itself, outside its panel.
    if (event.target === event.currentTarget) closeMenu();
  }

  return (
    <div className="app-shell">
      {/* First focusable element, so keyboard users can jump past the header on every page. */}
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        {/* Shown only below the phone breakpoint (globals.css), where the bar of links does not fit. */}
        <button
          ref={menuButton}
          type="button"
          className="app-menu-button app-icon-button"
          aria-label={t('nav.openMenu')}
          aria-expanded={isMenuOpen}
          aria-controls={DRAWER_ID}
          onClick={openMenu}
          data-testid="nav-menu-button"
        >
          <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden focusable="false">
            <path d="M2 4h14M2 9h14M2 14h14" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
        {/* Not prefetched, like the section links (main-nav.tsx). */}
        <Link href="/" className="app-brand" prefetch={false}>
          {t('app.name')}
        </Link>
        <MainNav />
        <div className="app-header-actions">
          <div className="app-header-locale">
            <LanguageSwitch />
          </div>
          {userMenu}
        </div>
      </header>
      <dialog
        ref={dialog}
        id={DRAWER_ID}
        className="app-nav-drawer-root"
        aria-labelledby={`${DRAWER_ID}-title`}
        onClose={handleClosed}
        onClick={closeOnBackdrop}
      >
        <div className="app-drawer-panel">
          <div className="app-drawer-header">
            <span id={`${DRAWER_ID}-title`} className="app-drawer-title">
              {t('app.name')}
            </span>
            <button type="button" className="app-icon-button" aria-label={t('nav.closeMenu')} onClick={closeMenu}>
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden focusable="false">
                <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
              </svg>
            </button>
          </div>
          {isMenuOpen ? (
            <div ref={drawerBody} className="app-drawer-body" data-testid="nav-drawer">
              <MainNav variant="drawer" onNavigate={closeMenu} />
              <LanguageSwitch />
            </div>
          ) : null}
        </div>
      </dialog>
      {/* tabIndex -1 lets the skip link move focus here, not just scroll. */}
      <main ref={main} id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
    </div>
  );
}
