'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useId, useState, useTransition } from 'react';
import { setLocale } from '@/lib/i18n/actions';
import { locales, type AppLocale } from '@/lib/i18n/config';
import styles from './plain.module.css';

/**
 * The interface language: a radio group (one tab stop, arrow keys between languages) drawn as a
 * small segmented control. Plain markup, so the signed-out pages can show it without Ant Design.
 */
export function LanguageSwitch() {
  const t = useTranslations('locale');
  const locale = useLocale();
  const name = useId();
  const [failed, setFailed] = useState(false);
  const [target, setTarget] = useState<AppLocale>(locale as AppLocale);
  const [pending, startTransition] = useTransition();

  function handleChange(value: AppLocale) {
    // Not disabled while pending: disabling would drop keyboard focus out of the control.
    if (pending || value === locale) return;
    setFailed(false);
    setTarget(value);
    startTransition(async () => {
      try {
        const result = await setLocale(value);
        if (!result.ok) setFailed(true);
      } catch {
        setFailed(true);
      }
    });
  }

  return (
    <div>
      <fieldset className={styles.switch} aria-busy={pending} data-testid="language-switch">
        <legend>{t('label')}</legend>
        {locales.map((value) => (
          // Each language is named in itself, so a reader of the other language can still find it.
          <label key={value} lang={value}>
            <input
              type="radio"
              name={name}
              value={value}
              checked={value === (pending ? target : locale)}
              onChange={() => handleChange(value)}
            />
            {t(value)}
          </label>
        ))}
      </fieldset>
      {failed ? (
        <p role="alert" className={styles.switchError}>
          {t('switchFailed')}
        </p>
      ) : null}
    </div>
  );
}
