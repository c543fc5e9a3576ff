import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotFoundResult } from '@/components/ui/not-found-result';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors');
  return { title: t('notFoundTitle') };
}

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <main id="main" tabIndex={-1} className="app-status-page">
      <NotFoundResult title={t('notFoundTitle')} message={t('notFound')} backHref="/" backLabel={t('backToDashboard')} />
    </main>
  );
}
