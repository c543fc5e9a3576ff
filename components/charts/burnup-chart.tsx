'use client';

import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import type { Projection } from '@/lib/coverage/projection';
import type { CountSeriesDto } from '@/lib/coverage/series';
import { buildBurnupOption } from '@/lib/charts/burnup';
import type { ChartAnnotation } from '@/lib/charts/timeline-marks';
import { ChartFrame } from './chart-frame';
import { openAnnotationSource } from './open-annotation-source';

interface Props {
  series: CountSeriesDto;
  projection: Projection | null;
  /** Already in the reader's language and limited to the as-of date, numbered as the list beside. */
  annotations: ChartAnnotation[];
  /** Program name for the accessible description. */
  programName: string;
  downloadName?: string;
  height?: number;
}

export default function BurnupChart({ series, projection, annotations, programName, downloadName, height = 420 }: Props) {
  const t = useTranslations('burnup.chart');
  const unit = series.unit;
  const aria = t('aria', { program: programName });
  const option = useMemo(() => {
    const completion = projection?.completionDate ?? '';
    return buildBurnupOption(
      { series, projection, annotations },
      {
        actual: t(`actual${unit}`),
        plan: t('plan'),
        projection: t('projection'),
        denominator: t(`denominator${unit}`, { count: series.denominator }),
        asOf: t('asOf', { date: series.asOf }),
        projectedCompletion: t('projectedCompletion', { date: completion }),
        projectedBeyond: t('projectedBeyond', { date: completion }),
        yAxis: t(`yAxis${unit}`),
        target: t('target', { date: series.targetDate }),
        baselineTarget: t('baselineTarget', { date: series.baselineTargetDate }),
        currentTarget: t('currentTarget', { date: series.targetDate }),
        source: (note) => t('source', { source: note }),
        illustrative: t('illustrative'),
        openSource: t('openSource'),
        formatValue: (count) => t(`value${unit}`, { count }),
        tooltipRow: (name, value) => t('tooltipRow', { series: name, value }),
        ariaLabel: aria,
      },
    );
  }, [series, projection, annotations, unit, aria, t]);
  // What is drawn, in words, for tests and assistive tech that cannot read the canvas.
  const drawn = useMemo(() => {
    type Mark = { name?: string; label?: { formatter?: unknown } };
    const series = option.series as Array<{ name?: string; markLine?: { data?: Mark[] } }>;
    const markName = (d: Mark) => d.name ?? (typeof d.label?.formatter === 'string' ? d.label.formatter : '');
    return {
      series: series.map((s) => s.name).filter((n) => n && n !== 'marks').join(' | '),
      lines: series.flatMap((s) => s.markLine?.data ?? []).map(markName).filter(Boolean).join(' | '),
    };
  }, [option]);

  return (
    <ChartFrame
      option={option}
      onClick={openAnnotationSource}
      height={height}
      ariaLabel={aria}
      errorText={t('loadError')}
      testId="burnup-chart"
      downloadName={downloadName}
      data={{ 'data-series': drawn.series, 'data-lines': drawn.lines }}
    />
  );
}
