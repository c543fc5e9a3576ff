'use client';

import { Button, Result, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { errorDigest } from './error-digest';

export interface ErrorResultProps {
  error: unknown;
  retry: () => void;
}

/** Shared body of the route and global error boundaries. */
export function ErrorResult({ error, retry }: ErrorResultProps) {
  const t = useTranslations('errors');
  const digest = errorDigest(error);
  return (
    <Result
      status="error"
      title={t('genericTitle')}
      subTitle={
        <>
          <Typography.Paragraph type="secondary">{t('generic')}</Typography.Paragraph>
          {digest ? (
            <Typography.Text type="secondary" copyable={{ text: digest }}>
              {t('errorId', { id: digest })}
            </Typography.Text>
          ) : null}
        </>
      }
      extra={
        <Button type="primary" onClick={() => retry()}>
          {t('retry')}
        </Button>
      }
    />
  );
}
