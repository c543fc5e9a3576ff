/**
 * The pages each kind of user reaches, for the specs that visit every page (phone layout,
 * accessibility). Kept here so both specs walk the same tour; not a spec file itself.
 */
import type { BrowserContext } from '@playwright/test';
import { LOCALE_COOKIE, type AppLocale } from '../../lib/i18n/config';
import { DEMO_USERS } from './support/sign-in';

export const CITIES_PROGRAM = 'alipay-unionpay-offline';
export const BANKS_PROGRAM = 'alipay-bank-apps';

export interface TourStop {
  /** What the page is, as a test title would say it. */
  name: string;
  path: string;
}

export interface Tour {
  role: string;
  email: string;
  stops: readonly TourStop[];
}

/** Every page once, each under the role that sees the most of it. */
export const TOURS: readonly Tour[] = [
  {
    role: 'program manager',
    email: DEMO_USERS.pm,
    stops: [
      { name: 'dashboard', path: '/' },
      { name: 'matrix', path: '/matrix?asOf=2021-10-02&institutions=1' },
      { name: 'portfolio', path: '/portfolio' },
      { name: 'province drill-down', path: `/?program=${CITIES_PROGRAM}&asOf=2021-10-02&province=44` },
      { name: 'institutions', path: '/institutions' },
      { name: 'institution page', path: '/institutions/ICBC' },
      { name: 'city page', path: '/cities/4403' },
      { name: 'latest summary', path: '/summary' },
      { name: 'summary archive', path: '/summary/archive' },
      { name: 'summary of a week', path: '/summary/2021-W48' },
      { name: 'admin index', path: '/admin' },
      { name: 'admin programs', path: '/admin/programs' },
      { name: 'admin program', path: `/admin/programs/${CITIES_PROGRAM}` },
      { name: 'import', path: '/admin/import' },
      { name: 'city status form', path: `/programs/${CITIES_PROGRAM}/cities/4406/edit` },
      { name: 'province bulk form', path: `/programs/${CITIES_PROGRAM}/provinces/44/edit` },
      { name: 'API guide', path: '/api-docs' },
      { name: 'inbox', path: '/inbox' },
    ],
  },
  {
    role: 'admin',
    email: DEMO_USERS.admin,
    stops: [
      { name: 'users', path: '/admin/users' },
      { name: 'API tokens', path: '/admin/tokens' },
      { name: 'audit log', path: '/admin/audit' },
      { name: 'admin program', path: `/admin/programs/${BANKS_PROGRAM}` },
    ],
  },
  {
    role: 'executive',
    email: DEMO_USERS.exec,
    stops: [
      { name: 'dashboard', path: '/' },
      { name: 'institutions', path: '/institutions' },
      { name: 'latest summary', path: '/summary' },
      { name: 'summary of a week', path: '/summary/2021-W39' },
      { name: 'admin index', path: '/admin' },
    ],
  },
  {
    role: 'partner',
    email: DEMO_USERS.icbc,
    stops: [
      { name: 'dashboard', path: '/' },
      { name: 'own institution', path: '/institutions/ICBC' },
      { name: 'institution status form', path: `/programs/${BANKS_PROGRAM}/institutions/ICBC/edit` },
      { name: 'import', path: '/admin/import' },
      { name: 'inbox', path: '/inbox' },
    ],
  },
];

export const PHONE = { width: 390, height: 844 } as const;
export const SMALL_PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1440, height: 900 } as const;

/** The app picks its language from a cookie (lib/i18n/config.ts), not from the URL. */
export async function setLocaleCookie(context: BrowserContext, baseURL: string, locale: AppLocale): Promise<void> {
  await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL }]);
}
