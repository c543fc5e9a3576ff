import { getTranslations } from 'next-intl/server';
import { NotFoundResult } from '@/components/ui/not-found-result';

export default async function CityNotFound() {
  const t = await getTranslations('city');
  const tErrors = await getTranslations('errors');
  return <NotFoundResult title={t('notFoundTitle')} message={t('notFound')} backHref="/" backLabel={tErrors('backToDashboard')} />;
}
