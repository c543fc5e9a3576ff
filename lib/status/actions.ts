'use server';

/**
 * Server Actions of the status forms: thin wrappers that call the mutation (which authorises and
 * validates everything again: Server Actions are public POST endpoints, so no argument's type is
 * trusted), revalidate, and answer with form state (lib/forms/run-action.ts).
 */
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { FormState } from '../forms/form-state';
import { runAction } from '../forms/run-action';
import type { StatusRowDto } from './dto';
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

/** Coverage, tables and history everywhere may show the changed row. */
function revalidateEverything(): void {
  revalidatePath('/', 'layout');
}

async function savedRow(key: 'saved' | 'confirmed', row: StatusRowDto) {
  revalidateEverything();
  return { message: (await getTranslations('statusForm'))(key, { version: row.version }), result: row };
}

export async function updateCityStatusAction(programSlug: unknown, cityCode: unknown, input: unknown): Promise<FormState<StatusRowDto>> {
  return runAction('cityStatus.update', async (db, ctx) =>
    savedRow('saved', await updateCityStatus(db, ctx, { programSlug: text(programSlug), cityCode: text(cityCode), input, source: 'FORM' })),
  );
}

export async function updateInstitutionStatusAction(programSlug: unknown, institutionCode: unknown, input: unknown): Promise<FormState<StatusRowDto>> {
  return runAction('institutionStatus.update', async (db, ctx) =>
    savedRow(
      'saved',
      await updateInstitutionStatus(db, ctx, { programSlug: text(programSlug), institutionCode: text(institutionCode), input, source: 'FORM' }),
    ),
  );
}

export async function confirmStatusAction(programSlug: unknown, entity: unknown, code: unknown, input: unknown): Promise<FormState<StatusRowDto>> {
  return runAction('status.confirm', async (db, ctx) =>
    savedRow(
      'confirmed',
      await confirmStatus(db, ctx, { programSlug: text(programSlug), entity: text(entity) as StatusEntity, code: text(code), input, source: 'FORM' }),
    ),
  );
}

export async function verifyStatusAction(programSlug: unknown, entity: unknown, code: unknown, input: unknown): Promise<FormState<StatusRowDto>> {
  return runAction('status.verify', async (db, ctx) => {
    const row = await verifyStatus(db, ctx, { programSlug: text(programSlug), entity: text(entity) as StatusEntity, code: text(code), input, source: 'FORM' });
    revalidateEverything();
    return { message: (await getTranslations('verify'))('done', { version: row.version }), result: row };
  });
}

export async function bulkUpdateCityStatusesAction(
  programSlug: unknown,
  provinceCode: unknown,
  input: unknown,
): Promise<FormState<BulkUpdateResult>> {
  return runAction('cityStatus.bulkUpdate', async (db, ctx) => {
    const result = await bulkUpdateCityStatuses(db, ctx, { programSlug: text(programSlug), provinceCode: text(provinceCode), input, source: 'FORM' });
    revalidateEverything();
    const message = (await getTranslations('statusForm'))('bulk.saved', { updated: result.updated.length, unchanged: result.unchanged.length });
    return { message, result };
  });
}
