'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { isActivePath, navItems } from './nav';

/**
 * Plain links rather than antd's Menu: Menu uses the ARIA menu pattern (arrow-key roving focus),
 * which screen-reader users do not expect for site navigation.
 */
export function MainNav() {
  const t = useTranslations('nav');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')} className="app-nav">
      <ul>
        {navItems.map((item) => {
          const active = isActivePath(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                // Prefetch on hover or focus, not on every page load: loading the code of every
                // section up front (admin forms, tables) doubled what the dashboard downloads.
                prefetch={false}
                aria-current={active ? 'page' : undefined}
                className={active ? 'app-nav-link app-nav-link-active' : 'app-nav-link'}
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
