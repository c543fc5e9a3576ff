import Tag from 'antd/es/tag';
import { useTranslations } from 'next-intl';
import type { RolloutStatus } from '@/lib/generated/sqlite/client';
import { STATUS_COLORS } from '@/lib/charts/colours';

/**
 * A rollout status as a tag: the status colour as a dot and border, the label in dark text, so the
 * yellow and grey statuses stay readable and the colour is never the only signal.
 */
export function StatusTag({ status }: { status: RolloutStatus }) {
  const t = useTranslations('status');
  const color = STATUS_COLORS[status];
  return (
    <Tag
      variant="outlined"
      data-status={status}
      style={{ borderColor: color, background: '#fff', color: 'rgba(0, 0, 0, 0.88)', marginInlineEnd: 0 }}
    >
      <span
        aria-hidden
        style={{ display: 'inline-block', width: 8, height: 8, borderRadius: '50%', background: color, marginInlineEnd: 6 }}
      />
      {t(status)}
    </Tag>
  );
}
