import Result from 'antd/es/result';
import { getTranslations } from 'next-intl/server';
import { adminPageMetadata } from '@/components/admin/admin-page';
import { UserAdmin } from '@/components/users/user-admin';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listInstitutionOptions, listUsers } from '@/lib/users/queries';
import { withClientMessages } from '@/components/i18n/with-client-messages';

export const generateMetadata = adminPageMetadata('users');

async function UsersAdminPage() {
  const viewer = await requireViewer();
  const t = await getTranslations('users');
  // A friendly answer for other roles; the queries below refuse them anyway.
  if (!can(viewer, 'user.manage')) return <Result status="403" title={t('forbidden')} />;
  const db = await getDb();
  const [users, institutions] = await Promise.all([listUsers(db, viewer), listInstitutionOptions(db, viewer)]);

  return (
    <div>
      <h1 className="page-title">{t('title')}</h1>
      <p style={{ color: 'rgba(0, 0, 0, 0.65)', marginTop: 0 }}>{t('description')}</p>
      <UserAdmin users={users} institutions={institutions} viewerId={viewer.id} />
    </div>
  );
}

export default withClientMessages(['errors', 'users', 'validation'], UsersAdminPage);
