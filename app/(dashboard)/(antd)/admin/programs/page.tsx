import Card from 'antd/es/card';
import Result from 'antd/es/result';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { canOpenProgramAdmin, listInstitutionOptions, listProgramsForAdmin } from '@/lib/programs/admin-queries';
import { AdminPage, adminPageMetadata } from '@/components/admin/admin-page';
import { ProgramCreateButton } from '@/components/admin/program-create-form';
import { listRails } from '@/lib/programs/directions';
import { ProgramsTable } from '@/components/admin/programs-table';
import { withClientMessages } from '@/components/i18n/with-client-messages';

export const generateMetadata = adminPageMetadata('adminPrograms');

async function AdminProgramsPage() {
  const viewer = await requireViewer();
  const t = await getTranslations('adminPrograms');
  if (!canOpenProgramAdmin(viewer)) return <Result status="403" title={t('forbidden')} />;

  const db = await getDb();
  const canCreate = can(viewer, 'program.manage');
  const [programs, institutions, rails] = await Promise.all([
    listProgramsForAdmin(db, viewer),
    canCreate ? listInstitutionOptions(db, viewer) : Promise.resolve([]),
    listRails(db),
  ]);

  return (
    <AdminPage
      title={t('title')}
      description={canCreate ? t('description') : t('readOnly')}
      actions={canCreate ? <ProgramCreateButton institutions={institutions} rails={rails} /> : null}
    >
      <Card>
        <ProgramsTable programs={programs} />
      </Card>
    </AdminPage>
  );
}

export default withClientMessages(['adminPrograms', 'common', 'errors', 'matrix', 'validation'], AdminProgramsPage);
