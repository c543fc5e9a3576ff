'use client';

import type { FormInstance, FormRule } from 'antd';
import { App } from 'antd';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { z } from 'zod';
import type { FormState } from '@/lib/forms/form-state';
import { parseInput, translateIssue, type IssueTranslator } from '@/lib/forms/validation';

export type FormNamespace = 'adminPrograms' | 'milestones' | 'annotations';

export interface FormProblem {
  message: string;
  /** Problems not tied to a visible field (e.g. refused extra fields), already localised. */
  details: string[];
  errorId: string | null;
}

/**
 * Validation and submission for an antd form backed by one of the lib zod schemas: the same schema
 * checks each field as the user types (with the messages the server would send) and the Server
 * Action checks it all again. `toPayload` turns the form's values (dayjs dates, blanks) into the
 * payload the schema and the action expect.
 */
export function useSchemaForm<S extends z.ZodType, V>({
  form,
  schema,
  namespace,
  toPayload,
}: {
  form: FormInstance<V>;
  schema: S;
  namespace: FormNamespace;
  toPayload: (values: V) => unknown;
}) {
  const { message } = App.useApp();
  // next-intl's typed translator accepts only literal keys; issue keys are looked up at run time.
  const t = useTranslations(namespace) as unknown as IssueTranslator;
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [isPending, startTransition] = useTransition();

  /** An antd rule that reports this field's issue from a parse of the whole form (so cross-field checks apply too). */
  function rule(name: string): FormRule {
    return ({ getFieldsValue }) => ({
      validator: async () => {
        const result = parseInput(schema, toPayload(getFieldsValue(true) as V));
        if (result.success) return;
        const issue = result.issues.find((i) => i.path === name);
        if (issue) throw new Error(translateIssue(t, issue));
      },
    });
  }

  /** Validates, calls the action, and shows its answer: field messages on the fields, the rest above the form. */
  async function submit(action: (payload: unknown) => Promise<FormState>, onDone?: () => void): Promise<void> {
    setProblem(null);
    let values: V;
    try {
      // Outside the transition: validation updates every field's subscribers at once.
      values = await form.validateFields();
    } catch {
      return; // antd shows the field messages
    }
    const payload = toPayload({ ...form.getFieldsValue(true), ...values });
    startTransition(async () => {
      const state = await action(payload);
      if (state.ok) {
        message.success(state.message);
        onDone?.();
        return;
      }
      const known = new Set(Object.keys(form.getFieldsValue(true) ?? {}));
      const onFields = Object.entries(state.fieldErrors).filter(([path]) => known.has(path));
      form.setFields(onFields.map(([path, error]) => ({ name: path.split('.') as never, errors: [error] })));
      setProblem({
        message: state.message,
        details: Object.entries(state.fieldErrors)
          .filter(([path]) => !known.has(path))
          .map(([, error]) => error),
        errorId: state.errorId,
      });
    });
  }

  return { rule, submit, problem, clearProblem: () => setProblem(null), isPending };
}
