'use client';

import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

export interface AlertBellProps {
  /** Unread entries, counted up to `cap + 1`. */
  unread: number;
  cap: number;
}

/** The header's way to the inbox, with the unread count as a number (never colour alone). */
export function AlertBell({ unread, cap }: AlertBellProps) {
  const t = useTranslations('alerts');
  const label = unread > cap ? t('bellOver', { count: cap }) : t('bell', { count: unread });
  return (
    <Link href="/inbox" className="app-alert-bell" aria-label={label} title={label} data-testid="alert-bell" data-unread={unread}>
      <Badge count={unread} overflowCount={cap} size="small" data-testid="alert-bell-count">
        <BellOutlined style={{ fontSize: 18 }} aria-hidden />
      </Badge>
    </Link>
  );
}
