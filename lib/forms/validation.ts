/**
 * Turns zod issues into field issues that carry a message key instead of zod's English text, so the
 * browser form, the Server Action and the API all report the same problem in the reader's language.
 * Browser-safe.
 *
 * A schema names a key by giving a one-word camelCase message (`{ error: 'slugFormat' }`); every
 * other issue is mapped from its zod code to a generic key (`required`, `tooLong`, ...). Each form's
 * namespace has a `validation` group holding these keys; an unknown key falls back to `invalid`.
 */
import type { z } from 'zod';

export interface FieldIssue {
  /** Dotted path of the field; '' for the form as a whole. */
  path: string;
  /** Message key under the form's `validation` messages. */
  key: string;
  values?: Record<string, string | number>;
}

export type ParseResult<T> = { success: true; data: T } | { success: false; issues: FieldIssue[] };

const KEY_RE = /^[a-z][A-Za-z0-9]*$/;

type Issue = z.core.$ZodIssue & { input?: unknown };

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function keyOf(issue: Issue): Pick<FieldIssue, 'key' | 'values'> {
  if (KEY_RE.test(issue.message)) return { key: issue.message };
  // A blank answer is "required" whatever check it failed first (type, enum, minimum length).
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'too_small') && isBlank(issue.input)) {
    return { key: 'required' };
  }
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
        if (min <= 1) return { key: 'required' };
        return { key: issue.origin === 'string' ? 'tooShort' : 'tooFew', values: { min } };
      }
      return { key: 'tooSmall', values: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'tooLong', values: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'tooMany', values: { max } };
      return { key: 'tooLarge', values: { max } };
    }
    case 'unrecognized_keys':
      return { key: 'unknownField', values: { fields: issue.keys.join(', ') } };
    default:
      return { key: 'invalid' };
  }
}

/** One issue per field (the first zod reports), in zod's order. */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of issues as readonly Issue[]) {
    const path = issue.path.map(String).join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, ...keyOf(issue) });
  }
  return out;
}

/** safeParse that reports field issues with message keys; never throws on any input. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: toFieldIssues(result.error.issues) };
}

/** What a translator must offer to render field issues (next-intl's `t` for the form's namespace). */
export interface IssueTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** The localised message of one issue; unknown keys read as the generic `validation.invalid`. */
export function translateIssue(t: IssueTranslator, issue: FieldIssue): string {
  const key = `validation.${issue.key}`;
  return t.has(key) ? t(key, issue.values) : t('validation.invalid');
}

/** Field path -> localised message, for antd's `form.setFields` and the action's form state. */
export function translateIssues(t: IssueTranslator, issues: readonly FieldIssue[]): Record<string, string> {
  return Object.fromEntries(issues.map((issue) => [issue.path, translateIssue(t, issue)]));
}

/** Reads field issues out of an AppError's details (`{ issues: FieldIssue[] }`), ignoring anything else. */
export function issuesFromDetails(details: unknown): FieldIssue[] {
  if (!details || typeof details !== 'object' || !('issues' in details)) return [];
  const issues = (details as { issues: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is FieldIssue =>
      !!i && typeof i === 'object' && typeof (i as FieldIssue).path === 'string' && typeof (i as FieldIssue).key === 'string',
  );
}
