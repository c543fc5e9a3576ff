import { Skeleton } from 'antd';
import { useTranslations } from 'next-intl';

export default function Loading() {
  const t = useTranslations('common');
  return (
    <div className="app-status-page" role="status" aria-live="polite">
      <span className="visually-hidden">{t('loading')}</span>
      <Skeleton active title paragraph={{ rows: 6 }} />
    </div>
  );
}
