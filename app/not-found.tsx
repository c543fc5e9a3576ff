// Deep imports: antd's barrel is a 'use client' module, so a Server Component importing from
// 'antd' makes every page load one chunk with all antd components any Server Component uses.
import Button from 'antd/es/button';
import Result from 'antd/es/result';
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
