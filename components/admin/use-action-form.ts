'use client';

import type { FormInstance, FormRule } from 'antd';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { z } from 'zod';
import { useNotify } from '@/components/ui/notify';
import type { ConflictValue, FormFailure, FormState, VersionConflictDto } from '@/lib/forms/form-state';
import { describeIssue, describeIssues, parseInput, type FieldIssue, type IssueTranslator, type ValidationIssue } from '@/lib/forms/validation';

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

/** For forms of version-checked rows (program settings and targets, milestones, annotations). */
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

/** What to do with an action's answer besides showing it. */
export interface SendOptions<T, F> {
  onSuccess?: (result: T) => void;
  onFailure?: (state: FormFailure<F>) => void;
  /** Success without a toast (the form shows the result itself). */
  quiet?: boolean;
  /**
   * Show a refusal as a toast rather than above the form (one-click row actions). On a page
   * without toasts (the plain pages, components/ui/notify.ts) it becomes `problem`, for the control
   * to show beside itself.
   */
  toast?: boolean;
  /** Empty the form after a success (forms that create something). */
  reset?: boolean;
  /** The row the payload was built on, for the conflict comparison of a versioned form. */
  base?: ServerRow;
}

type Action<T, F> = (payload: never) => Promise<FormState<T, F>>;

const blank = (v: unknown) => v === null || v === undefined || v === '';
const same = (a: unknown, b: unknown) => (blank(a) && blank(b)) || a === b;
const NO_ROW: ServerRow = { version: 0, values: {} };

/**
 * The one client side of every form and row action: calls a Server Action in a transition and
 * shows its answer the same way everywhere. A success is announced (a toast) and may reset the
 * form; each field at fault gets its message on that field, the rest (and the error id of an
 * unexpected error) shows above the form; a version conflict keeps the user's values and shows the
 * other person's change, with `reapply` (the user's changes on top of the new version, saved again)
 * and `discard`.
 *
 * With a zod `schema` and `toPayload`, `rule(name)` checks a field as the user types with the very
 * messages the server would send, and `submit(action)` validates the antd form, builds the payload
 * and sends it.
 */
export function useActionForm<V = Record<string, unknown>, S extends z.ZodType = z.ZodType>({
  form,
  schema,
  toPayload,
  versioned,
}: {
  form?: FormInstance<V>;
  schema?: S;
  toPayload?: (values: V, server: ServerRow) => unknown;
  versioned?: VersionedOptions<V>;
} = {}) {
  // antd's message API on antd pages; null on the plain pages, which pass `quiet` and show refusals themselves.
  const notify = useNotify();
  // next-intl's typed translator accepts only literal keys; issue codes are looked up at run time.
  const t = useTranslations('validation') as unknown as IssueTranslator;
  const tErrors = useTranslations('errors');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  // The action and options of the save that lost the race, for `reapply`.
  const [retry, setRetry] = useState<{ action: Action<unknown, unknown>; options: SendOptions<unknown, unknown> } | null>(null);
  const [isPending, startTransition] = useTransition();
  const loaded = versioned?.loaded ?? NO_ROW;
  const [server, setServer] = useState<ServerRow>(loaded);
  // After a save the page is re-rendered with the new version: start again from it.
  const [seenVersion, setSeenVersion] = useState(loaded.version);
  if (seenVersion !== loaded.version) {
    setSeenVersion(loaded.version);
    setServer(loaded);
  }

  /** Field messages on the form's fields; everything else above the form under `title`. */
  function showIssues(issues: readonly ValidationIssue[], title: string, errorId: string | null = null): void {
    const known = new Set(Object.keys(form?.getFieldsValue(true) ?? {}));
    const onFields = issues.filter((i) => i.path !== '' && known.has(i.path.split('.')[0]!));
    form?.setFields(onFields.map((i) => ({ name: i.path.split('.') as never, errors: [i.message] })));
    const details = issues.filter((i) => !onFields.includes(i) && i.message !== title).map((i) => i.message);
    setProblem({ message: title, details, errorId });
  }

  /** Problems found in the browser (the shared schema, a file too large), shown as the server's would be. */
  function showClientIssues(issues: readonly FieldIssue[]): void {
    if (issues.length === 0) return;
    const described = describeIssues(t, issues);
    showIssues(described, described.find((i) => i.path === '')?.message ?? tErrors('validation'));
  }

  function showFailure<F>(state: FormFailure<F>, base: ServerRow, payload: unknown): boolean {
    if (state.conflict) {
      const current = state.conflict;
      const sent = (payload && typeof payload === 'object' ? payload : {}) as Record<string, unknown>;
      const theirs = versioned
        ? Object.entries(current.values)
            .filter(([field, after]) => !same(after, base.values[field]))
            .map(([field, after]) => ({ field, before: base.values[field] ?? null, after }))
        : [];
      const mine = versioned
        ? Object.fromEntries(Object.entries(sent).filter(([field, value]) => field !== 'version' && field in base.values && !same(value, base.values[field])))
        : {};
      setConflict({ current, theirs, mine });
      return true;
    }
    showIssues(state.issues, state.message, state.errorId);
    return false;
  }

  /** Sends a payload to an action and shows the answer; resolves with whether it succeeded. */
  function send<T, F = never>(action: (payload: never) => Promise<FormState<T, F>>, payload: unknown, options: SendOptions<T, F> = {}): Promise<boolean> {
    setProblem(null);
    setConflict(null);
    return new Promise((resolve) => {
      startTransition(async () => {
        const state = await action(payload as never);
        if (state.ok) {
          if (!options.quiet) notify?.success(state.message);
          if (options.reset) form?.resetFields();
          options.onSuccess?.(state.result);
          resolve(true);
          return;
        }
        if (options.toast) {
          const id = state.errorId ? ` ${tErrors('errorId', { id: state.errorId })}` : '';
          const text = `${[state.message, ...state.issues.map((i) => i.message).filter((m) => m !== state.message)].join(' ')}${id}`;
          if (notify) notify.error(text);
          else setProblem({ message: text, details: [], errorId: null });
        } else if (showFailure(state, options.base ?? server, payload)) {
          setRetry({ action: action as Action<unknown, unknown>, options: options as SendOptions<unknown, unknown> });
        }
        options.onFailure?.(state);
        resolve(false);
      });
    });
  }

  /** An antd rule that reports this field's issue from a parse of the whole form (so cross-field checks apply too). */
  function rule(name: string): FormRule {
    return ({ getFieldsValue }) => ({
      validator: async () => {
        if (!schema || !toPayload) return;
        const result = parseInput(schema, toPayload(getFieldsValue(true) as V, server));
        if (result.success) return;
        const issue = result.issues.find((i) => i.path === name);
        if (issue) throw new Error(describeIssue(t, issue));
      },
    });
  }

  /** Validates the antd form, builds the payload with `toPayload`, and sends it. */
  async function submit<T, F = never>(action: (payload: never) => Promise<FormState<T, F>>, onDone?: () => void, base: ServerRow = server): Promise<void> {
    if (!form || !toPayload) return;
    setProblem(null);
    setConflict(null);
    let values: V;
    try {
      // Outside the transition: validation updates every field's subscribers at once.
      values = await form.validateFields();
    } catch {
      return; // antd shows the field messages
    }
    await send(action, toPayload({ ...form.getFieldsValue(true), ...values }, base), { onSuccess: () => onDone?.(), base });
  }

  /** Keeps the user's changes, takes the other person's for every other field, and saves on the new version. */
  function reapply(): void {
    if (!conflict || !versioned || !retry || !form) return;
    const next: ServerRow = { version: conflict.current.version, values: conflict.current.values };
    const theirsOnly = Object.fromEntries(conflict.theirs.filter(({ field }) => !(field in conflict.mine)).map(({ field, after }) => [field, after]));
    form.setFieldsValue(versioned.toValues(theirsOnly) as never);
    setServer(next);
    void submit(retry.action, () => retry.options.onSuccess?.(undefined), next);
  }

  /** Drops the user's changes and shows the other person's row. */
  function discard(): void {
    if (!conflict) return;
    if (versioned && form) {
      form.resetFields();
      form.setFieldsValue(versioned.toValues(conflict.current.values) as never);
      setServer({ version: conflict.current.version, values: conflict.current.values });
    }
    setConflict(null);
  }

  return {
    send,
    submit,
    rule,
    showClientIssues,
    showProblem: (text: string) => setProblem({ message: text, details: [], errorId: null }),
    problem,
    clearProblem: () => setProblem(null),
    conflict,
    clearConflict: () => setConflict(null),
    reapply,
    discard,
    isPending,
  };
}
