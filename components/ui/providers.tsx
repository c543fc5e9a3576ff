'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import { useEffect, useState, type ReactNode } from 'react';
import type { AppLocale } from '@/lib/i18n/config';
import { LIVE_CHANGE_EVENT } from './live-change';
import { theme } from './theme';

const antdLocales = { 'zh-CN': zhCN, en: enUS } as const;
const dayjsLocales: Record<AppLocale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

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

export interface ProvidersProps {
  locale: AppLocale;
  /** Per-request CSP nonce, so the style tags antd adds at runtime carry it. */
  nonce?: string;
  children: ReactNode;
}

export function Providers({ locale, nonce, children }: ProvidersProps) {
  // One client per browser session; created lazily so server renders never share one between users.
  const [queryClient] = useState(createQueryClient);
  useEffect(() => {
    // A change reported by the live stream (components/ui/live-updates.tsx): refetch what is shown.
    const refetch = () => void queryClient.invalidateQueries();
    window.addEventListener(LIVE_CHANGE_EVENT, refetch);
    return () => window.removeEventListener(LIVE_CHANGE_EVENT, refetch);
  }, [queryClient]);

  // antd's date pickers read month and weekday names from dayjs's global locale. Setting it during
  // render (idempotent) means the first client render already uses the right language.
  const dayjsLocale = dayjsLocales[locale];
  if (dayjs.locale() !== dayjsLocale) dayjs.locale(dayjsLocale);

  return (
    <ConfigProvider locale={antdLocales[locale]} theme={theme} csp={nonce ? { nonce } : undefined}>
      <AntdApp>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
