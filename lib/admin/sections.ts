/**
 * The sections of the admin index page (/admin). To add one, append an entry: its page, the
 * permission that shows it (lib/auth/permissions.ts) and the message keys of its title and
 * description, in any namespace. The index lists only the sections the viewer may use; each
 * section's page and data still authorise for themselves.
 */
import type { MessageKeys, NestedKeyOf } from 'next-intl';
import type { Action } from '../auth/permissions';
import type { AppMessages } from '../i18n/messages';

/** Any leaf message key, e.g. 'admin.sections.users.title' (a typo is a type error). */
export type AppMessageKey = MessageKeys<AppMessages, NestedKeyOf<AppMessages>>;

export interface AdminSection {
  /** Stable id, also the test id of its entry. */
  id: string;
  href: string;
  permission: Action;
  titleKey: AppMessageKey;
  descriptionKey: AppMessageKey;
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  {
    id: 'users',
    href: '/admin/users',
    permission: 'user.manage',
    titleKey: 'admin.sections.users.title',
    descriptionKey: 'admin.sections.users.description',
  },
  {
    id: 'programs',
    href: '/admin/programs',
    // Program managers come here for milestones and annotations; program details stay admin-only.
    permission: 'milestone.manage',
    titleKey: 'adminPrograms.sectionTitle',
    descriptionKey: 'adminPrograms.sectionDescription',
  },
  {
    id: 'audit',
    href: '/admin/audit',
    permission: 'audit.read',
    titleKey: 'audit.sectionTitle',
    descriptionKey: 'audit.sectionDescription',
  },
  {
    id: 'import',
    href: '/admin/import',
    permission: 'import.run',
    titleKey: 'import.title',
    descriptionKey: 'import.sectionDescription',
  },
  {
    id: 'tokens',
    href: '/admin/tokens',
    permission: 'token.manage',
    titleKey: 'apiTokens.sectionTitle',
    descriptionKey: 'apiTokens.sectionDescription',
  },
  {
    id: 'apiDocs',
    href: '/api-docs',
    permission: 'coverage.read',
    titleKey: 'apiDocs.sectionTitle',
    descriptionKey: 'apiDocs.sectionDescription',
  },
];
