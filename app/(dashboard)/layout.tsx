import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AlertBell } from '@/components/alerts/alert-bell';
import { AntdStyleRegistry } from '@/components/ui/antd-style-registry';
import { AppShell } from '@/components/ui/app-shell';
import { LiveUpdates } from '@/components/ui/live-updates';
import { Providers } from '@/components/ui/providers';
import { UserMenu } from '@/components/ui/user-menu';
import { requireViewer } from '@/lib/auth/session';
import { countUnreadAlerts, UNREAD_CAP } from '@/lib/alerts/queries';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { latestEventId } from '@/lib/events/outbox';
import { NONCE_HEADER } from '@/lib/security/headers';
import { getViewerProfile } from '@/lib/users/queries';
// After globals.css (the root layout's), as antd's inline styles used to be: antd's rules win
// where both match. Only signed-in pages load it; the signed-out ones are plain markup.
import '../antd.css';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Not the protection (every page and action checks for itself): sends signed-out visitors to
  // the sign-in page and puts the signed-in user in the header.
  const viewer = await requireViewer();
  const db = await getDb();
  const profile = await getViewerProfile(db, viewer);
  const env = getEnv();
  const locale = await getLocale();
  // Per-request CSP nonce for the few style tags antd adds at runtime.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  const bell = env.alerts ? <AlertBell unread={await countUnreadAlerts(db, viewer)} cap={UNREAD_CAP} /> : null;
  return (
    <AntdStyleRegistry nonce={nonce}>
      <Providers locale={locale} nonce={nonce}>
        <AppShell
          userMenu={
            <>
              {bell}
              <UserMenu user={profile} />
            </>
          }
        >
          {env.liveUpdates ? <LiveUpdates since={await latestEventId(db)} /> : null}
          {children}
        </AppShell>
      </Providers>
    </AntdStyleRegistry>
  );
}
