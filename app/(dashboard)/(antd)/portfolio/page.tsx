import type { Metadata } from 'next';
import Alert from 'antd/es/alert';
import Space from 'antd/es/space';
import { getTranslations } from 'next-intl/server';
import { requireViewer } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { parseDashboardParams } from '@/lib/coverage/view-params';
import { getPortfolio } from '@/lib/portfolio/queries';
import { todayInShanghai } from '@/lib/time';
import { Panel } from '@/components/coverage/panel';
import { PortfolioTable } from '@/components/portfolio/portfolio-table';
import { withClientMessages } from '@/components/i18n/with-client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('portfolio');
  return { title: t('title') };
}

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function PortfolioPage({ searchParams }: PageProps) {
  const viewer = await requireViewer();
  const t = await getTranslations('portfolio');
  const today = todayInShanghai();
  const { asOf, invalidAsOf } = parseDashboardParams(await searchParams, today);
  const portfolio = await getPortfolio(await getDb(), viewer, asOf, { today });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <h1 className="page-title">{t('title')}</h1>
      <p className="muted" style={{ margin: 0 }}>
        {t('intro')} {t('asOf', { date: asOf })}
      </p>
      {invalidAsOf !== null && <Alert type="warning" showIcon title={t('asOfInvalid', { value: invalidAsOf, today })} />}
      <Panel>
        <PortfolioTable portfolio={portfolio} />
      </Panel>
    </Space>
  );
}

export default withClientMessages(['burnup.health', 'burnup.rule', 'dashboard.download', 'portfolio'], PortfolioPage);
