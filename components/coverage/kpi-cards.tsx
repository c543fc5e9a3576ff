'use client';

import { Card, Col, Progress, Row, Statistic, Tooltip } from 'antd';
import { useTranslations } from 'next-intl';
import { daysBetween } from '@/lib/time';
import type { CoverageDto } from '@/lib/coverage/queries';

/** Live / denominator, percent with its denominator, as-of date and target: the numbers people quote. */
export function KpiCards({ coverage }: { coverage: CoverageDto }) {
  const t = useTranslations('dashboard.kpi');
  const { program } = coverage;
  const unitLabel = t(`unit.${program.unit}`);
  const isMetric = program.unit === 'PERCENT';
  const percent = isMetric ? coverage.metric?.value ?? null : coverage.percent;

  return (
    <Row gutter={[16, 16]} data-testid="kpis">
      <Col xs={24} sm={12} lg={6}>
        <Card>
          {isMetric ? (
            <Statistic
              title={t('metricValue')}
              value={percent ?? '—'}
              suffix={percent === null ? undefined : '%'}
              data-testid="kpi-metric"
            />
          ) : (
            <Statistic
              title={t('live', { unit: unitLabel })}
              value={coverage.live}
              suffix={`/ ${coverage.denominator}`}
              data-testid="kpi-live"
            />
          )}
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Card>
          <Statistic
            title={isMetric ? t('metricTarget') : t('percent')}
            value={isMetric ? (coverage.metric?.target ?? '—') : (coverage.percent ?? '—')}
            suffix="%"
            data-testid="kpi-percent"
          />
          {!isMetric && (
            <>
              <Progress percent={coverage.percent ?? 0} showInfo={false} size="small" />
              <span className="kpi-denominator" data-testid="kpi-denominator">
                {t('denominator', { denominator: coverage.denominator, unit: unitLabel })}
              </span>
            </>
          )}
          {isMetric && coverage.metric?.date && (
            <span className="kpi-denominator">{t('metricDate', { date: coverage.metric.date })}</span>
          )}
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Card>
          <Statistic title={t('asOf')} value={coverage.asOf} data-testid="kpi-as-of" />
          <span className="kpi-denominator">{t('timezone')}</span>
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={6}>
        <Card>
          <Tooltip
            title={
              program.baselineTargetDate !== program.targetDate
                ? t('baselineTarget', { date: program.baselineTargetDate })
                : undefined
            }
          >
            <Statistic title={t('target')} value={program.targetDate} data-testid="kpi-target" />
          </Tooltip>
          <span className="kpi-denominator">
            {program.baselineTargetDate !== program.targetDate
              ? t('replanned', { date: program.baselineTargetDate })
              : daysBetween(coverage.asOf, program.targetDate) >= 0
                ? t('daysToTarget', { days: daysBetween(coverage.asOf, program.targetDate) })
                : t('daysPastTarget', { days: daysBetween(program.targetDate, coverage.asOf) })}
          </span>
        </Card>
      </Col>
    </Row>
  );
}
