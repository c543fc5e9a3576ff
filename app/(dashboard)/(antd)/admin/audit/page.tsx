import Alert from 'antd/es/alert';
import Card from 'antd/es/card';
import Result from 'antd/es/result';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { diffAuditValues } from '@/lib/audit/diff';
import { listAuditEntries, listAuditFacets } from '@/lib/audit/queries';
import { auditSearchParams, parseAuditParams } from '@/lib/audit/schema';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { AdminPage, adminPageMetadata } from '@/components/admin/admin-page';
import { AuditFiltersForm } from '@/components/admin/audit-filters';
import { AuditTable } from '@/components/admin/audit-table';
import { Text } from '@/components/admin/typography';
import { withClientMessages } from '@/components/i18n/with-client-messages';

export const generateMetadata = adminPageMetadata('audit');

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function AuditLogPage({ searchParams }: PageProps) {
  const viewer = await requireViewer();
  const t = await getTranslations('audit');
  const db = await getDb();
  const { filters, invalid } = parseAuditParams(await searchParams);

  // The query authorises (and records a refused read); the page only turns the refusal into a message.
  const page = await listAuditEntries(db, viewer, filters).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'FORBIDDEN') return null;
    throw error;
  });
  if (!page) return <Result status="403" title={t('forbidden')} />;
  const facets = await listAuditFacets(db, viewer);

  const withoutCursor = { ...filters, cursor: undefined };
  const firstPage = auditSearchParams(withoutCursor).toString();
  const nextPage = page.nextCursor ? auditSearchParams({ ...withoutCursor, cursor: page.nextCursor }).toString() : null;
  const rows = page.entries.map(({ before, after, ...entry }) => ({ ...entry, diff: diffAuditValues(before, after) }));

  return (
    <AdminPage
      title={t('title')}
      description={
        <>
          {t('description')} {t('timeZoneNote')}
        </>
      }
    >
      {invalid.length > 0 && <Alert type="warning" showIcon title={t('invalidParams', { params: invalid.join(', ') })} />}
      <Card>
        <AuditFiltersForm filters={filters} actions={facets.actions} entityTypes={facets.entityTypes} />
      </Card>
      <Card>
        <AuditTable entries={rows} />
        <nav aria-label={t('paging.label')} style={{ display: 'flex', gap: 16, justifyContent: 'flex-end', alignItems: 'center', marginTop: 16 }}>
          <Text type="secondary">{t('paging.count', { count: rows.length })}</Text>
          {filters.cursor && <Link href={firstPage ? `/admin/audit?${firstPage}` : '/admin/audit'}>{t('paging.first')}</Link>}
          {nextPage && (
            <Link href={`/admin/audit?${nextPage}`} data-testid="audit-next-page">
              {t('paging.next')}
            </Link>
          )}
        </nav>
      </Card>
    </AdminPage>
  );
}

export default withClientMessages(['audit'], AuditLogPage);
