import type { Metadata } from 'next';
import Alert from 'antd/es/alert';
import Tag from 'antd/es/tag';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getViewer, requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { loadInstitutionDetail } from '@/lib/institutions/request-cache';
import { listStatusHistory } from '@/lib/history/queries';
import { isInstitutionCode } from '@/lib/institutions/queries';
import { EntityDetail } from '@/components/detail/entity-detail';
import { localized } from '@/lib/i18n/localized';
import { withClientMessages } from '@/components/i18n/with-client-messages';

interface PageProps {
  params: Promise<{ code: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const t = await getTranslations('institution');
  const { code } = await params;
  // The title names the institution only for a signed-in viewer; nothing is read for anyone else.
  const institution = isInstitutionCode(code) && (await getViewer()) ? await loadInstitutionDetail(code) : null;
  const locale = await getLocale();
  return { title: institution ? localized(locale, institution.nameZh, institution.nameEn) : t('metaTitle') };
}

async function InstitutionPage({ params }: PageProps) {
  const viewer = await requireViewer();
  const { code } = await params;
  if (!isInstitutionCode(code)) notFound();
  const institution = await loadInstitutionDetail(code);
  if (!institution) notFound();
  const history = await listStatusHistory(await getDb(), viewer, { entityType: 'INSTITUTION', entityCode: code });

  const t = await getTranslations('institution');
  const tForm = await getTranslations('statusForm');
  const tNav = await getTranslations('nav');
  const tType = await getTranslations('institutionType');
  const tHistory = await getTranslations('history');
  // The edit page and its actions check again; this only hides a link that would be refused.
  const canEdit = can(viewer, 'institutionStatus.update', { institutionCode: institution.code });
  const locale = await getLocale();
  const name = localized(locale, institution.nameZh, institution.nameEn);

  return (
    <EntityDetail
      kind="institution"
      breadcrumbLabel={t('breadcrumb')}
      breadcrumb={[
        { key: 'home', title: <Link href="/">{tNav('dashboard')}</Link> },
        { key: 'institutions', title: <Link href="/institutions">{tNav('institutions')}</Link> },
        { key: 'institution', title: name },
      ]}
      name={name}
      secondaryName={localized(locale, institution.nameEn, null)}
      tags={
        <>
          <Tag data-testid="institution-code">{t('code', { code: institution.code })}</Tag>
          <Tag>{tType(institution.type)}</Tag>
          {!institution.isIllustrative && institution.source && <span className="muted">{t('source', { source: institution.source })}</span>}
        </>
      }
      notice={
        institution.isIllustrative ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={t('illustrative')}
            description={t('illustrativeHint')}
            data-testid="illustrative-alert"
          />
        ) : undefined
      }
      programsTitle={t('programsTitle')}
      programs={institution.programs}
      actionsFor={(item) =>
        canEdit ? (
          <Link href={`/programs/${item.program.slug}/institutions/${institution.code}/edit`} data-testid="edit-status-link">
            {tForm('editLink')}
          </Link>
        ) : undefined
      }
      empty={{ title: t('noPrograms'), hint: t('noProgramsHint') }}
      historyTitle={tHistory('title')}
      history={history}
    />
  );
}

export default withClientMessages(['history', 'status'], InstitutionPage);
