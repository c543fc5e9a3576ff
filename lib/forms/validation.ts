/**
 * The one shape of a validation failure, for the forms, the Server Actions, the partner API and the
 * CLI. Inside the application a problem is a `FieldIssue`: the dotted path of the field at fault
 * ('' for the input as a whole) and a stable machine-readable `code` (`required`, `tooLong`,
 * `slugFormat`, `unknownField`, ...), never prose. At each boundary it becomes a `ValidationIssue`
 * carrying a sentence in the reader's language, looked up as `validation.<code>` in the message
 * files (an unknown code reads as `validation.invalid`). Browser-safe.
 *
 * A schema names a code by giving a one-word camelCase message (`{ error: 'slugFormat' }`); every
 * other zod issue is mapped from its zod code to a generic code.
 */
import type { z } from 'zod';

export interface FieldIssue {
  /** Dotted path of the field; '' for the input as a whole. */
  path: string;
  /** Stable machine-readable code; its sentence is `validation.<code>` in the message files. */
  code: string;
  /** Values the sentence mentions (a limit, the codes at fault). */
  values?: Record<string, string | number>;
}

/** A field issue as a client reads it: the 422 `details` of the API and a form's field messages. */
export interface ValidationIssue {
  path: string;
  code: string;
  /** The sentence for `code`, in the reader's language. */
  message: string;
}

export type ParseResult<T> = { success: true; data: T } | { success: false; issues: FieldIssue[] };

const CODE_RE = /^[a-z][A-Za-z0-9]*$/;

type Issue = z.core.$ZodIssue & { input?: unknown };

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function codeOf(issue: Issue): Pick<FieldIssue, 'code' | 'values'> {
  if (CODE_RE.test(issue.message)) return { code: issue.message };
  // A blank answer is "required" whatever check it failed first (type, enum, minimum length).
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'too_small') && isBlank(issue.input)) {
    return { code: 'required' };
  }
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
        if (min <= 1) return { code: 'required' };
        return { code: issue.origin === 'string' ? 'tooShort' : 'tooFew', values: { min } };
      }
      return { code: 'tooSmall', values: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'tooLong', values: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooMany', values: { max } };
      return { code: 'tooLarge', values: { max } };
    }
    default:
      return { code: 'invalid' };
  }
}

/** One issue per field (the first zod reports), in zod's order; each refused extra field is its own issue. */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  const add = (issue: FieldIssue) => {
    if (seen.has(issue.path)) return;
    seen.add(issue.path);
    out.push(issue);
  };
  for (const issue of issues as readonly Issue[]) {
    const path = issue.path.map(String);
    // Checked before the message: a strict object's own error message must not hide which fields were extra.
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add({ path: [...path, key].join('.'), code: 'unknownField', values: { field: key } });
      continue;
    }
    add({ path: path.join('.'), ...codeOf(issue) });
  }
  return out;
}

/** safeParse that reports field issues with codes; never throws on any input. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: toFieldIssues(result.error.issues) };
}

/** What a translator must offer to render issues: next-intl's `t` for the `validation` namespace. */
export interface IssueTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** The sentence of one issue; unknown codes read as the generic `invalid`. */
export function describeIssue(t: IssueTranslator, issue: FieldIssue): string {
  return t.has(issue.code) ? t(issue.code, issue.values) : t('invalid');
}

export function describeIssues(t: IssueTranslator, issues: readonly FieldIssue[]): ValidationIssue[] {
  return issues.map((issue) => ({ path: issue.path, code: issue.code, message: describeIssue(t, issue) }));
}

/** Reads field issues out of an AppError's details (`{ issues: FieldIssue[] }`), ignoring anything else. */
export function issuesFromDetails(details: unknown): FieldIssue[] {
  if (!details || typeof details !== 'object' || !('issues' in details)) return [];
  const issues = (details as { issues: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is FieldIssue =>
      !!i && typeof i === 'object' && typeof (i as FieldIssue).path === 'string' && typeof (i as FieldIssue).code === 'string',
  );
}
