'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';

export interface AlertBellProps {
  /** Unread entries, counted up to `cap + 1`. */
  unread: number;
  cap: number;
}

/** The header's way to the inbox, with the unread count as a number (never colour alone). */
export function AlertBell({ unread, cap }: AlertBellProps) {
  const t = useTranslations('alerts.bell');
  const label = unread > cap ? t('over', { count: cap }) : t('label', { count: unread });
  return (
    // Not prefetched: every signed-in page shows the bell, and would fetch the inbox with it.
    <Link href="/inbox" prefetch={false} className="app-alert-bell" aria-label={label} title={label} data-testid="alert-bell" data-unread={unread}>
      <svg width="18" height="18" viewBox="0 0 1024 1024" aria-hidden focusable="false">
        <path
          fill="currentColor"
          d="M816 768h-24V428c0-141.1-104.3-257.7-240-277.1V112c0-22.1-17.9-40-40-40s-40 17.9-40 40v38.9c-135.7 19.4-240 136-240 277.1v340h-24c-17.7 0-32 14.3-32 32v32c0 4.4 3.6 8 8 8h216c0 61.8 50.2 112 112 112s112-50.2 112-112h216c4.4 0 8-3.6 8-8v-32c0-17.7-14.3-32-32-32zM512 888c-26.5 0-48-21.5-48-48h96c0 26.5-21.5 48-48 48zM304 768V428c0-55.6 21.6-107.8 60.9-147.1S456.4 220 512 220c55.6 0 107.8 21.6 147.1 60.9S720 372.4 720 428v340H304z"
        />
      </svg>
      {unread > 0 ? (
        <span className="app-badge" data-testid="alert-bell-count" aria-hidden>
          {unread > cap ? `${cap}+` : unread}
        </span>
      ) : null}
    </Link>
  );
}
