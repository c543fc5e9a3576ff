import { Button, Result } from 'antd';
import { getTranslations } from 'next-intl/server';

export default async function CityNotFound() {
  const t = await getTranslations('city');
  const tErrors = await getTranslations('errors');
  return (
    <Result
      status="404"
      title={t('notFoundTitle')}
      subTitle={t('notFound')}
      extra={
        <Button type="primary" href="/">
          {tErrors('backToDashboard')}
        </Button>
      }
    />
  );
}
