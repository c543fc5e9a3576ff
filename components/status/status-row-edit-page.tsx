import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getStatusRowView } from '@/lib/status/queries';
import { StatusEditForm } from './status-edit-form';
import { StatusEditHeader } from './status-edit-header';

export interface StatusEditPageProps {
  params: Promise<{ slug: string; code: string }>;
}

/** A status edit page's `generateMetadata`: a fixed title, so nothing is read before the page authorises. */
export function statusEditMetadata(key: 'metaTitle' | 'bulkMetaTitle'): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations('statusForm');
    return { title: t(key) };
  };
}

/** The page that edits one city's or one institution's status in a program (a Server Component). */
export function statusRowEditPage(entity: 'city' | 'institution') {
  return async function EditStatusRowPage({ params }: StatusEditPageProps) {
    const viewer = await requireViewer();
    const { slug, code } = await params;
    const view = await getStatusRowView(await getDb(), viewer, { programSlug: slug, entity, code });
    if (!view) notFound();
    return (
      <StatusEditHeader program={view.program} row={view.row} titleKey={entity === 'city' ? 'cityTitle' : 'institutionTitle'}>
        <StatusEditForm row={view.row} canEdit={view.permissions.canEdit} canVerify={view.permissions.canVerify} />
      </StatusEditHeader>
    );
  };
}
