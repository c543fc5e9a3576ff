'use client';

import { useTranslations } from 'next-intl';
import { errorDigest } from './error-digest';
import styles from './plain.module.css';

export interface ErrorResultProps {
  error: unknown;
  retry: () => void;
}

/**
 * Shared body of the route and global error boundaries. Error boundaries ship with every page and
 * render outside the signed-in layout's Ant Design providers, so this is plain markup in antd's
 * Result look; the error id is selectable text.
 */
export function ErrorResult({ error, retry }: ErrorResultProps) {
  const t = useTranslations('errors');
  const digest = errorDigest(error);
  return (
    <div className={styles.result} role="alert">
      <svg className={styles.resultIcon} data-status="error" aria-hidden width="72" height="72" viewBox="0 0 72 72">
        <circle cx="36" cy="36" r="32" fill="currentColor" />
        <path d="M25 25 47 47M47 25 25 47" stroke="#fff" strokeWidth="6" strokeLinecap="round" />
      </svg>
      <h1 className={styles.resultTitle}>{t('genericTitle')}</h1>
      <p className={styles.resultSub}>{t('generic')}</p>
      {digest ? (
        <p className={styles.resultSub}>
          <code className={styles.digest}>{t('errorId', { id: digest })}</code>
        </p>
      ) : null}
      <button type="button" className={styles.primary} onClick={() => retry()}>
        {t('retry')}
      </button>
    </div>
  );
}
