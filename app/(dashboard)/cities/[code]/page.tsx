import type { Metadata } from 'next';
import { Alert, Breadcrumb, Card, Col, Empty, Row, Space, Tag } from 'antd';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getViewer, requireViewer } from '@/lib/auth/session';
import { isCityCode } from '@/lib/cities/queries';
import { getDb } from '@/lib/db';
import { loadCityDetail } from '@/lib/cities/request-cache';
import { listStatusHistory } from '@/lib/history/queries';
import { HistoryTable } from '@/components/history/history-table';
import { ProgramStatusCard } from '@/components/status/program-status-card';
import { SECONDARY_NAME, SECTION_TITLE } from '@/components/status/section-styles';

interface PageProps {
  params: Promise<{ code: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const t = await getTranslations('city');
  const { code } = await params;
  // The title names the city only for a signed-in viewer; nothing is read for anyone else.
  const city = isCityCode(code) && (await getViewer()) ? await loadCityDetail(code) : null;
  const locale = await getLocale();
  return { title: city ? (locale === 'en' ? city.nameEn : city.name) : t('metaTitle') };
}

export default async function CityPage({ params }: PageProps) {
  const viewer = await requireViewer();
  const { code } = await params;
  if (!isCityCode(code)) notFound();
  const city = await loadCityDetail(code);
  if (!city) notFound();
  const history = await listStatusHistory(await getDb(), { entityType: 'CITY', entityCode: code });

  const t = await getTranslations('city');
  const tForm = await getTranslations('statusForm');
  // The edit pages and their actions check again; this only hides links that would be refused.
  const canEdit = can(viewer, 'cityStatus.update');
  const tNav = await getTranslations('nav');
  const tHistory = await getTranslations('history');
  const locale = await getLocale();
  const en = locale === 'en';
  const name = en ? city.nameEn : city.name;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <nav aria-label={t('breadcrumb')}>
        <Breadcrumb
          items={[
            { key: 'home', title: <Link href="/">{tNav('dashboard')}</Link> },
            { key: 'province', title: en ? city.province.nameEn : city.province.name },
            { key: 'city', title: name },
          ]}
        />
      </nav>
      <header>
        <h1 className="page-title" style={{ marginBottom: 8 }}>
          {name}
          {!en && <span style={SECONDARY_NAME}>{city.nameEn}</span>}
        </h1>
        <Space size={8} wrap>
          <Tag data-testid="city-code">{t('code', { code: city.code })}</Tag>
          <Tag>{t(`level.${city.level}`)}</Tag>
          <span className="muted">{en ? city.province.nameEn : city.province.name}</span>
        </Space>
      </header>

      <section aria-labelledby="city-programs">
        <h2 id="city-programs" style={SECTION_TITLE}>
          {t('programsTitle')}
        </h2>
        {city.programs.length === 0 ? (
          <Card>
            <Empty
              description={
                <Space orientation="vertical">
                  <strong>{t('noPrograms')}</strong>
                  {t('noProgramsHint')}
                </Space>
              }
            />
            {city.level === 'COUNTY_LEVEL' && <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('countyLevelHint')} />}
          </Card>
        ) : (
          <Row gutter={[16, 16]}>
            {city.programs.map((item) => (
              <Col key={item.program.slug} xs={24} lg={12} xxl={8}>
                <ProgramStatusCard
                  item={item}
                  actions={
                    canEdit ? (
                      <Space size="middle" wrap>
                        <Link href={`/programs/${item.program.slug}/cities/${city.code}/edit`} data-testid="edit-status-link">
                          {tForm('editLink')}
                        </Link>
                        <Link href={`/programs/${item.program.slug}/provinces/${city.province.code}/edit`} data-testid="bulk-edit-link">
                          {tForm('bulkEditLink', { province: en ? city.province.nameEn : city.province.name })}
                        </Link>
                      </Space>
                    ) : undefined
                  }
                />
              </Col>
            ))}
          </Row>
        )}
      </section>

      <section aria-labelledby="city-history">
        <Card title={<h2 id="city-history" style={{ ...SECTION_TITLE, margin: 0 }}>{tHistory('title')}</h2>}>
          <HistoryTable items={history} />
        </Card>
      </section>
    </Space>
  );
}
