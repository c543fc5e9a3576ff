import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import type { AppLocale } from './config';

/** The Chinese file is the reference: it is the default locale and what most users see. */
export type AppMessages = typeof zhCN;

// Both catalogues are small; importing them statically keeps loading synchronous, which the
// global error page needs because it renders without the root layout's providers.
const catalogues: Record<AppLocale, AppMessages> = {
  'zh-CN': zhCN,
  en,
};

export function messagesFor(locale: AppLocale): AppMessages {
  return catalogues[locale];
}
