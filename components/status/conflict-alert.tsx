'use client';

import { Alert, Button, Space, Table } from 'antd';
import { useFormatter, useTranslations } from 'next-intl';
import type { StatusRowDto } from '@/lib/status/dto';
import { EDITABLE_FIELDS, type EditableField, type StatusFields } from '@/lib/status/schema';

export interface ConflictAlertProps {
  /** The row the user started editing from. */
  base: StatusFields;
  /** The row as the other person saved it. */
  current: StatusRowDto;
  /** The user's unsaved edits (only the fields they changed). */
  mine: Partial<StatusFields>;
  onReapply: () => void;
  onDiscard: () => void;
}

/**
 * Shown when a save lost the race: what the other person saved, next to what this user changed,
 * and a way to put their edits on top of the new version.
 */
export function ConflictAlert({ base, current, mine, onReapply, onDiscard }: ConflictAlertProps) {
  const t = useTranslations('conflict');
  const tFields = useTranslations('statusForm.fields');
  const tStatus = useTranslations('status');
  const format = useFormatter();
  const time = format.dateTime(new Date(current.updatedAt), 'dateTime');
  const show = (field: EditableField, value: string | null | undefined) =>
    value === null || value === undefined || value === '' ? t('empty') : field === 'status' ? tStatus(value as StatusFields['status']) : value;
  const fields = EDITABLE_FIELDS.filter((f) => f in mine || current[f] !== base[f]);

  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="conflict-alert"
      title={t('title')}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>
            {current.updatedBy
              ? t('byWhom', { name: current.updatedBy.name, time, version: current.version })
              : t('byUnknown', { time, version: current.version })}
          </span>
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={fields.map((field) => ({ field }))}
            columns={[
              { title: t('field'), dataIndex: 'field', render: (f: EditableField) => tFields(f) },
              { title: t('theirs'), key: 'theirs', render: (_, { field }) => show(field, current[field]) },
              { title: t('yours'), key: 'yours', render: (_, { field }) => (field in mine ? show(field, mine[field]) : '—') },
            ]}
          />
          <Space wrap>
            <Button type="primary" onClick={onReapply} data-testid="conflict-reapply">
              {t('reapply')}
            </Button>
            <Button onClick={onDiscard}>{t('discard')}</Button>
          </Space>
        </Space>
      }
    />
  );
}
