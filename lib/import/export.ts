/**
 * Export of a program's statuses in the import format (lib/import/csv.ts): UTF-8 with BOM, CRLF,
 * formula-escaped cells. Editing the file and importing it back changes exactly the edited rows.
 *
 * Who gets what: managers, admins and executives every row; a partner only their institution's
 * rows of an institution program (city rows are not theirs to edit, so not theirs to export).
 * Each row still passes `redactStatusRow`, so a partner's file could never carry another
 * institution's note or evidence even if the row filter changed.
 */
import 'server-only';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { RequestContext } from '../auth/viewer';
import { authorize, redactStatusRow } from '../auth/permissions';
import { auditChange } from '../audit/write';
import { todayInShanghai } from '../time';
import { withDeniedAudit } from '../status/write';
import { encodeStatusCsv, type CsvColumn } from './csv';

export interface StatusExport {
  fileName: string;
  bytes: Uint8Array;
  rows: number;
}

interface ExportRow {
  code: string;
  status: string;
  plannedDate: string | null;
  liveDate: string | null;
  evidenceUrl: string | null;
  note: string | null;
  version: number;
}

const exportSelect = { status: true, plannedDate: true, liveDate: true, evidenceUrl: true, note: true, version: true } as const;

export async function exportStatusCsv(db: Db, ctx: RequestContext, args: { programSlug: string }): Promise<StatusExport> {
  const slug = typeof args.programSlug === 'string' ? args.programSlug : '';
  const info = { action: 'status.export', entityType: 'Program', entityId: slug.slice(0, 100) };
  return withDeniedAudit(db, ctx, info, async () => {
    authorize(ctx.viewer, 'coverage.read');
    const program = await db.program.findUnique({ where: { slug }, select: { id: true, slug: true, unit: true } });
    if (!program) throw new AppError('NOT_FOUND', `no program ${slug}`);
    const isPartner = ctx.viewer.role === 'PARTNER';
    if (isPartner && (program.unit !== 'INSTITUTION' || !ctx.viewer.institutionCode)) {
      throw new AppError('FORBIDDEN', 'partners export only their institution rows');
    }

    let entity: 'city' | 'institution' = 'city';
    let rows: ExportRow[] = [];
    if (program.unit === 'CITY') {
      rows = (
        await db.cityStatus.findMany({ where: { programId: program.id }, select: { ...exportSelect, cityCode: true }, orderBy: { cityCode: 'asc' } })
      ).map((r) => ({ ...r, code: r.cityCode }));
    } else if (program.unit === 'INSTITUTION') {
      entity = 'institution';
      rows = (
        await db.institutionStatus.findMany({
          where: { programId: program.id, ...(isPartner ? { institutionCode: ctx.viewer.institutionCode ?? '' } : {}) },
          select: { ...exportSelect, institutionCode: true },
          orderBy: { institutionCode: 'asc' },
        })
      ).map((r) => ({ ...r, code: r.institutionCode }));
    }

    const entityType = entity === 'city' ? 'CITY' : 'INSTITUTION';
    const bytes = encodeStatusCsv(
      rows.map((row) => redactStatusRow(ctx.viewer, { entityType, code: row.code }, row)).map(
        (r): Record<CsvColumn, string> => ({
          program: program.slug,
          entity,
          code: r.code,
          status: r.status,
          plannedDate: r.plannedDate ?? '',
          liveDate: r.liveDate ?? '',
          evidenceUrl: r.evidenceUrl ?? '',
          note: r.note ?? '',
          version: String(r.version),
        }),
      ),
    );
    // Bulk reads of partner data are worth a trace.
    await auditChange(db, ctx, { action: 'status.export', entityType: 'Program', entityId: program.slug, after: { rows: rows.length } });
    return { fileName: `hutong-${program.slug}-${todayInShanghai()}.csv`, bytes, rows: rows.length };
  });
}
