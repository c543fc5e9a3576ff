/**
 * What every Server Action answers, whatever the form: a message in the user's language and, on
 * success, the action's result; on failure the typed error code, every field at fault in the one
 * validation shape (lib/forms/validation.ts), the id of a logged unexpected error, and for a
 * version-checked edit that lost the race the row as the other person left it. Browser-safe.
 */
import type { AppErrorCode } from '../errors';
import type { StatusRowDto } from '../status/dto';
import type { ValidationIssue } from './validation';

export type ConflictValue = string | number | boolean | null;

/** A version-checked row as it is now (payload-shaped values), and who changed it last. */
export interface VersionConflictDto {
  version: number;
  values: Record<string, ConflictValue>;
  /** Display name of the last person to change it; null when unknown or never changed in the app. */
  changedBy: string | null;
  /** "YYYY-MM-DD HH:mm:ss" Shanghai time of that change. */
  changedAtShanghai: string | null;
  /** Status rows: the rows as they are now (a bulk edit: every row that changed meanwhile). */
  rows?: StatusRowDto[];
}

export interface FormSuccess<T> {
  ok: true;
  message: string;
  result: T;
}

export interface FormFailure<F = never> {
  ok: false;
  /** INTERNAL: an unexpected error, logged under `errorId`. */
  code: AppErrorCode | 'INTERNAL';
  message: string;
  /** Every field at fault ('' for the whole form), with its message. */
  issues: ValidationIssue[];
  errorId: string | null;
  conflict?: VersionConflictDto;
  /** What a refusal carries for the form to show (the import: the fresh per-row results). */
  data?: F;
}

export type FormState<T = undefined, F = never> = FormSuccess<T> | FormFailure<F>;
