'use server';

/**
 * Server Actions of the import page. The file travels as multipart form data (field `file`);
 * next.config.ts raises the Server Action body limit to fit the 2 MB import limit.
 */
import { revalidatePath } from 'next/cache';
import { unstable_rethrow } from 'next/navigation';
import { requireRequestContext } from '../auth/session';
import { getDb, type Db } from '../db';
import type { RequestContext } from '../auth/viewer';
import { AppError, logError } from '../errors';
import { failureFromAppError, type ActionFailure } from '../status/form-state';
import { commitImport, previewImport, type ImportCommitDto, type ImportFile, type ImportPreviewDto } from './mutations';

export type ImportActionResult<T> =
  | { ok: true; result: T }
  | (ActionFailure & {
      /** Commit refused for row errors: the fresh per-row results. */
      preview?: ImportPreviewDto;
    });

async function fileFrom(formData: unknown): Promise<ImportFile> {
  const file = formData instanceof FormData ? formData.get('file') : null;
  if (!(file instanceof File)) return { name: null, bytes: new Uint8Array() };
  // Next.js has already bounded the body (serverActions.bodySizeLimit); the mutation refuses
  // anything over the import limit, audited like every refusal.
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

async function run<T>(
  action: string,
  formData: unknown,
  work: (db: Db, ctx: RequestContext, file: ImportFile) => Promise<T>,
): Promise<ImportActionResult<T>> {
  try {
    const ctx = await requireRequestContext();
    return { ok: true, result: await work(await getDb(), ctx, await fileFrom(formData)) };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) {
      const details = error.details as { preview?: ImportPreviewDto } | undefined;
      const failure = failureFromAppError(error);
      if (details?.preview) {
        return { ...failure, formError: 'import.errors.rowErrors', formErrorValues: { count: details.preview.counts.errors }, preview: details.preview };
      }
      return failure;
    }
    return { ok: false, formError: 'errors.generic', errorId: logError(error, { action }) };
  }
}

export async function previewImportAction(formData: unknown): Promise<ImportActionResult<ImportPreviewDto>> {
  return run('import.preview', formData, (db, ctx, file) => previewImport(db, ctx, file));
}

export async function commitImportAction(formData: unknown): Promise<ImportActionResult<ImportCommitDto>> {
  return run('import.commit', formData, async (db, ctx, file) => {
    const result = await commitImport(db, ctx, file);
    revalidatePath('/', 'layout');
    return result;
  });
}
