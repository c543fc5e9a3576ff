import Breadcrumb from 'antd/es/breadcrumb';
import Space from 'antd/es/space';
import Tag from 'antd/es/tag';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { ProgramDto } from '@/lib/programs/queries';
import type { StatusRowDto } from '@/lib/status/dto';
import { localized } from '@/lib/i18n/localized';

const SECONDARY = { color: 'var(--ant-color-text-tertiary)' } as const;

export interface StatusEditHeaderProps {
  program: ProgramDto;
  /** The row being edited, or for a province page its name and code. */
  row: Pick<StatusRowDto, 'name' | 'nameEn' | 'code'>;
  titleKey: 'cityTitle' | 'institutionTitle' | 'bulkTitle';
  children: ReactNode;
}

/** Breadcrumb, title and program line shared by the status edit pages (a Server Component). */
export async function StatusEditHeader({ program, row, titleKey, children }: StatusEditHeaderProps) {
  const t = await getTranslations('statusForm');
  const tNav = await getTranslations('nav');
  const tDashboard = await getTranslations('dashboard');
  const locale = await getLocale();
  const name = localized(locale, row.name, row.nameEn);
  const programName = localized(locale, program.nameZh, program.nameEn);
  const title = titleKey === 'bulkTitle' ? t('bulkTitle', { province: name }) : t(titleKey, { name });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <nav aria-label={tNav('label')}>
        <Breadcrumb
          items={[
            { key: 'home', title: <Link href="/">{tNav('dashboard')}</Link> },
            { key: 'program', title: <Link href={`/?program=${encodeURIComponent(program.slug)}`}>{programName}</Link> },
            { key: 'row', title: name },
          ]}
        />
      </nav>
      <header>
        <h1 className="page-title" style={{ marginBottom: 8 }}>
          {title}
        </h1>
        <Space wrap>
          {/* Plain elements: antd's compound components (Typography.Text) are undefined in Server Components. */}
          <span style={SECONDARY}>{t('program', { program: programName })}</span>
          <span style={SECONDARY}>{t('code', { code: row.code })}</span>
          {program.isIllustrative && <Tag color="warning">{tDashboard('illustrative')}</Tag>}
        </Space>
      </header>
      {children}
    </Space>
  );
}
