import Result from 'antd/es/result';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listProvinceCityStatuses } from '@/lib/status/queries';
import { BulkCityStatusForm } from '@/components/status/bulk-city-status-form';
import { StatusEditHeader } from '@/components/status/status-edit-header';
import { statusEditMetadata, type StatusEditPageProps } from '@/components/status/status-row-edit-page';
import { withClientMessages } from '@/components/i18n/with-client-messages';

export const generateMetadata = statusEditMetadata('bulkMetaTitle');

async function EditProvinceStatusesPage({ params }: StatusEditPageProps) {
  const viewer = await requireViewer();
  const { slug, code } = await params;
  const view = await listProvinceCityStatuses(await getDb(), viewer, { programSlug: slug, provinceCode: code });
  if (!view) notFound();
  const t = await getTranslations('statusForm');
  return (
    <StatusEditHeader program={view.program} row={view.province} titleKey="bulkTitle">
      {view.permissions.canEdit ? (
        <BulkCityStatusForm programSlug={view.program.slug} provinceCode={view.province.code} rows={view.rows} />
      ) : (
        <Result status="403" title={t('readOnly')} />
      )}
    </StatusEditHeader>
  );
}

export default withClientMessages(['conflict', 'errors', 'status', 'statusForm', 'validation', 'verify'], EditProvinceStatusesPage);
