'use client';

import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import { useMemo, type ReactNode } from 'react';
import type { AppLocale } from '@/lib/i18n/config';
import { NotifyContext, type Notify } from './notify';
import { QueryProvider } from './query-provider';
import { theme } from './theme';

const antdLocales = { 'zh-CN': zhCN, en: enUS } as const;
const dayjsLocales: Record<AppLocale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

export interface ProvidersProps {
  locale: AppLocale;
  /** Per-request CSP nonce, so the style tags antd adds at runtime carry it. */
  nonce?: string;
  children: ReactNode;
}

export function Providers({ locale, nonce, children }: ProvidersProps) {
  // antd's date pickers read month and weekday names from dayjs's global locale. Setting it during
  // render (idempotent) means the first client render already uses the right language.
  const dayjsLocale = dayjsLocales[locale];
  if (dayjs.locale() !== dayjsLocale) dayjs.locale(dayjsLocale);

  return (
    <ConfigProvider locale={antdLocales[locale]} theme={theme} csp={nonce ? { nonce } : undefined}>
      <AntdApp>
        <AntdNotify>
          <QueryProvider>{children}</QueryProvider>
        </AntdNotify>
      </AntdApp>
    </ConfigProvider>
  );
}

/** Toasts through antd's message API, which needs App's context (hence inside <AntdApp>). */
function AntdNotify({ children }: { children: ReactNode }) {
  const { message } = AntdApp.useApp();
  const notify = useMemo<Notify>(
    () => ({
      success: (text) => void message.success(text),
      error: (text) => void message.error(text),
    }),
    [message],
  );
  return <NotifyContext.Provider value={notify}>{children}</NotifyContext.Provider>;
}
