'use client';

import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import type { Projection } from '@/lib/coverage/projection';
import type { MetricSeriesDto } from '@/lib/coverage/series';
import { buildMetricOption } from '@/lib/charts/metric-line';
import type { ChartAnnotation } from '@/lib/charts/timeline-marks';
import { ChartFrame } from './chart-frame';
import { openAnnotationSource } from './open-annotation-source';

interface Props {
  series: MetricSeriesDto;
  projection: Projection | null;
  annotations: ChartAnnotation[];
  programName: string;
  downloadName?: string;
  height?: number;
}

export default function MetricChart({ series, projection, annotations, programName, downloadName, height = 420 }: Props) {
  const tc = useTranslations('burnup.chart');
  const tm = useTranslations('burnup.metric');
  const aria = tm('aria', { program: programName });
  const option = useMemo(() => {
    const completion = projection?.completionDate ?? '';
    return buildMetricOption(
      { series, projection, annotations },
      {
        metric: tm('series'),
        targetValue: tm('targetValue', { value: series.targetValue ?? 0 }),
        projection: tc('projection'),
        asOf: tc('asOf', { date: series.asOf }),
        projectedCompletion: tc('projectedCompletion', { date: completion }),
        projectedBeyond: tc('projectedBeyond', { date: completion }),
        yAxis: tm('yAxis'),
        target: tc('target', { date: series.targetDate }),
        baselineTarget: tc('baselineTarget', { date: series.baselineTargetDate }),
        currentTarget: tc('currentTarget', { date: series.targetDate }),
        source: (note) => tc('source', { source: note }),
        illustrative: tc('illustrative'),
        openSource: tc('openSource'),
        formatValue: (value) => tm('value', { value }),
        ariaLabel: aria,
      },
    );
  }, [series, projection, annotations, aria, tc, tm]);

  return (
    <ChartFrame
      option={option}
      onClick={openAnnotationSource}
      height={height}
      ariaLabel={aria}
      errorText={tc('loadError')}
      testId="metric-chart"
      downloadName={downloadName}
    />
  );
}
