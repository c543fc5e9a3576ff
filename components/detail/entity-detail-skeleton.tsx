/**
 * The loading state of a city's or an institution's page (components/detail/entity-detail.tsx),
 * in a module of its own: the loading view loads none of the page's client components, nor the
 * messages they read. Server Component.
 */
import Card from 'antd/es/card';
import Col from 'antd/es/col';
import Row from 'antd/es/row';
import Skeleton from 'antd/es/skeleton';
import { useTranslations } from 'next-intl';

/** The loading state of either detail page: the same shape, while the data streams in. */
export function EntityDetailSkeleton() {
  const t = useTranslations('common');
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">{t('loading')}</span>
      <Skeleton active title={{ width: 240 }} paragraph={{ rows: 1 }} />
      <Row gutter={[16, 16]}>
        {[0, 1].map((i) => (
          <Col key={i} xs={24} lg={12}>
            <Card>
              <Skeleton active paragraph={{ rows: 5 }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card style={{ marginTop: 24 }}>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    </div>
  );
}
