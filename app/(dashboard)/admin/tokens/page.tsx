import type { Metadata } from 'next';
import { Breadcrumb, Result, Space } from 'antd';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ApiTokensAdmin } from '@/components/admin/tokens-admin';
import { Paragraph } from '@/components/admin/typography';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listApiTokens } from '@/lib/tokens/queries';
import { listUsers } from '@/lib/users/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('apiTokens');
  return { title: t('title') };
}

export default async function ApiTokensPage() {
  const viewer = await requireViewer();
  const t = await getTranslations('apiTokens');
  const tAdmin = await getTranslations('admin');
  // A friendly answer for other roles; the queries below refuse them anyway.
  if (!can(viewer, 'token.manage')) return <Result status="403" title={t('forbidden')} />;
  const db = await getDb();
  const [tokens, users] = await Promise.all([listApiTokens(db, viewer), listUsers(db, viewer)]);
  const userOptions = users.filter((u) => !u.disabled).map((u) => ({ id: u.id, email: u.email, role: u.role, institutionCode: u.institutionCode }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link href="/admin">{tAdmin('title')}</Link> }, { title: t('title') }]} />
      <h1 className="page-title">{t('title')}</h1>
      <Paragraph type="secondary" style={{ margin: 0 }}>
        {t('description')} <Link href="/api-docs">{t('docsLink')}</Link>
      </Paragraph>
      <ApiTokensAdmin tokens={tokens} users={userOptions} />
    </Space>
  );
}
