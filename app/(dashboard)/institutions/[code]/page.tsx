import type { Metadata } from 'next';
import { Alert, Breadcrumb, Card, Col, Empty, Row, Space, Tag } from 'antd';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getViewer, requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { loadInstitutionDetail } from '@/lib/institutions/request-cache';
import { listStatusHistory } from '@/lib/history/queries';
import { isInstitutionCode } from '@/lib/institutions/queries';
import { HistoryTable } from '@/components/history/history-table';
import { ProgramStatusCard } from '@/components/status/program-status-card';
import { SECONDARY_NAME, SECTION_TITLE } from '@/components/status/section-styles';

interface PageProps {
  params: Promise<{ code: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const t = await getTranslations('institution');
  const { code } = await params;
  // The title names the institution only for a signed-in viewer; nothing is read for anyone else.
  const institution = isInstitutionCode(code) && (await getViewer()) ? await loadInstitutionDetail(code) : null;
  const locale = await getLocale();
  return { title: institution ? (locale === 'en' ? institution.nameEn : institution.nameZh) : t('metaTitle') };
}

export default async function InstitutionPage({ params }: PageProps) {
  const viewer = await requireViewer();
  const { code } = await params;
  if (!isInstitutionCode(code)) notFound();
  const institution = await loadInstitutionDetail(code);
  if (!institution) notFound();
  const history = await listStatusHistory(await getDb(), { entityType: 'INSTITUTION', entityCode: code });

  const t = await getTranslations('institution');
  const tForm = await getTranslations('statusForm');
  // The edit page and its actions check again; this only hides a link that would be refused.
  const canEdit = can(viewer, 'institutionStatus.update', { institutionCode: institution.code });
  const tNav = await getTranslations('nav');
  const tType = await getTranslations('institutionType');
  const tHistory = await getTranslations('history');
  const locale = await getLocale();
  const en = locale === 'en';
  const name = en ? institution.nameEn : institution.nameZh;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <nav aria-label={t('breadcrumb')}>
        <Breadcrumb
          items={[
            { key: 'home', title: <Link href="/">{tNav('dashboard')}</Link> },
            { key: 'institutions', title: <Link href="/institutions">{tNav('institutions')}</Link> },
            { key: 'institution', title: name },
          ]}
        />
      </nav>
      <header>
        <h1 className="page-title" style={{ marginBottom: 8 }}>
          {name}
          {!en && <span style={SECONDARY_NAME}>{institution.nameEn}</span>}
        </h1>
        <Space size={8} wrap>
          <Tag data-testid="institution-code">{t('code', { code: institution.code })}</Tag>
          <Tag>{tType(institution.type)}</Tag>
          {!institution.isIllustrative && institution.source && (
            <span className="muted">{t('source', { source: institution.source })}</span>
          )}
        </Space>
        {institution.isIllustrative && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={t('illustrative')}
            description={t('illustrativeHint')}
            data-testid="illustrative-alert"
          />
        )}
      </header>

      <section aria-labelledby="institution-programs">
        <h2 id="institution-programs" style={SECTION_TITLE}>
          {t('programsTitle')}
        </h2>
        {institution.programs.length === 0 ? (
          <Card>
            <Empty
              description={
                <Space orientation="vertical">
                  <strong>{t('noPrograms')}</strong>
                  {t('noProgramsHint')}
                </Space>
              }
            />
          </Card>
        ) : (
          <Row gutter={[16, 16]}>
            {institution.programs.map((item) => (
              <Col key={item.program.slug} xs={24} lg={12} xxl={8}>
                <ProgramStatusCard
                  item={item}
                  actions={
                    canEdit ? (
                      <Link href={`/programs/${item.program.slug}/institutions/${institution.code}/edit`} data-testid="edit-status-link">
                        {tForm('editLink')}
                      </Link>
                    ) : undefined
                  }
                />
              </Col>
            ))}
          </Row>
        )}
      </section>

      <section aria-labelledby="institution-history">
        <Card title={<h2 id="institution-history" style={{ ...SECTION_TITLE, margin: 0 }}>{tHistory('title')}</h2>}>
          <HistoryTable items={history} />
        </Card>
      </section>
    </Space>
  );
}
