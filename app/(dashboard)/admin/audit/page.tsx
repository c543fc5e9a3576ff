import type { Metadata } from 'next';
import { Alert, Breadcrumb, Card, Result, Space } from 'antd';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { diffAuditValues } from '@/lib/audit/diff';
import { listAuditEntries, listAuditFacets } from '@/lib/audit/queries';
import { auditSearchParams, parseAuditParams } from '@/lib/audit/schema';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { AuditFiltersForm } from '@/components/admin/audit-filters';
import { AuditTable } from '@/components/admin/audit-table';
import { Paragraph, Text } from '@/components/admin/typography';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('audit');
  return { title: t('title') };
}

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AuditLogPage({ searchParams }: PageProps) {
  const viewer = await requireViewer();
  const t = await getTranslations('audit');
  const tAdmin = await getTranslations('admin');
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
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link href="/admin">{tAdmin('title')}</Link> }, { title: t('title') }]} />
      <h1 className="page-title">{t('title')}</h1>
      <Paragraph type="secondary" style={{ margin: 0 }}>
        {t('description')} {t('timeZoneNote')}
      </Paragraph>
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
    </Space>
  );
}
