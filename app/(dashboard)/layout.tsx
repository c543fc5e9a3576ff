import type { ReactNode } from 'react';
import { AppShell } from '@/components/ui/app-shell';
import { UserMenu } from '@/components/ui/user-menu';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getViewerProfile } from '@/lib/users/queries';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Not the protection (every page and action checks for itself): sends signed-out visitors to
  // the sign-in page and puts the signed-in user in the header.
  const viewer = await requireViewer();
  const profile = await getViewerProfile(await getDb(), viewer);
  return <AppShell userMenu={<UserMenu user={profile} />}>{children}</AppShell>;
}
