import type { Metadata } from 'next';
import Card from 'antd/es/card';
import Col from 'antd/es/col';
import Result from 'antd/es/result';
import Row from 'antd/es/row';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ADMIN_SECTIONS } from '@/lib/admin/sections';
import { can } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('title') };
}

export default async function AdminIndexPage() {
  const viewer = await requireViewer();
  const t = await getTranslations();
  const sections = ADMIN_SECTIONS.filter((section) => can(viewer, section.permission));

  return (
    <div>
      <h1 className="page-title">{t('admin.title')}</h1>
      <p style={{ color: 'rgba(0, 0, 0, 0.65)', marginTop: 0 }}>{t('admin.description')}</p>
      {sections.length === 0 ? (
        <Result status="403" title={t('admin.empty')} />
      ) : (
        <Row gutter={[16, 16]} role="list">
          {sections.map((section) => (
            <Col key={section.id} xs={24} md={12} xl={8} role="listitem">
              <Link href={section.href} data-testid={`admin-section-${section.id}`} style={{ display: 'block' }}>
                <Card hoverable title={t(section.titleKey)}>
                  {t(section.descriptionKey)}
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
