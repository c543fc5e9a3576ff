'use client';

import { App, Segmented } from 'antd';
import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { setLocale } from '@/lib/i18n/actions';
import { locales, type AppLocale } from '@/lib/i18n/config';

export function LanguageSwitch() {
  const t = useTranslations('locale');
  const locale = useLocale();
  const { message } = App.useApp();
  const [pending, startTransition] = useTransition();

  function handleChange(value: AppLocale) {
    // Not disabled while pending: disabling would drop keyboard focus out of the control.
    if (pending || value === locale) return;
    startTransition(async () => {
      try {
        const result = await setLocale(value);
        if (!result.ok) message.error(t('switchFailed'));
      } catch {
        message.error(t('switchFailed'));
      }
    });
  }

  return (
    <Segmented<AppLocale>
      size="small"
      value={locale}
      onChange={handleChange}
      aria-label={t('label')}
      aria-busy={pending}
      options={locales.map((value) => ({
        value,
        // Each language is named in itself, so a reader of the other language can still find it.
        label: <span lang={value}>{t(value)}</span>,
      }))}
    />
  );
}
