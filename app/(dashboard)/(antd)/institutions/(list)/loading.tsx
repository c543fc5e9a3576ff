import Card from 'antd/es/card';
import Skeleton from 'antd/es/skeleton';
import { useTranslations } from 'next-intl';

export default function InstitutionsLoading() {
  const t = useTranslations('common');
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">{t('loading')}</span>
      <Skeleton active title={{ width: 200 }} paragraph={{ rows: 1 }} />
      <Card style={{ marginTop: 24 }}>
        {/* Compound members (Skeleton.Button) are undefined in Server Components: plain Skeletons only. */}
        <Skeleton active title={false} paragraph={{ rows: 1, width: 560 }} />
        <Skeleton active paragraph={{ rows: 10 }} style={{ marginTop: 16 }} />
      </Card>
    </div>
  );
}
