import type { Metadata } from 'next';
import { Alert, Card, Col, Empty, Result, Row, Space, Tag } from 'antd';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import { getCoverageAsOf } from '@/lib/coverage/queries';
import { listPrograms } from '@/lib/programs/queries';
import { parseDashboardParams } from '@/lib/coverage/view-params';
import { todayInShanghai } from '@/lib/time';
import { KpiCards } from '@/components/coverage/kpi-cards';
import { ProgramPicker } from '@/components/coverage/program-picker';
import { ProvinceMapPanel } from '@/components/coverage/province-map-panel';
import { ProvinceTable } from '@/components/coverage/province-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('title') };
}

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function DashboardPage({ searchParams }: PageProps) {
  const t = await getTranslations('dashboard');
  const locale = await getLocale();
  const db = await getDb();
  const programs = await listPrograms(db);
  const today = todayInShanghai();
  const params = parseDashboardParams(await searchParams, today);

  if (programs.length === 0) {
    return (
      <Card>
        <Empty description={<Space orientation="vertical"><strong>{t('noPrograms')}</strong>{t('noProgramsHint')}</Space>} />
      </Card>
    );
  }

  const slug = params.program ?? programs[0]!.slug;
  const coverage = await getCoverageAsOf(db, slug, params.asOf);
  if (!coverage) {
    return (
      <Result
        status="404"
        title={t('programNotFound', { slug })}
        subTitle={t('programNotFoundHint')}
        extra={<ProgramPicker programs={programs} value={programs[0]!.slug} />}
      />
    );
  }
  const { program } = coverage;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <h1 className="page-title">{t('title')}</h1>
        <ProgramPicker programs={programs} value={slug} />
      </Space>
      {params.invalidAsOf !== null && (
        <Alert type="warning" showIcon title={t('asOfInvalid', { value: params.invalidAsOf, today })} />
      )}
      <div className="program-meta">
        <div>{t('direction', { direction: locale === 'en' ? program.directionEn : program.directionZh })}</div>
        {program.isIllustrative ? (
          <Tag color="warning">{t('illustrativeNote')}</Tag>
        ) : (
          program.source && <div className="program-source">{t('source', { source: program.source })}</div>
        )}
      </div>
      <KpiCards coverage={coverage} />
      {program.unit === 'CITY' ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card title={t('mapTitle')}>
              <ProvinceMapPanel provinces={coverage.provinces} />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title={t('tableTitle')}>
              <ProvinceTable provinces={coverage.provinces} />
            </Card>
          </Col>
        </Row>
      ) : (
        <Alert type="info" showIcon title={program.unit === 'INSTITUTION' ? t('institutionNote') : t('metricNote')} />
      )}
    </Space>
  );
}
