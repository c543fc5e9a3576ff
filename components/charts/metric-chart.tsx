'use client';

import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import type { MetricSeriesDto } from '@/lib/coverage/series';
import { buildMetricOption } from '@/lib/charts/metric-line';
import { describeMetric } from '@/lib/charts/describe';
import { ChartFrame } from './chart-frame';
import { useChartText } from './use-chart-text';
import { openAnnotationSource } from './open-annotation-source';
import { useTimelineLabels, type TimelineChartProps } from './timeline-chart';

export default function MetricChart({
  series,
  projection,
  annotations,
  programName,
  downloadName,
  height = 420,
}: TimelineChartProps<MetricSeriesDto>) {
  const tc = useTranslations('burnup.chart');
  const tm = useTranslations('burnup.metric');
  const shared = useTimelineLabels(series, projection);
  const aria = tm('aria', { program: programName });
  const text = useChartText();
  const description = useMemo(() => text.progress(describeMetric(series, projection), 'PERCENT'), [text, series, projection]);
  const option = useMemo(
    () =>
      buildMetricOption(
        { series, projection, annotations },
        {
          ...shared,
          metric: tm('series'),
          targetValue: tm('targetValue', { value: series.targetValue ?? 0 }),
          yAxis: tm('yAxis'),
          formatValue: (value) => tm('value', { value }),
          ariaLabel: aria,
        },
      ),
    [series, projection, annotations, shared, aria, tm],
  );

  return (
    <ChartFrame
      option={option}
      onClick={openAnnotationSource}
      height={height}
      ariaLabel={aria}
      description={description}
      errorText={tc('loadError')}
      testId="metric-chart"
      downloadName={downloadName}
    />
  );
}
