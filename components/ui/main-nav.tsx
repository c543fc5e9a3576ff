'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { isActivePath, navItems } from './nav';

export interface MainNavProps {
  /** `drawer`: the stacked list inside the phone menu; `bar`: the row in the desktop header. */
  variant?: 'bar' | 'drawer';
  /** Called when a link is followed, so the phone menu can close itself. */
  onNavigate?: () => void;
}

/**
 * Plain links rather than antd's Menu: Menu uses the ARIA menu pattern (arrow-key roving focus),
 * which screen-reader users do not expect for site navigation.
 */
export function MainNav({ variant = 'bar', onNavigate }: MainNavProps) {
  const t = useTranslations('nav');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')} className={variant === 'drawer' ? 'app-nav app-nav-drawer' : 'app-nav app-nav-bar'}>
      <ul>
        {navItems.map((item) => {
          const active = isActivePath(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                // Not prefetched (the App Router's prefetch={false} also skips hover): loading the
                // code of every section up front (admin forms, tables) doubled what the dashboard
                // downloads.
                prefetch={false}
                aria-current={active ? 'page' : undefined}
                className={active ? 'app-nav-link app-nav-link-active' : 'app-nav-link'}
                onClick={onNavigate}
              >
                {t(item.labelKey)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
