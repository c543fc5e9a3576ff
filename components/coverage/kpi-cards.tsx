'use client';

import { useTranslations } from 'next-intl';
import { daysBetween } from '@/lib/time';
import type { CoverageDto } from '@/lib/coverage/queries';
import { Kpi, KpiBar, Panel } from './panel';
import styles from './panel.module.css';

/** Live / denominator, percent with its denominator, as-of date and target: the numbers people quote. */
export function KpiCards({ coverage }: { coverage: CoverageDto }) {
  const t = useTranslations('dashboard.kpi');
  const { program } = coverage;
  const unitLabel = t(`unit.${program.unit}`);
  const isMetric = program.unit === 'PERCENT';
  const percent = isMetric ? coverage.metric?.value ?? null : coverage.percent;

  return (
    <div className={styles.kpis} data-testid="kpis">
      <Panel>
        {isMetric ? (
          <Kpi
            title={t('metricValue')}
            value={percent ?? '—'}
            suffix={percent === null ? undefined : '%'}
            data-testid="kpi-metric"
          />
        ) : (
          <Kpi
            title={t('live', { unit: unitLabel })}
            value={coverage.live}
            suffix={`/ ${coverage.denominator}`}
            data-testid="kpi-live"
          />
        )}
      </Panel>
      <Panel>
        <Kpi
          title={isMetric ? t('metricTarget') : t('percent')}
          value={isMetric ? (coverage.metric?.target ?? '—') : (coverage.percent ?? '—')}
          suffix="%"
          data-testid="kpi-percent"
        />
        {!isMetric && (
          <>
            <KpiBar percent={coverage.percent ?? 0} />
            <span className="kpi-denominator" data-testid="kpi-denominator">
              {t('denominator', { denominator: coverage.denominator, unit: unitLabel })}
            </span>
          </>
        )}
        {isMetric && coverage.metric?.date && (
          <span className="kpi-denominator">{t('metricDate', { date: coverage.metric.date })}</span>
        )}
      </Panel>
      <Panel>
        <Kpi title={t('asOf')} value={coverage.asOf} data-testid="kpi-as-of" />
        <span className="kpi-denominator">{t('timezone')}</span>
      </Panel>
      <Panel>
        <Kpi title={t('target')} value={program.targetDate} data-testid="kpi-target" />
        <span className="kpi-denominator">
          {program.baselineTargetDate !== program.targetDate
            ? t('replanned', { date: program.baselineTargetDate })
            : daysBetween(coverage.asOf, program.targetDate) >= 0
              ? t('daysToTarget', { days: daysBetween(coverage.asOf, program.targetDate) })
              : t('daysPastTarget', { days: daysBetween(program.targetDate, coverage.asOf) })}
        </span>
      </Panel>
    </div>
  );
}
