/**
 * Every refused mutation leaves one DENIED audit row and no change: `auditRefusals` runs the
 * mutation (authorise, validate, transaction) and, when it throws a refusal, records it outside
 * the rolled-back transaction before rethrowing.
 */
import 'server-only';
import type { RequestContext } from '../auth/viewer';
import type { Db } from '../db';
import { AppError, type AppErrorCode } from '../errors';
import { issuesFromDetails } from '../forms/validation';
import { auditDenied } from './write';

/** Outcomes that are the caller's doing; anything else is a fault, logged by the boundary. */
const REFUSALS: ReadonlySet<AppErrorCode> = new Set(['FORBIDDEN', 'VALIDATION', 'CONFLICT', 'NOT_FOUND']);

export interface GuardedAction {
  /** Audit action name, e.g. "program.create". */
  action: string;
  entityType: string;
  /** The id (or slug) the request named, when it named one: kept even if it does not exist. */
  entityId?: string;
}

/** A string id from an untrusted input object, for the audit row of a refusal; bounded in size. */
export function entityRefOf(input: unknown, key: string): string | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const value = (input as Record<string, unknown>)[key];
  return typeof value === 'string' && value.length > 0 ? value.slice(0, 100) : undefined;
}

export async function auditRefusals<T>(db: Db, ctx: RequestContext, target: GuardedAction, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && REFUSALS.has(error.code)) {
      const invalid = issuesFromDetails(error.details).map((i) => i.path);
      await auditDenied(db, ctx, {
        action: target.action,
        entityType: target.entityType,
        entityId: target.entityId,
        reason: error.code,
        // Which fields were refused, never their values: a denied row must not become a store of junk input.
        after: invalid.length > 0 ? { invalidFields: invalid } : undefined,
      });
    }
    throw error;
  }
}
