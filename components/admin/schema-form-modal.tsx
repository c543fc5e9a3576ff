'use client';

import { Modal } from 'antd';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { FormProblem } from './form-problem';
import type { FormProblem as Problem, ConflictState } from './use-action-form';
import { VersionConflict } from './version-conflict';

export interface SchemaFormModalProps {
  title: string;
  onClose: () => void;
  onSave: () => void;
  /** What `useActionForm` returned for the form inside. */
  state: {
    problem: Problem | null;
    clearProblem: () => void;
    isPending: boolean;
    conflict: ConflictState | null;
    reapply: () => void;
    discard: () => void;
  };
  /** A field's label, for the conflict table. */
  label: (field: string) => string;
  children: ReactNode;
}

/**
 * The add / edit dialog of the admin tables (milestones, annotations): save and cancel, the
 * refusal above the form, and for a stale edit the other person's change with "reapply on top".
 */
export function SchemaFormModal({ title, onClose, onSave, state, label, children }: SchemaFormModalProps) {
  const tCommon = useTranslations('common');
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={tCommon('save')}
      cancelText={tCommon('cancel')}
      confirmLoading={state.isPending}
      onOk={onSave}
      destroyOnHidden
    >
      <FormProblem problem={state.conflict ? null : state.problem} onClose={state.clearProblem} />
      <VersionConflict conflict={state.conflict} label={label} onReapply={state.reapply} onDiscard={state.discard} pending={state.isPending} />
      {children}
    </Modal>
  );
}
