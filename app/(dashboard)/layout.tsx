import type { ReactNode } from 'react';
import { AppShell } from '@/components/ui/app-shell';
import { UserMenu } from '@/components/ui/user-menu';

export default function DashboardLayout({ children }: { children: ReactNode }) {
  // `user={null}` until authentication is wired: pass the session's user here.
  return <AppShell userMenu={<UserMenu user={null} />}>{children}</AppShell>;
}
