import type { AppLocale } from './config';
import type { formats } from './formats';
import type { AppMessages } from './messages';

// Makes message keys, locales and format names type-checked in every useTranslations/getTranslations call.
declare module 'next-intl' {
  interface AppConfig {
    Locale: AppLocale;
    Messages: AppMessages;
    Formats: typeof formats;
  }
}
