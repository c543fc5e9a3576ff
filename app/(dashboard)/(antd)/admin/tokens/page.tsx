import Result from 'antd/es/result';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AdminPage, adminPageMetadata } from '@/components/admin/admin-page';
import { ApiTokensAdmin } from '@/components/admin/tokens-admin';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listApiTokens } from '@/lib/tokens/queries';
import { listUsers } from '@/lib/users/queries';
import { withClientMessages } from '@/components/i18n/with-client-messages';

export const generateMetadata = adminPageMetadata('apiTokens');

async function ApiTokensPage() {
  const viewer = await requireViewer();
  const t = await getTranslations('apiTokens');
  // A friendly answer for other roles; the queries below refuse them anyway.
  if (!can(viewer, 'token.manage')) return <Result status="403" title={t('forbidden')} />;
  const db = await getDb();
  const [tokens, users] = await Promise.all([listApiTokens(db, viewer), listUsers(db, viewer)]);
  const userOptions = users.filter((u) => !u.disabled).map((u) => ({ id: u.id, email: u.email, role: u.role, institutionCode: u.institutionCode }));

  return (
    <AdminPage
      title={t('title')}
      description={
        <>
          {t('description')} <Link href="/api-docs">{t('docsLink')}</Link>
        </>
      }
    >
      <ApiTokensAdmin tokens={tokens} users={userOptions} />
    </AdminPage>
  );
}

export default withClientMessages(['apiTokens', 'errors', 'validation'], ApiTokensPage);
