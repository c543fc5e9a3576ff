'use server';

/**
 * Server Actions of the status forms: thin wrappers that identify the caller, call the mutation
 * (which authorises and validates everything again: Server Actions are public POST endpoints, so
 * no argument's type is trusted), revalidate, and answer with form state.
 */
import { revalidatePath } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import { requireRequestContext } from '../auth/session';
import { getDb, type Db } from '../db';
import { AppError, logError } from '../errors';
import type { RequestContext } from '../auth/viewer';
import type { StatusRowDto } from './dto';
import { failureFromAppError, type ActionResult } from './form-state';
import {
  bulkUpdateCityStatuses,
  confirmStatus,
  updateCityStatus,
  updateInstitutionStatus,
  verifyStatus,
  type BulkUpdateResult,
  type StatusEntity,
} from './mutations';

/** A non-string argument becomes '', which the mutation refuses as invalid. */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

async function run<T>(action: string, work: (db: Db, ctx: RequestContext) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const ctx = await requireRequestContext();
    const result = await work(await getDb(), ctx);
    // Coverage, tables and history everywhere may show the changed row.
    revalidatePath('/', 'layout');
    return { ok: true, result };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) return failureFromAppError(error);
    return { ok: false, formError: 'errors.generic', errorId: logError(error, { action }) };
  }
}

export async function updateCityStatusAction(programSlug: unknown, cityCode: unknown, input: unknown): Promise<ActionResult<StatusRowDto>> {
  return run('cityStatus.update', (db, ctx) =>
    updateCityStatus(db, ctx, { programSlug: text(programSlug), cityCode: text(cityCode), input, source: 'FORM' }),
  );
}

export async function updateInstitutionStatusAction(
  programSlug: unknown,
  institutionCode: unknown,
  input: unknown,
): Promise<ActionResult<StatusRowDto>> {
  return run('institutionStatus.update', (db, ctx) =>
    updateInstitutionStatus(db, ctx, { programSlug: text(programSlug), institutionCode: text(institutionCode), input, source: 'FORM' }),
  );
}

export async function confirmStatusAction(programSlug: unknown, entity: unknown, code: unknown, input: unknown): Promise<ActionResult<StatusRowDto>> {
  return run('status.confirm', (db, ctx) =>
    confirmStatus(db, ctx, { programSlug: text(programSlug), entity: text(entity) as StatusEntity, code: text(code), input, source: 'FORM' }),
  );
}

export async function verifyStatusAction(programSlug: unknown, entity: unknown, code: unknown, input: unknown): Promise<ActionResult<StatusRowDto>> {
  return run('status.verify', (db, ctx) =>
    verifyStatus(db, ctx, { programSlug: text(programSlug), entity: text(entity) as StatusEntity, code: text(code), input, source: 'FORM' }),
  );
}

export async function bulkUpdateCityStatusesAction(
  programSlug: unknown,
  provinceCode: unknown,
  input: unknown,
): Promise<ActionResult<BulkUpdateResult>> {
  return run('cityStatus.bulkUpdate', (db, ctx) =>
    bulkUpdateCityStatuses(db, ctx, { programSlug: text(programSlug), provinceCode: text(provinceCode), input, source: 'FORM' }),
  );
}
