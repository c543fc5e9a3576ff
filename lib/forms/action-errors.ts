/**
 * Maps whatever a mutation threw to the form state a user reads: typed errors to a localised
 * message with every field at fault, anything else logged in full under an id and answered
 * generically. No stack, SQL, Prisma code or path ever reaches the browser.
 */
import 'server-only';
import { AppError, logError } from '../errors';
import type { AppLocale } from '../i18n/config';
import type { FormFailure, VersionConflictDto } from './form-state';
import { describeDetails, messagesIn } from './messages';

export function formStateFromError<F = never>(
  error: unknown,
  locale: AppLocale,
  context: Record<string, unknown> = {},
  data?: (error: AppError) => F | undefined,
): FormFailure<F> {
  const messages = messagesIn(locale);
  if (error instanceof AppError && error.code !== 'RATE_LIMITED') {
    const issues = describeDetails(messages, error.details);
    const extra = data?.(error);
    const failed = (message: string): FormFailure<F> => ({
      ok: false,
      code: error.code,
      message,
      issues,
      errorId: null,
      ...(extra !== undefined ? { data: extra } : {}),
    });
    // A refusal about the input as a whole (the last admin, a file) says so itself.
    const whole = issues.find((i) => i.path === '')?.message;
    switch (error.code) {
      case 'VALIDATION':
        return failed(whole ?? messages.error('validation'));
      case 'CONFLICT': {
        // A conflict on a field (a slug already taken) is the user's to fix, not someone else's edit.
        if (issues.length > 0) return failed(whole ?? messages.error('validation'));
        const conflict = conflictOf(error.details);
        return conflict ? { ...failed(messages.error('conflict')), conflict } : failed(messages.error('conflict'));
      }
      case 'FORBIDDEN':
        return failed(messages.error('forbidden'));
      case 'UNAUTHENTICATED':
        return failed(messages.error('unauthenticated'));
      case 'NOT_FOUND':
        return failed(whole ?? messages.error('recordNotFound'));
    }
  }
  const errorId = logError(error, { where: 'form action', ...context });
  return { ok: false, code: 'INTERNAL', message: messages.error('generic'), issues: [], errorId };
}

/** The current row a version-checked mutation attached to its CONFLICT (lib/forms/version-conflict.ts), if any. */
function conflictOf(details: unknown): VersionConflictDto | undefined {
  if (!details || typeof details !== 'object') return undefined;
  const conflict = (details as { conflict?: unknown }).conflict;
  if (!conflict || typeof conflict !== 'object') return undefined;
  const c = conflict as Partial<VersionConflictDto>;
  return typeof c.version === 'number' && c.values && typeof c.values === 'object' ? (conflict as VersionConflictDto) : undefined;
}
