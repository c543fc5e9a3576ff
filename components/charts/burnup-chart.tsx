'use client';

import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import type { CountSeriesDto } from '@/lib/coverage/series';
import { buildBurnupOption } from '@/lib/charts/burnup';
import { describeBurnup } from '@/lib/charts/describe';
import { ChartFrame } from './chart-frame';
import { openAnnotationSource } from './open-annotation-source';
import { useTimelineLabels, type TimelineChartProps } from './timeline-chart';
import { useChartText } from './use-chart-text';

export default function BurnupChart({
  series,
  projection,
  annotations,
  programName,
  downloadName,
  height = 420,
}: TimelineChartProps<CountSeriesDto>) {
  const t = useTranslations('burnup.chart');
  const shared = useTimelineLabels(series, projection);
  const unit = series.unit;
  const aria = t('aria', { program: programName });
  const text = useChartText();
  const description = useMemo(() => text.progress(describeBurnup(series, projection), series.unit), [text, series, projection]);
  const option = useMemo(
    () =>
      buildBurnupOption(
        { series, projection, annotations },
        {
          ...shared,
          actual: t(`actual${unit}`),
          plan: t('plan'),
          denominator: t(`denominator${unit}`, { count: series.denominator }),
          yAxis: t(`yAxis${unit}`),
          formatValue: (count) => t(`value${unit}`, { count }),
          tooltipRow: (name, value) => t('tooltipRow', { series: name, value }),
          ariaLabel: aria,
        },
      ),
    [series, projection, annotations, shared, unit, aria, t],
  );
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
      description={description}
      errorText={t('loadError')}
      testId="burnup-chart"
      downloadName={downloadName}
      data={{ 'data-series': drawn.series, 'data-lines': drawn.lines }}
    />
  );
}
