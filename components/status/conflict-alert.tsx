'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { StatusRowDto } from '@/lib/status/dto';
import { EDITABLE_FIELDS, type EditableField, type StatusFields } from '@/lib/status/schema';
import { ConflictFrame } from './conflict-frame';

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
    <ConflictFrame
      testId="conflict-alert"
      changedBy={current.updatedBy ? current.updatedBy.name : null}
      time={time}
      version={current.version}
      fields={fields}
      label={(field) => tFields(field)}
      theirs={(field) => show(field, current[field])}
      yours={(field) => (field in mine ? show(field, mine[field]) : '—')}
      onReapply={onReapply}
      onDiscard={onDiscard}
    />
  );
}
