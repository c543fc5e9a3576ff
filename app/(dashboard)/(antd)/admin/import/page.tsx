import Button from 'antd/es/button';
import Card from 'antd/es/card';
import Result from 'antd/es/result';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listPrograms } from '@/lib/programs/queries';
import { adminPageMetadata } from '@/components/admin/admin-page';
import { ImportPanel } from '@/components/status/import-panel';
import { localized } from '@/lib/i18n/localized';
import { withClientMessages } from '@/components/i18n/with-client-messages';

export const generateMetadata = adminPageMetadata('import');

async function ImportPage() {
  const viewer = await requireViewer();
  const t = await getTranslations('import');
  const tErrors = await getTranslations('errors');
  if (!can(viewer, 'import.run')) return <Result status="403" title={tErrors('forbidden')} />;

  const isPartner = viewer.role === 'PARTNER';
  const locale = await getLocale();
  // Metric programs have no rows; partners export only their institution's rows of bank programs.
  const programs = (await listPrograms(await getDb())).filter((p) => (isPartner ? p.unit === 'INSTITUTION' : p.unit !== 'PERCENT'));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <h1 className="page-title">{t('title')}</h1>
      <ImportPanel isPartner={isPartner} />
      <Card title={t('export.title')}>
        {/* A plain paragraph: antd's compound components are undefined in Server Components. */}
        <p className="muted" style={{ marginTop: 0 }}>
          {t('export.hint')} {isPartner ? t('export.partnerHint') : null}
        </p>
        <Space wrap>
          {programs.map((p) => (
            <Button
              key={p.slug}
              href={`/admin/import/export?program=${encodeURIComponent(p.slug)}`}
              download
              data-testid={`export-${p.slug}`}
            >
              {localized(locale, p.nameZh, p.nameEn)}
              {p.isIllustrative && (
                <Tag style={{ marginInlineStart: 8 }} color="default">
                  {t('export.illustrative')}
                </Tag>
              )}
            </Button>
          ))}
        </Space>
      </Card>
    </Space>
  );
}

export default withClientMessages(['errors', 'import', 'statusForm', 'validation'], ImportPage);
