/**
 * The one way a refusal is audited. Every refused mutation leaves one DENIED audit row and no
 * change: `auditRefusals` runs the mutation (authorise, validate, transaction) and, when it throws
 * a refusal, records it outside the rolled-back transaction before rethrowing it unchanged.
 *
 * A refusal stays a refusal even if its audit row cannot be written (the database is locked or
 * down): the failed insert is logged under an error id and the caller still gets the refusal,
 * never an unexpected error in its place.
 *
 * No 'server-only': the CLI runs the user and token mutations under tsx.
 */
import type { RequestContext } from '../auth/viewer';
import type { Db } from '../db';
import { writeTransaction } from '../db/write-transaction';
import { AppError, logError, type AppErrorCode } from '../errors';
import { issuesFromDetails } from '../forms/validation';
import { auditDenied } from './write';

/** Outcomes that are the caller's doing; anything else is a fault, logged by the boundary. */
const REFUSALS: ReadonlySet<AppErrorCode> = new Set(['FORBIDDEN', 'VALIDATION', 'CONFLICT', 'NOT_FOUND']);

export interface GuardedAction {
  /** Audit action name, e.g. "program.create". */
  action: string;
  entityType?: string;
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
    if (error instanceof AppError && REFUSALS.has(error.code)) await recordRefusal(db, ctx, target, error);
    throw error;
  }
}

async function recordRefusal(db: Db, ctx: RequestContext, target: GuardedAction, error: AppError): Promise<void> {
  // Which fields were refused, never their values: a denied row must not become a store of junk input.
  const invalid = issuesFromDetails(error.details).map((i) => i.path).slice(0, 50);
  try {
    // Its own transaction, not a bare insert: it then queues behind other writers like any write.
    // The cast: auditDenied only calls auditLog.create, which the transaction client has.
    await writeTransaction(db, (tx) =>
      auditDenied(tx as unknown as Db, ctx, {
        action: target.action,
        entityType: target.entityType,
        entityId: target.entityId,
        reason: error.code,
        after: invalid.length > 0 ? { invalidFields: invalid } : undefined,
      }),
    );
  } catch (auditError) {
    logError(auditError, { during: 'auditDenied', action: target.action, refusal: error.code });
  }
}
