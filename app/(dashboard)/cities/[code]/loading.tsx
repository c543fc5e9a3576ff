import { Card, Col, Row, Skeleton } from 'antd';
import { useTranslations } from 'next-intl';

export default function CityLoading() {
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
