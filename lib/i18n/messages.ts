import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import type { AppLocale } from './config';

/** The Chinese file is the reference: it is the default locale and what most users see. */
export type AppMessages = typeof zhCN;

// Server-side: both catalogues, loaded synchronously per request. Client code must not import this
// module (it would bundle both files into the page); app/global-error.tsx loads its locale's file
// on demand instead.
const catalogues: Record<AppLocale, AppMessages> = {
  'zh-CN': zhCN,
  en,
};

export function messagesFor(locale: AppLocale): AppMessages {
  return catalogues[locale];
}
