'use client';

import { useTranslations } from 'next-intl';
import type { ConflictValue } from '@/lib/forms/form-state';
import { ConflictFrame } from '@/components/status/conflict-frame';
import type { ConflictState } from './use-action-form';

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
    <ConflictFrame
      testId="version-conflict"
      style={{ marginBottom: 16 }}
      changedBy={current.changedBy || null}
      time={time}
      version={current.version}
      fields={fields}
      label={label}
      theirs={theirValue}
      yours={(field) => (field in mine ? show(mine[field]) : '—')}
      onReapply={onReapply}
      onDiscard={onDiscard}
      pending={pending}
    />
  );
}
