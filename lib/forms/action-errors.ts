/**
 * Maps whatever a mutation threw to the form state a user reads: typed errors to a localised
 * message (and field messages), anything else logged in full under an id and answered generically.
 * No stack, SQL, Prisma code or path ever reaches the browser.
 */
import 'server-only';
import { AppError, logError } from '../errors';
import type { FormState, VersionConflictDto } from './form-state';
import { issuesFromDetails, translateIssues, type IssueTranslator } from './validation';

/** next-intl translators: `t` for the form's namespace (with `validation.*` and `notFound`), `tErrors` for `errors`. */
export interface FormTranslators {
  t: IssueTranslator;
  tErrors: (key: 'validation' | 'conflict' | 'forbidden' | 'unauthenticated' | 'generic') => string;
}

export function formStateFromError(error: unknown, { t, tErrors }: FormTranslators, context: Record<string, unknown> = {}): FormState {
  if (error instanceof AppError) {
    const fieldErrors = translateIssues(t, issuesFromDetails(error.details));
    const failed = (message: string): Extract<FormState, { ok: false }> => ({ ok: false, message, fieldErrors, errorId: null });
    switch (error.code) {
      case 'VALIDATION':
        return failed(tErrors('validation'));
      case 'CONFLICT': {
        // A conflict on a field (a slug already taken) is the user's to fix, not someone else's edit.
        if (Object.keys(fieldErrors).length > 0) return failed(tErrors('validation'));
        const conflict = conflictOf(error.details);
        return conflict ? { ...failed(tErrors('conflict')), conflict } : failed(tErrors('conflict'));
      }
      case 'FORBIDDEN':
        return failed(tErrors('forbidden'));
      case 'UNAUTHENTICATED':
        return failed(tErrors('unauthenticated'));
      case 'NOT_FOUND':
        return failed(t('notFound'));
      case 'RATE_LIMITED':
        break;
    }
  }
  const errorId = logError(error, { where: 'form action', ...context });
  return { ok: false, message: tErrors('generic'), fieldErrors: {}, errorId };
}

/** The current row a version-checked mutation attached to its CONFLICT (lib/forms/version-conflict.ts), if any. */
function conflictOf(details: unknown): VersionConflictDto | undefined {
  if (!details || typeof details !== 'object') return undefined;
  const conflict = (details as { conflict?: unknown }).conflict;
  if (!conflict || typeof conflict !== 'object') return undefined;
  const c = conflict as Partial<VersionConflictDto>;
  return typeof c.version === 'number' && c.values && typeof c.values === 'object' ? (conflict as VersionConflictDto) : undefined;
}
