'use client';

import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { ProgressFacts, ProvinceMapFacts } from '@/lib/charts/describe';
import type { RolloutStatus } from '@/lib/generated/sqlite/client';
import { localized } from '@/lib/i18n/localized';

/**
 * The words of the charts' text equivalents (lib/charts/describe.ts gives the facts): one sentence
 * per chart that says what the picture says, in the reader's language.
 */
export function useChartText() {
  const t = useTranslations('chartText');
  const ts = useTranslations('status');
  const format = useFormatter();
  const locale = useLocale();
  return useMemo(() => {
    const list = (items: string[]) => format.list(items, { type: 'conjunction' });
    const number = (n: number) => format.number(n, { maximumFractionDigits: 1 });

    function progress(facts: ProgressFacts, unit: 'CITY' | 'INSTITUTION' | 'PERCENT'): string {
      const base = { current: number(facts.current), asOf: facts.asOf };
      const progressText =
        unit === 'PERCENT'
          ? facts.goal === null
            ? t('progressMetric', base)
            : t('progressMetricGoal', { ...base, goal: number(facts.goal) })
          : t(`progress${unit}`, { ...base, goal: number(facts.goal ?? 0) });
      const target = t('target', { date: facts.targetDate });
      const weeks = facts.weeks;
      const outlook =
        facts.outlook === 'projected'
          ? t('projected', { weeks, date: facts.completionDate ?? '' })
          : facts.outlook === 'complete'
            ? t('complete', { date: facts.completionDate ?? facts.asOf })
            : facts.outlook === 'noProgress'
              ? t('noProgress', { weeks })
              : facts.outlook === 'tooFar'
                ? t('tooFar', { weeks })
                : null;
      return outlook === null
        ? t('sentenceNoOutlook', { progress: progressText, target })
        : t('sentence', { progress: progressText, target, outlook });
    }

    function provinceMap(facts: ProvinceMapFacts, asOf: string): string {
      const values = {
        live: facts.live,
        denominator: facts.denominator,
        asOf,
        provinces: facts.provinces,
        complete: facts.complete,
        none: facts.none,
      };
      if (facts.leaders.length === 0) return t('provinceMap', values);
      const leaders = list(facts.leaders.map((l) => t('leader', { name: localized(locale, l.name, l.nameEn), percent: number(l.percent) })));
      return t('provinceMapLeaders', { ...values, leaders });
    }

    function cityStatuses(place: string | null, asOf: string, counts: Array<{ status: RolloutStatus; count: number }>): string {
      const total = counts.reduce((sum, c) => sum + c.count, 0);
      const parts = counts.map((c) => t('statusCount', { status: ts(c.status), count: c.count }));
      return t('cityStatuses', { place: place ?? t('nation'), asOf, total, counts: list(parts) });
    }

    function institutionsOverTime(date: string, lines: Array<{ name: string; live: number; denominator: number }>): string {
      return t('institutionsOverTime', { date, lines: list(lines.map((l) => t('institutionsLine', l))) });
    }

    return { progress, provinceMap, cityStatuses, institutionsOverTime };
  }, [t, ts, format, locale]);
}
