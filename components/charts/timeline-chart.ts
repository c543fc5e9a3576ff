'use client';

import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import type { Projection } from '@/lib/coverage/projection';
import type { ChartAnnotation, TimelineChartLabels } from '@/lib/charts/timeline-marks';

/** What the burn-up and the metric chart are drawn from. */
export interface TimelineChartProps<S> {
  series: S;
  projection: Projection | null;
  /** Already in the reader's language and limited to the as-of date, numbered as the list beside. */
  annotations: ChartAnnotation[];
  /** Program name for the accessible description. */
  programName: string;
  downloadName?: string;
  height?: number;
}

/** The labels both time-axis charts share: target dates, as-of line, projection and pins. */
export function useTimelineLabels(
  series: { asOf: string; targetDate: string; baselineTargetDate: string },
  projection: Projection | null,
): Omit<TimelineChartLabels, 'yAxis' | 'formatValue' | 'ariaLabel'> {
  const t = useTranslations('burnup.chart');
  const { asOf, targetDate, baselineTargetDate } = series;
  const completion = projection?.completionDate ?? '';
  return useMemo(
    () => ({
      projection: t('projection'),
      asOf: t('asOf', { date: asOf }),
      projectedCompletion: t('projectedCompletion', { date: completion }),
      projectedBeyond: t('projectedBeyond', { date: completion }),
      target: t('target', { date: targetDate }),
      baselineTarget: t('baselineTarget', { date: baselineTargetDate }),
      currentTarget: t('currentTarget', { date: targetDate }),
      source: (note: string) => t('source', { source: note }),
      illustrative: t('illustrative'),
      openSource: t('openSource'),
    }),
    [t, asOf, targetDate, baselineTargetDate, completion],
  );
}
