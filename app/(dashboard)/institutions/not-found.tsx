import { Button, Result } from 'antd';
import { getTranslations } from 'next-intl/server';

export default async function InstitutionNotFound() {
  const t = await getTranslations('institution');
  return (
    <Result
      status="404"
      title={t('notFoundTitle')}
      subTitle={t('notFound')}
      extra={
        <Button type="primary" href="/institutions">
          {t('backToList')}
        </Button>
      }
    />
  );
}
