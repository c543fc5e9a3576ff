'use client';

import { UserOutlined } from '@ant-design/icons';
import { Avatar, Space, Typography } from 'antd';

export interface UserMenuUser {
  /** Display name as stored on the account. */
  name: string;
  /** Already localised role label, if the caller wants one shown. */
  roleLabel?: string;
}

export interface UserMenuProps {
  /** The signed-in user; `null`/absent renders nothing (signed out, or auth not wired yet). */
  user?: UserMenuUser | null;
}

/**
 * Placeholder for the signed-in user's corner of the header. Whoever wires authentication
 * replaces the body (sign-out, profile) without touching the shell.
 */
export function UserMenu({ user }: UserMenuProps) {
  if (!user) return null;
  return (
    <Space size={8} className="app-user-menu">
      <Avatar size="small" icon={<UserOutlined />} aria-hidden />
      <Typography.Text>{user.name}</Typography.Text>
      {user.roleLabel ? <Typography.Text type="secondary">{user.roleLabel}</Typography.Text> : null}
    </Space>
  );
}
