'use client';

import { CloseCircleFilled } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslations } from 'next-intl';
import { errorDigest } from './error-digest';
import styles from './error-result.module.css';

export interface ErrorResultProps {
  error: unknown;
  retry: () => void;
}

/**
 * Shared body of the route and global error boundaries. Error boundaries ship with every page, so
 * this is plain markup in antd's Result look rather than Result and Typography (whose copyable
 * and editable text code would load on every page); the error id is selectable text.
 */
export function ErrorResult({ error, retry }: ErrorResultProps) {
  const t = useTranslations('errors');
  const digest = errorDigest(error);
  return (
    <div className={styles.result} role="alert">
      <CloseCircleFilled className={styles.icon} aria-hidden />
      <h1 className={styles.title}>{t('genericTitle')}</h1>
      <p className={styles.sub}>{t('generic')}</p>
      {digest ? (
        <p className={styles.sub}>
          <code className={styles.digest}>{t('errorId', { id: digest })}</code>
        </p>
      ) : null}
      <Button type="primary" onClick={() => retry()}>
        {t('retry')}
      </Button>
    </div>
  );
}
