'use server';

/**
 * Server Actions of the import page. The file travels as multipart form data (field `file`);
 * next.config.ts raises the Server Action body limit to fit the 2 MB import limit.
 */
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { AppError } from '../errors';
import type { FormState } from '../forms/form-state';
import { runAction } from '../forms/run-action';
import { commitImport, previewImport, type ImportCommitDto, type ImportFile, type ImportPreviewDto } from './mutations';

async function fileFrom(formData: unknown): Promise<ImportFile> {
  const file = formData instanceof FormData ? formData.get('file') : null;
  if (!(file instanceof File)) return { name: null, bytes: new Uint8Array() };
  // Next.js has already bounded the body (serverActions.bodySizeLimit); the mutation refuses
  // anything over the import limit, audited like every refusal.
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** A commit refused for row errors carries the fresh per-row results for the table. */
function previewOf(error: AppError): ImportPreviewDto | undefined {
  return (error.details as { preview?: ImportPreviewDto } | undefined)?.preview;
}

export async function previewImportAction(formData: unknown): Promise<FormState<ImportPreviewDto, ImportPreviewDto>> {
  return runAction(
    'import.preview',
    async (db, ctx) => {
      const result = await previewImport(db, ctx, await fileFrom(formData));
      return { message: (await getTranslations('import'))('checked'), result };
    },
    { refusalData: previewOf },
  );
}

export async function commitImportAction(formData: unknown): Promise<FormState<ImportCommitDto, ImportPreviewDto>> {
  return runAction(
    'import.commit',
    async (db, ctx) => {
      const result = await commitImport(db, ctx, await fileFrom(formData));
      revalidatePath('/', 'layout');
      return { message: (await getTranslations('import'))('committed', { count: result.updated }), result };
    },
    { refusalData: previewOf },
  );
}
