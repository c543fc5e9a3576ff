'use client';

import CheckCircleOutlined from '@ant-design/icons-svg/es/asn/CheckCircleOutlined';
import ClockCircleOutlined from '@ant-design/icons-svg/es/asn/ClockCircleOutlined';
import CloseCircleOutlined from '@ant-design/icons-svg/es/asn/CloseCircleOutlined';
import ExclamationCircleOutlined from '@ant-design/icons-svg/es/asn/ExclamationCircleOutlined';
import { useTranslations } from 'next-intl';
import type { IconDefinition } from '@ant-design/icons-svg/lib/types';
import { describeHealthRule, type Health } from '@/lib/coverage/projection';
import { Icon } from '@/components/ui/icon';
import { Tag, type TagColor } from '@/components/ui/plain';

/** antd preset colours; the icon repeats the meaning so colour is never the only signal. */
const PRESET: Record<Health, { color: TagColor; icon: IconDefinition }> = {
  COMPLETE: { color: 'processing', icon: CheckCircleOutlined },
  ON_TRACK: { color: 'success', icon: ClockCircleOutlined },
  AT_RISK: { color: 'warning', icon: ExclamationCircleOutlined },
  OFF_TRACK: { color: 'error', icon: CloseCircleOutlined },
};

export function HealthBadge({ health }: { health: Health }) {
  const t = useTranslations('burnup.health');
  return (
    <Tag
      color={PRESET[health].color}
      icon={<Icon icon={PRESET[health].icon} />}
      data-testid="health-badge"
      data-health={health}
      style={{ fontSize: 14, lineHeight: '24px', paddingInline: 10 }}
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
