/**
 * What the status forms' Server Actions answer. Messages travel as keys (`statusForm.errors.*`,
 * `errors.*`, ...) and are translated in the browser, which also translates the same keys when
 * the shared zod schema fails client-side. Browser-safe: no server imports.
 */
import type { StatusRowDto } from './dto';
import type { FieldErrors } from './schema';

export interface ConflictState {
  /** The row as the other person left it. */
  current: StatusRowDto;
  /** Bulk edits: every row that changed meanwhile. */
  currentRows?: StatusRowDto[];
}

export type ActionFailure = {
  ok: false;
  fieldErrors?: FieldErrors;
  /** Message key for the whole form. */
  formError?: string;
  formErrorValues?: Record<string, string | number>;
  conflict?: ConflictState;
  /** Set for unexpected errors: the id the server logged the error under. */
  errorId?: string;
};

export type ActionResult<T> = { ok: true; result: T } | ActionFailure;

export interface AppErrorLike {
  code: string;
  details?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Maps a typed refusal to form state. Unknown errors are not handled here: the action logs them
 * and answers with `errors.generic` and the error id.
 */
export function failureFromAppError(error: AppErrorLike): ActionFailure {
  const details = isRecord(error.details) ? error.details : {};
  switch (error.code) {
    case 'VALIDATION': {
      const fieldErrors = isRecord(details.fieldErrors) ? (details.fieldErrors as FieldErrors) : undefined;
      const fileError = isRecord(details.fileError) ? details.fileError : undefined;
      if (fileError && typeof fileError.key === 'string') {
        return { ok: false, formError: fileError.key, formErrorValues: (fileError.values as Record<string, string | number>) ?? {} };
      }
      return { ok: false, fieldErrors, formError: fieldErrors?._form ?? 'errors.validation' };
    }
    case 'CONFLICT':
      return {
        ok: false,
        formError: 'conflict.title',
        conflict: {
          current: details.current as StatusRowDto,
          ...(Array.isArray(details.currentRows) ? { currentRows: details.currentRows as StatusRowDto[] } : {}),
        },
      };
    case 'FORBIDDEN':
      return { ok: false, formError: 'errors.forbidden' };
    case 'UNAUTHENTICATED':
      return { ok: false, formError: 'errors.unauthenticated' };
    case 'NOT_FOUND':
      return { ok: false, formError: 'statusForm.errors.notFound' };
    default:
      return { ok: false, formError: 'errors.generic' };
  }
}
