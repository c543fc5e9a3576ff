import type { Metadata } from 'next';
import Alert from 'antd/es/alert';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getViewer, requireViewer } from '@/lib/auth/session';
import { isCityCode } from '@/lib/cities/queries';
import { getDb } from '@/lib/db';
import { loadCityDetail } from '@/lib/cities/request-cache';
import { listStatusHistory } from '@/lib/history/queries';
import { EntityDetail } from '@/components/detail/entity-detail';
import { localized } from '@/lib/i18n/localized';
import { withClientMessages } from '@/components/i18n/with-client-messages';

interface PageProps {
  params: Promise<{ code: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const t = await getTranslations('city');
  const { code } = await params;
  // The title names the city only for a signed-in viewer; nothing is read for anyone else.
  const city = isCityCode(code) && (await getViewer()) ? await loadCityDetail(code) : null;
  const locale = await getLocale();
  return { title: city ? localized(locale, city.name, city.nameEn) : t('metaTitle') };
}

async function CityPage({ params }: PageProps) {
  const viewer = await requireViewer();
  const { code } = await params;
  if (!isCityCode(code)) notFound();
  const city = await loadCityDetail(code);
  if (!city) notFound();
  const history = await listStatusHistory(await getDb(), viewer, { entityType: 'CITY', entityCode: code });

  const t = await getTranslations('city');
  const tForm = await getTranslations('statusForm');
  const tNav = await getTranslations('nav');
  const tHistory = await getTranslations('history');
  // The edit pages and their actions check again; this only hides links that would be refused.
  const canEdit = can(viewer, 'cityStatus.update');
  const locale = await getLocale();
  const name = localized(locale, city.name, city.nameEn);
  const provinceName = localized(locale, city.province.name, city.province.nameEn);

  return (
    <EntityDetail
      kind="city"
      breadcrumbLabel={t('breadcrumb')}
      breadcrumb={[
        { key: 'home', title: <Link href="/">{tNav('dashboard')}</Link> },
        { key: 'province', title: provinceName },
        { key: 'city', title: name },
      ]}
      name={name}
      secondaryName={localized(locale, city.nameEn, null)}
      tags={
        <>
          <Tag data-testid="city-code">{t('code', { code: city.code })}</Tag>
          <Tag>{t(`level.${city.level}`)}</Tag>
          <span className="muted">{provinceName}</span>
        </>
      }
      programsTitle={t('programsTitle')}
      programs={city.programs}
      actionsFor={(item) =>
        canEdit ? (
          <Space size="middle" wrap>
            <Link href={`/programs/${item.program.slug}/cities/${city.code}/edit`} data-testid="edit-status-link">
              {tForm('editLink')}
            </Link>
            <Link href={`/programs/${item.program.slug}/provinces/${city.province.code}/edit`} data-testid="bulk-edit-link">
              {tForm('bulkEditLink', { province: provinceName })}
            </Link>
          </Space>
        ) : undefined
      }
      empty={{
        title: t('noPrograms'),
        hint: t('noProgramsHint'),
        extra: city.level === 'COUNTY_LEVEL' ? <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('countyLevelHint')} /> : undefined,
      }}
      historyTitle={tHistory('title')}
      history={history}
    />
  );
}

export default withClientMessages(['history', 'status'], CityPage);
