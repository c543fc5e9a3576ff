import type { ReactNode } from 'react';
import { AlertBell } from '@/components/alerts/alert-bell';
import { AppShell } from '@/components/ui/app-shell';
import { LiveUpdates } from '@/components/ui/live-updates';
import { UserMenu } from '@/components/ui/user-menu';
import { requireViewer } from '@/lib/auth/session';
import { countUnreadAlerts, UNREAD_CAP } from '@/lib/alerts/queries';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { latestEventId } from '@/lib/events/outbox';
import { getViewerProfile } from '@/lib/users/queries';

/**
 * The frame of every signed-in page, in plain markup: Ant Design and the query client are added by
 * app/(dashboard)/(antd)/layout.tsx for the pages that use them.
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Not the protection (every page and action checks for itself): sends signed-out visitors to
  // the sign-in page and puts the signed-in user in the header.
  const viewer = await requireViewer();
  const db = await getDb();
  const profile = await getViewerProfile(db, viewer);
  const env = getEnv();
  const bell = env.alerts ? <AlertBell unread={await countUnreadAlerts(db, viewer)} cap={UNREAD_CAP} /> : null;
  return (
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
  );
}
