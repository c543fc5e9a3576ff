'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { LIVE_CHANGE_EVENT } from './live-change';

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Coverage figures change a few times a day; refetching on every focus would only add load.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: 1,
      },
    },
  });
}

/**
 * The query client of the pages that fetch in the browser, and the one place where a change
 * reported by the live stream (components/ui/live-updates.tsx) makes them refetch what is shown.
 * Ant Design's pages get it through Providers; the dashboard, which draws no antd, on its own.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  // One client per browser session; created lazily so server renders never share one between users.
  const [queryClient] = useState(createQueryClient);
  useEffect(() => {
    const refetch = () => void queryClient.invalidateQueries();
    window.addEventListener(LIVE_CHANGE_EVENT, refetch);
    return () => window.removeEventListener(LIVE_CHANGE_EVENT, refetch);
  }, [queryClient]);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
