import type { Metadata } from 'next';
import { Breadcrumb, Card, Result, Space } from 'antd';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { canOpenProgramAdmin, listInstitutionOptions, listProgramsForAdmin } from '@/lib/programs/admin-queries';
import { ProgramCreateButton } from '@/components/admin/program-create-form';
import { ProgramsTable } from '@/components/admin/programs-table';
import { Paragraph } from '@/components/admin/typography';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminPrograms');
  return { title: t('title') };
}

export default async function AdminProgramsPage() {
  const viewer = await requireViewer();
  const t = await getTranslations('adminPrograms');
  const tAdmin = await getTranslations('admin');
  if (!canOpenProgramAdmin(viewer)) return <Result status="403" title={t('forbidden')} />;

  const db = await getDb();
  const canCreate = can(viewer, 'program.manage');
  const [programs, institutions] = await Promise.all([
    listProgramsForAdmin(db, viewer),
    canCreate ? listInstitutionOptions(db, viewer) : Promise.resolve([]),
  ]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link href="/admin">{tAdmin('title')}</Link> }, { title: t('title') }]} />
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <h1 className="page-title">{t('title')}</h1>
        {canCreate && <ProgramCreateButton institutions={institutions} />}
      </Space>
      <Paragraph type="secondary" style={{ margin: 0 }}>
        {canCreate ? t('description') : t('readOnly')}
      </Paragraph>
      <Card>
        <ProgramsTable programs={programs} />
      </Card>
    </Space>
  );
}
