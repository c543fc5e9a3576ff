/**
 * CSV import of statuses: a dry run that reports every row, and a commit that writes all valid
 * rows in one transaction or nothing at all. Same write path, history and audit as the forms
 * (lib/status/write.ts), source IMPORT. Partners may import only their own institution's rows.
 */
import 'server-only';
import type { Db } from '../db';
import { writeTransaction } from '../db/write-transaction';
import type { RequestContext } from '../auth/viewer';
import { authorize } from '../auth/permissions';
import { auditRefusals } from '../audit/guard';
import { auditChange } from '../audit/write';
import { invalidField, invalidInput } from '../forms/validate-input';
import { todayInShanghai } from '../time';
import { writeStatusRows, verifiedAfterEdit } from '../status/write';
import { CsvFileError, readStatusCsv, type CsvEncoding } from './csv';
import { planImport, type ImportCounts, type ImportRowResult, type PlannedWrite } from './plan';
import { recordEvents } from '../events/outbox';
import type { DomainEventInput } from '../events/types';

export type { ImportRowResult, RowError, RowOutcome, ImportCounts } from './plan';

export interface ImportFile {
  /** Shown in the audit trail only. */
  name?: string | null;
  bytes: Uint8Array;
}

export interface ImportPreviewDto {
  fileName: string | null;
  encoding: CsvEncoding;
  counts: ImportCounts;
  results: ImportRowResult[];
}

export interface ImportCommitDto extends ImportPreviewDto {
  /** Rows written (the rows whose outcome is `change`). */
  updated: number;
}

function fileName(file: ImportFile): string | null {
  return typeof file?.name === 'string' ? file.name.slice(0, 200) : null;
}

/** The issue code of a file-level refusal: `import.errors.header` -> `fileHeader`. */
function fileIssueCode(key: string): string {
  const name = key.slice(key.lastIndexOf('.') + 1);
  return `file${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

function readFile(file: ImportFile) {
  if (!file || !(file.bytes instanceof Uint8Array) || file.bytes.length === 0) throw invalidField('', 'noFile');
  try {
    return readStatusCsv(file.bytes);
  } catch (error) {
    if (error instanceof CsvFileError) throw invalidField('', fileIssueCode(error.key), error.values);
    throw error;
  }
}

/** Dry run: every row checked, nothing written. Row problems are results, not errors. */
export async function previewImport(db: Db, ctx: RequestContext, file: ImportFile): Promise<ImportPreviewDto> {
  const info = { action: 'import.preview', entityType: 'Import', entityId: fileName(file) ?? undefined };
  return auditRefusals(db, ctx, info, async () => {
    authorize(ctx.viewer, 'import.run');
    const parsed = readFile(file);
    const plan = await planImport(db, ctx, parsed, todayInShanghai());
    return { fileName: fileName(file), encoding: parsed.encoding, counts: plan.counts, results: plan.results };
  });
}

/**
 * One IMPORT_LANDED per program the import wrote to (each row also has its own STATUS_CHANGED).
 * A partner's import belongs to its institution: only that institution's partners hear of it.
 */
function importLandedEvents(ctx: RequestContext, writes: PlannedWrite[], now: Date): DomainEventInput[] {
  const perProgram = new Map<string, { programSlug: string; updated: number; statusChanges: number }>();
  for (const w of writes) {
    const entry = perProgram.get(w.program.id) ?? { programSlug: w.program.slug, updated: 0, statusChanges: 0 };
    entry.updated += 1;
    if (w.changed.includes('status')) entry.statusChanges += 1;
    perProgram.set(w.program.id, entry);
  }
  return [...perProgram].map(([programId, payload]) => ({
    kind: 'IMPORT_LANDED',
    programId,
    institutionCode: ctx.viewer.role === 'PARTNER' ? ctx.viewer.institutionCode : null,
    effectiveAt: now,
    payload,
    actorId: ctx.source ? null : ctx.viewer.id,
  }));
}

/**
 * Re-checks the whole file inside one transaction and writes every changed row, or nothing: one
 * bad row (including a row someone changed since the preview) refuses the file with VALIDATION,
 * whose details carry the fresh per-row results (`preview`) besides the issue `rowErrors`.
 */
export async function commitImport(db: Db, ctx: RequestContext, file: ImportFile): Promise<ImportCommitDto> {
  const info = { action: 'import.commit', entityType: 'Import', entityId: fileName(file) ?? undefined };
  return auditRefusals(db, ctx, info, async () => {
    authorize(ctx.viewer, 'import.run');
    const parsed = readFile(file);
    const now = new Date();
    return writeTransaction(db, async (tx) => {
      const plan = await planImport(tx, ctx, parsed, todayInShanghai(now));
      const preview: ImportPreviewDto = { fileName: fileName(file), encoding: parsed.encoding, counts: plan.counts, results: plan.results };
      if (plan.counts.errors > 0) {
        throw invalidInput([{ path: '', code: 'rowErrors', values: { count: plan.counts.errors } }], { preview });
      }
      await writeStatusRows(
        tx,
        ctx,
        plan.writes.map((w) => ({
          entity: w.entity,
          program: w.program,
          row: w.row,
          expectedVersion: w.row.version,
          next: w.next,
          verified: verifiedAfterEdit(ctx, w.row),
          kind: w.changed.includes('status') ? 'STATUS' : 'DETAILS',
          source: 'IMPORT',
          action: w.entity === 'city' ? 'cityStatus.update' : 'institutionStatus.update',
          now,
          confirms: true,
        })),
      );
      if (plan.writes.length > 0) {
        await recordEvents(tx, importLandedEvents(ctx, plan.writes, now));
        await auditChange(tx, ctx, {
          action: 'import.commit',
          entityType: 'Import',
          entityId: preview.fileName ?? undefined,
          after: { encoding: parsed.encoding, ...plan.counts },
        });
      }
      return { ...preview, updated: plan.writes.length };
    });
  });
}
