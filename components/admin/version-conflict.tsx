'use client';

import { Alert, Button, Space, Table } from 'antd';
import { useTranslations } from 'next-intl';
import type { ConflictValue } from '@/lib/forms/form-state';
import type { ConflictState } from './use-schema-form';

export interface VersionConflictProps {
  conflict: ConflictState | null;
  /** The field's label (the form's own). */
  label: (field: string) => string;
  onReapply: () => void;
  onDiscard: () => void;
  pending?: boolean;
}

/**
 * A save of a version-checked row (program, annotation) that lost the race: who saved meanwhile,
 * what they changed next to what this user changed, and a way to put this user's edits on top.
 */
export function VersionConflict({ conflict, label, onReapply, onDiscard, pending }: VersionConflictProps) {
  const t = useTranslations('conflict');
  const tCommon = useTranslations('common');
  if (!conflict) return null;
  const { current, theirs, mine } = conflict;
  const show = (value: unknown) =>
    value === null || value === undefined || value === '' ? t('empty') : typeof value === 'boolean' ? tCommon(value ? 'yes' : 'no') : String(value as ConflictValue);
  const time = current.changedAtShanghai ? current.changedAtShanghai.slice(0, 16) : '—';
  const fields = [...new Set([...theirs.map((c) => c.field), ...Object.keys(mine)])];
  const theirValue = (field: string) => {
    const change = theirs.find((c) => c.field === field);
    return change ? show(change.after) : '—';
  };

  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="version-conflict"
      style={{ marginBottom: 16 }}
      title={t('title')}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>
            {current.changedBy
              ? t('byWhom', { name: current.changedBy, time, version: current.version })
              : t('byUnknown', { time, version: current.version })}
          </span>
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={fields.map((field) => ({ field }))}
            columns={[
              { title: t('field'), dataIndex: 'field', render: (field: string) => label(field) },
              { title: t('theirs'), key: 'theirs', render: (_, { field }) => theirValue(field) },
              { title: t('yours'), key: 'yours', render: (_, { field }) => (field in mine ? show(mine[field]) : '—') },
            ]}
          />
          <Space wrap>
            <Button type="primary" onClick={onReapply} loading={pending} data-testid="version-conflict-reapply">
              {t('reapply')}
            </Button>
            <Button onClick={onDiscard} disabled={pending}>
              {t('discard')}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}
