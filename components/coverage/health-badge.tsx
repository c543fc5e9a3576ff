'use client';

import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { describeHealthRule, type Health } from '@/lib/coverage/projection';

/** antd preset colours; the icon repeats the meaning so colour is never the only signal. */
const PRESET: Record<Health, { color: string; icon: ReactNode }> = {
  COMPLETE: { color: 'processing', icon: <CheckCircleOutlined /> },
  ON_TRACK: { color: 'success', icon: <ClockCircleOutlined /> },
  AT_RISK: { color: 'warning', icon: <ExclamationCircleOutlined /> },
  OFF_TRACK: { color: 'error', icon: <CloseCircleOutlined /> },
};

export function HealthBadge({ health }: { health: Health }) {
  const t = useTranslations('burnup.health');
  return (
    <Tag
      color={PRESET[health].color}
      icon={PRESET[health].icon}
      data-testid="health-badge"
      data-health={health}
      style={{ fontSize: 14, lineHeight: '24px', paddingInline: 10, marginInlineEnd: 0 }}
    >
      {t(health)}
    </Tag>
  );
}

/**
 * The rule behind the badge, written out (not hidden in a tooltip), with the clause that applies
 * now in bold. Parameters come from lib/coverage/projection.ts, so text and computation agree.
 */
export function HealthRule({ current, isMetric = false, windowWeeks }: { current: Health | null; isMetric?: boolean; windowWeeks?: number }) {
  const t = useTranslations('burnup.rule');
  const clauses = describeHealthRule(windowWeeks);
  return (
    <div className="muted" data-testid="health-rule" style={{ fontSize: 12, lineHeight: 1.7 }}>
      <div>{t('heading', { weeks: clauses[0]?.windowWeeks ?? 0 })}</div>
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {clauses.map((c) => {
          const key = c.health === 'COMPLETE' && isMetric ? 'COMPLETE_METRIC' : c.health;
          const isCurrent = c.health === current;
          return (
            <li key={c.health} style={isCurrent ? { fontWeight: 600, color: 'rgba(0,0,0,0.88)' } : undefined}>
              {t(key, { days: c.graceDays, weeks: c.windowWeeks })}
              {isCurrent && t('current')}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
