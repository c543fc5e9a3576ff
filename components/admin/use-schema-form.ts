'use client';

import type { FormInstance, FormRule } from 'antd';
import { App } from 'antd';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { z } from 'zod';
import type { ConflictValue, FormState, VersionConflictDto } from '@/lib/forms/form-state';
import { parseInput, translateIssue, type IssueTranslator } from '@/lib/forms/validation';

export type FormNamespace = 'adminPrograms' | 'milestones' | 'annotations';

export interface FormProblem {
  message: string;
  /** Problems not tied to a visible field (e.g. refused extra fields), already localised. */
  details: string[];
  errorId: string | null;
}

/** The row a version-checked form edits, as the server last told us about it. */
export interface ServerRow {
  version: number;
  /** The row's values (payload-shaped: ISO dates, null for blanks). */
  values: Record<string, ConflictValue>;
}

/** For forms of version-checked rows (program settings and targets, annotations). */
export interface VersionedOptions<V> {
  /** The row as the page loaded it. */
  loaded: ServerRow;
  /** Form values for some of the row's values (e.g. ISO dates to dayjs); fields the form lacks are left out. */
  toValues: (values: Record<string, ConflictValue>) => Partial<V>;
}

/** A save refused because the row moved on: the other person's row, which fields they and this user changed. */
export interface ConflictState {
  current: VersionConflictDto;
  /** Fields the other person changed, with the value before (what this user loaded). */
  theirs: Array<{ field: string; before: ConflictValue; after: ConflictValue }>;
  /** This user's unsaved values, by field. */
  mine: Record<string, unknown>;
}

const blank = (v: unknown) => v === null || v === undefined || v === '';
const same = (a: unknown, b: unknown) => (blank(a) && blank(b)) || a === b;

/**
 * Validation and submission for an antd form backed by one of the lib zod schemas: the same schema
 * checks each field as the user types (with the messages the server would send) and the Server
 * Action checks it all again. `toPayload` turns the form's values (dayjs dates, blanks) into the
 * payload the schema and the action expect; for a versioned form it also gets the row as the server
 * last reported it, whose version (and e.g. target date) the payload must carry.
 *
 * Versioned forms: a CONFLICT answer keeps the user's values and shows the other person's change
 * (`conflict`); `reapply` puts the user's changes on top of the new version and saves again,
 * `discard` loads the other person's values.
 */
export function useSchemaForm<S extends z.ZodType, V>({
  form,
  schema,
  namespace,
  toPayload,
  versioned,
}: {
  form: FormInstance<V>;
  schema: S;
  namespace: FormNamespace;
  toPayload: (values: V, server: ServerRow) => unknown;
  versioned?: VersionedOptions<V>;
}) {
  const { message } = App.useApp();
  // next-intl's typed translator accepts only literal keys; issue keys are looked up at run time.
  const t = useTranslations(namespace) as unknown as IssueTranslator;
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  // The action and callback of the save that lost the race, for `reapply`.
  const [retry, setRetry] = useState<{ action: (payload: unknown) => Promise<FormState>; onDone?: () => void } | null>(null);
  const [isPending, startTransition] = useTransition();
  const loaded = versioned?.loaded ?? NO_ROW;
  const [server, setServer] = useState<ServerRow>(loaded);
  // After a save the page is re-rendered with the new version: start again from it.
  const [seenVersion, setSeenVersion] = useState(loaded.version);
  if (seenVersion !== loaded.version) {
    setSeenVersion(loaded.version);
    setServer(loaded);
  }

  /** An antd rule that reports this field's issue from a parse of the whole form (so cross-field checks apply too). */
  function rule(name: string): FormRule {
    return ({ getFieldsValue }) => ({
      validator: async () => {
        const result = parseInput(schema, toPayload(getFieldsValue(true) as V, server));
        if (result.success) return;
        const issue = result.issues.find((i) => i.path === name);
        if (issue) throw new Error(translateIssue(t, issue));
      },
    });
  }

  /** Validates, calls the action, and shows its answer: field messages on the fields, the rest above the form. */
  async function submit(action: (payload: unknown) => Promise<FormState>, onDone?: () => void, base: ServerRow = server): Promise<void> {
    setProblem(null);
    setConflict(null);
    let values: V;
    try {
      // Outside the transition: validation updates every field's subscribers at once.
      values = await form.validateFields();
    } catch {
      return; // antd shows the field messages
    }
    const payload = toPayload({ ...form.getFieldsValue(true), ...values }, base) as Record<string, unknown>;
    startTransition(async () => {
      const state = await action(payload);
      if (state.ok) {
        message.success(state.message);
        onDone?.();
        return;
      }
      if (state.conflict && versioned) {
        const current = state.conflict;
        const theirs = Object.entries(current.values)
          .filter(([field, after]) => !same(after, base.values[field]))
          .map(([field, after]) => ({ field, before: base.values[field] ?? null, after }));
        const mine = Object.fromEntries(
          Object.entries(payload).filter(([field, value]) => field !== 'version' && field in base.values && !same(value, base.values[field])),
        );
        setConflict({ current, theirs, mine });
        setRetry({ action, onDone });
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

  /** Keeps the user's changes, takes the other person's for every other field, and saves on the new version. */
  function reapply(): void {
    if (!conflict || !versioned || !retry) return;
    const next: ServerRow = { version: conflict.current.version, values: conflict.current.values };
    const theirsOnly = Object.fromEntries(conflict.theirs.filter(({ field }) => !(field in conflict.mine)).map(({ field, after }) => [field, after]));
    form.setFieldsValue(versioned.toValues(theirsOnly) as never);
    setServer(next);
    void submit(retry.action, retry.onDone, next);
  }

  /** Drops the user's changes and shows the other person's row. */
  function discard(): void {
    if (!conflict || !versioned) return;
    form.resetFields();
    form.setFieldsValue(versioned.toValues(conflict.current.values) as never);
    setServer({ version: conflict.current.version, values: conflict.current.values });
    setConflict(null);
  }

  return { rule, submit, problem, clearProblem: () => setProblem(null), isPending, conflict, reapply, discard };
}

const NO_ROW: ServerRow = { version: 0, values: {} };
