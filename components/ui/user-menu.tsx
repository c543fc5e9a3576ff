'use client';

import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Space, Tag, Tooltip } from 'antd';
import { useLocale, useTranslations } from 'next-intl';
import { useFormStatus } from 'react-dom';
import { signOut } from '@/lib/auth/actions';
import type { ViewerProfile } from '@/lib/users/queries';
import { localized } from '@/lib/i18n/localized';

export interface UserMenuProps {
  /** The signed-in user; `null`/absent renders nothing. */
  user?: ViewerProfile | null;
}

const ROLE_COLORS: Record<ViewerProfile['role'], string> = {
  ADMIN: 'red',
  PROGRAM_MANAGER: 'blue',
  PARTNER: 'green',
  EXECUTIVE: 'purple',
};

function SignOutButton() {
  const t = useTranslations('auth.userMenu');
  const { pending } = useFormStatus();
  return (
    <Tooltip title={t('signOutHint')}>
      <Button
        htmlType="submit"
        size="small"
        icon={<LogoutOutlined />}
        loading={pending}
        data-testid="sign-out"
        className="app-sign-out"
        aria-label={t('signOut')}
      >
        {/* On a phone only the icon shows (globals.css); the aria-label keeps the name. */}
        <span className="app-sign-out-label">{t('signOut')}</span>
      </Button>
    </Tooltip>
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
    <Space size={8} className="app-user-menu" aria-label={t('label', { name: user.name })} role="group">
      <Avatar size="small" icon={<UserOutlined />} aria-hidden />
      <Tooltip title={user.email}>
        <span data-testid="user-menu-name" className="app-user-name">
          {user.name}
        </span>
      </Tooltip>
      <Tag
        color={ROLE_COLORS[user.role]}
        data-testid="user-menu-role"
        className="app-user-extra"
        style={{ marginInlineEnd: 0 }}
      >
        {tRoles(user.role)}
      </Tag>
      {user.role === 'PARTNER' && (institution ?? user.institutionCode) ? (
        <span className="muted app-user-extra" data-testid="user-menu-institution">
          {institution ?? user.institutionCode}
        </span>
      ) : null}
      <form action={signOut}>
        <SignOutButton />
      </form>
    </Space>
  );
}
