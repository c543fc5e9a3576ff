/**
 * Typed application errors, mapped once per boundary: HTTP status in route handlers, a localised
 * form message in actions. Anything else is logged in full under an error id and shown generically.
 */
import crypto from 'node:crypto';
import { logger } from './log';

export type AppErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'VALIDATION'
  | 'RATE_LIMITED';

export const HTTP_STATUS: Readonly<Record<AppErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function newErrorId(): string {
  return crypto.randomBytes(6).toString('hex');
}

/** Logs an unexpected error with its stack under a fresh id and returns the id for the user. */
export function logError(error: unknown, context: Record<string, unknown> = {}): string {
  const errorId = newErrorId();
  logger.error({ err: error, errorId, ...context }, 'unexpected error');
  return errorId;
}
