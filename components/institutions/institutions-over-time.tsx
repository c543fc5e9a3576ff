'use client';

import { Card, Skeleton } from 'antd';
import dynamic from 'next/dynamic';
import { useLocale, useTranslations } from 'next-intl';
import type { LiveInstitutionsHistoryDto } from '@/lib/institutions/over-time';
import { localized } from '@/lib/i18n/localized';

const HEIGHT = 320;
// ECharts loads after the matrix has painted.
const Chart = dynamic(() => import('@/components/charts/institutions-over-time-chart'), {
  ssr: false,
  loading: () => <Skeleton.Node active style={{ width: '100%', height: HEIGHT }} />,
});

/** The chart plus its numbers in words, so the final counts are never only in the canvas. */
export function InstitutionsOverTime({ programs, end }: { programs: LiveInstitutionsHistoryDto[]; end: string }) {
  const t = useTranslations('institutions.overTime');
  const locale = useLocale();
  return (
    <Card title={t('title')} data-testid="institutions-over-time-card">
      <Chart programs={programs} end={end} downloadName={`hutong-institutions-live-${end}.png`} height={HEIGHT} />
      <ul className="muted" style={{ margin: '8px 0 0', paddingInlineStart: 20, fontSize: 13 }}>
        {programs.map((p) => {
          const live = p.steps.filter((s) => s.date <= end).at(-1)?.live ?? 0;
          return (
            <li key={p.slug} data-testid={`institutions-over-time-${p.slug}`}>
              {t('summary', { name: localized(locale, p.nameZh, p.nameEn), live, denominator: p.denominator, date: end })}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
