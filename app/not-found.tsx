import { Button, Result } from 'antd';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors');
  return { title: t('notFoundTitle') };
}

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <main id="main" tabIndex={-1} className="app-status-page">
      <Result
        status="404"
        title={t('notFoundTitle')}
        subTitle={t('notFound')}
        extra={
          <Button type="primary" href="/">
            {t('backToDashboard')}
          </Button>
        }
      />
    </main>
  );
}
