import 'server-only';
import type { Metadata } from 'next';
import Breadcrumb from 'antd/es/breadcrumb';
import Space from 'antd/es/space';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Paragraph } from './typography';

/** The message namespaces of the admin pages; each has a `title`. */
type AdminNamespace = 'adminPrograms' | 'apiTokens' | 'audit' | 'import' | 'users';

/** An admin page's `generateMetadata`: its title, from its own namespace. */
export function adminPageMetadata(namespace: AdminNamespace): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations(namespace);
    return { title: t('title') };
  };
}

interface AdminPageProps {
  title: string;
  description: ReactNode;
  /** Shown beside the title; the title row keeps its wrapping layout whenever this is given, even as null. */
  actions?: ReactNode;
  children: ReactNode;
}

/** The frame of an admin section page: a trail back to /admin, the title and a one-line description. */
export async function AdminPage({ title, description, actions, children }: AdminPageProps) {
  const tAdmin = await getTranslations('admin');
  const heading = <h1 className="page-title">{title}</h1>;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link href="/admin">{tAdmin('title')}</Link> }, { title }]} />
      {actions === undefined ? (
        heading
      ) : (
        <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
          {heading}
          {actions}
        </Space>
      )}
      <Paragraph type="secondary" style={{ margin: 0 }}>
        {description}
      </Paragraph>
      {children}
    </Space>
  );
}
