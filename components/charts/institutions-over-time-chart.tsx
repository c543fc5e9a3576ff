'use client';

import { useMemo } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { buildLiveLinesOption, toLiveLines } from '@/lib/charts/institutions-over-time';
import type { LiveInstitutionsHistoryDto } from '@/lib/institutions/over-time';
import { ChartFrame } from './chart-frame';
import { useChartText } from './use-chart-text';
import { localized } from '@/lib/i18n/localized';

interface Props {
  programs: LiveInstitutionsHistoryDto[];
  /** Last date of the lines (today, Shanghai). */
  end: string;
  downloadName: string;
  height?: number;
}

/** Live institutions over time, one line per program, each with its denominator. */
export default function InstitutionsOverTimeChart({ programs, end, downloadName, height = 320 }: Props) {
  const t = useTranslations('institutions.overTime');
  const locale = useLocale();
  const lines = useMemo(
    () => toLiveLines(programs.map((p) => ({ ...p, name: localized(locale, p.nameZh, p.nameEn) })), end),
    [programs, locale, end],
  );
  const option = useMemo(
    () =>
      buildLiveLinesOption(lines, {
        lineName: (l) => t('line', { name: l.name, live: l.final, denominator: l.denominator }),
        denominator: (l) => t('denominator', { count: l.denominator }),
        yAxis: t('yAxis'),
        ariaLabel: t('aria'),
      }),
    [lines, t],
  );

  const text = useChartText();
  const description = useMemo(
    () => text.institutionsOverTime(end, lines.map((l) => ({ name: l.name, live: l.final, denominator: l.denominator }))),
    [text, end, lines],
  );

  return (
    <ChartFrame
      option={option}
      height={height}
      ariaLabel={t('aria')}
      description={description}
      errorText={t('loadError')}
      testId="institutions-over-time"
      downloadName={downloadName}
      data={{ 'data-final': lines.map((l) => `${l.slug}:${l.final}/${l.denominator}`).join(' ') }}
    />
  );
}
