/**
 * Error text for the CLI: the same messages as the web forms (messages/en.json, `validation`),
 * in English, because operators read terminal output and logs in English.
 */
import en from '../../messages/en.json';
import type { AppError } from '../../lib/errors';
import { issuesFromDetails } from '../../lib/forms/validation';

type Catalogue = Record<string, string>;

function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** One line describing an AppError from a mutation, naming the flag at fault where there is one. */
export function describeAppError(error: AppError, flagOf: (path: string) => string | undefined): string {
  const catalogue = en.validation as Catalogue;
  const issues = issuesFromDetails(error.details);
  if (issues.length > 0) {
    return issues
      .map((issue) => {
        const text = fill(catalogue[issue.code] ?? catalogue.invalid ?? 'invalid', issue.values);
        const flag = flagOf(issue.path);
        return flag ? `--${flag}: ${text}` : text;
      })
      .join('; ');
  }
  switch (error.code) {
    case 'NOT_FOUND':
      return en.users.notFound;
    case 'FORBIDDEN':
      return en.errors.forbidden;
    default:
      return error.message;
  }
}
