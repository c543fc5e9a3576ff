'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useFormStatus } from 'react-dom';
import { signOut } from '@/lib/auth/actions';
import type { ViewerProfile } from '@/lib/users/queries';
import { localized } from '@/lib/i18n/localized';

export interface UserMenuProps {
  /** The signed-in user; `null`/absent renders nothing. */
  user?: ViewerProfile | null;
}

function SignOutButton() {
  const t = useTranslations('auth.userMenu');
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      title={t('signOutHint')}
      data-testid="sign-out"
      className="app-sign-out"
      aria-label={t('signOut')}
    >
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden focusable="false">
        <path
          d="M6 2H3v12h3M10.5 4.5 14 8l-3.5 3.5M14 8H6"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {/* On a phone only the icon shows (globals.css); the aria-label keeps the name. */}
      <span className="app-sign-out-label">{t('signOut')}</span>
    </button>
  );
}

/**
 * The signed-in user's corner of the header: name, role, institution (partners) and sign-out.
 * Sign-out is a plain form posting to a Server Action, so it works from the keyboard and without
 * JavaScript, and it ends the user's sessions on every device (lib/auth/actions.ts).
 */
export function UserMenu({ user }: UserMenuProps) {
  const t = useTranslations('auth.userMenu');
  const tRoles = useTranslations('users.roles');
  const locale = useLocale();
  if (!user) return null;
  const institution = localized(locale, user.institutionNameZh, user.institutionNameEn);
  return (
    <div className="app-user-menu" aria-label={t('label', { name: user.name })} role="group">
      <span className="app-avatar" aria-hidden>
        <svg width="14" height="14" viewBox="0 0 16 16" focusable="false">
          <circle cx="8" cy="5" r="3" fill="currentColor" />
          <path d="M2 15c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5z" fill="currentColor" />
        </svg>
      </span>
      <span data-testid="user-menu-name" className="app-user-name" title={user.email}>
        {user.name}
      </span>
      <span data-testid="user-menu-role" className={`app-role-tag app-role-${user.role.toLowerCase().replace('_', '-')} app-user-extra`}>
        {tRoles(user.role)}
      </span>
      {user.role === 'PARTNER' && (institution ?? user.institutionCode) ? (
        <span className="muted app-user-extra" data-testid="user-menu-institution">
          {institution ?? user.institutionCode}
        </span>
      ) : null}
      <form action={signOut}>
        <SignOutButton />
      </form>
    </div>
  );
}
