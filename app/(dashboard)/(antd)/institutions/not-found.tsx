import { getTranslations } from 'next-intl/server';
import { NotFoundResult } from '@/components/ui/not-found-result';

export default async function InstitutionNotFound() {
  const t = await getTranslations('institution');
  return <NotFoundResult title={t('notFoundTitle')} message={t('notFound')} backHref="/institutions" backLabel={t('backToList')} />;
}
