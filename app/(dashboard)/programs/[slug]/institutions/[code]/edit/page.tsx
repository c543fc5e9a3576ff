import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getStatusRowView } from '@/lib/status/queries';
import { StatusEditHeader } from '@/components/status/status-edit-header';
import { StatusEditForm } from '@/components/status/status-edit-form';

interface PageProps {
  params: Promise<{ slug: string; code: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('statusForm');
  return { title: t('metaTitle') };
}

export default async function EditInstitutionStatusPage({ params }: PageProps) {
  const viewer = await requireViewer();
  const { slug, code } = await params;
  const view = await getStatusRowView(await getDb(), viewer, { programSlug: slug, entity: 'institution', code });
  if (!view) notFound();
  return (
    <StatusEditHeader program={view.program} row={view.row} titleKey="institutionTitle">
      <StatusEditForm row={view.row} canEdit={view.permissions.canEdit} canVerify={view.permissions.canVerify} />
    </StatusEditHeader>
  );
}
