/**
 * Checks every row of a status file against the database and the caller's rights, and works out
 * what committing it would write. Used by the preview (outside a transaction) and again by the
 * commit (inside its transaction, so what is written is what was checked at that moment).
 */
import 'server-only';
import type { Db, Tx } from '../db';
import type { RequestContext } from '../auth/viewer';
import { can } from '../auth/permissions';
import type { ProgramUnit } from '../generated/sqlite/enums';
import type { StatusEntity } from '../status/dto';
import { findStatusRows, type ProgramRef, type StatusRow } from '../status/write';
import {
  cityStatusUpdate,
  institutionStatusUpdate,
  resolveStatusUpdate,
  type EditableField,
  type StatusFields,
} from '../status/schema';
import { parseInput } from '../forms/validation';
import type { CsvRecord, ParsedCsv } from './csv';

export interface RowError {
  /** The CSV column the error is about, when there is one. */
  field?: string;
  /** Message key (`import.errors.*`, or `validation.*` for the status rules every form applies). */
  key: string;
  values?: Record<string, string | number>;
}

export type RowOutcome = 'change' | 'unchanged' | 'error';

export interface ImportRowResult {
  /** Record number in the file, the header being 1. */
  row: number;
  program: string;
  entity: string;
  code: string;
  outcome: RowOutcome;
  changed: EditableField[];
  errors: RowError[];
}

export interface PlannedWrite {
  entity: StatusEntity;
  program: ProgramRef;
  row: StatusRow;
  next: StatusFields;
  changed: EditableField[];
}

export interface ImportCounts {
  rows: number;
  changes: number;
  unchanged: number;
  errors: number;
}

export interface ImportPlan {
  results: ImportRowResult[];
  writes: PlannedWrite[];
  counts: ImportCounts;
}

const UNIT_OF: Readonly<Record<StatusEntity, ProgramUnit>> = { city: 'CITY', institution: 'INSTITUTION' };
const VERSION_CELL = /^\d{1,10}$/;

function isEntity(value: string): value is StatusEntity {
  return value === 'city' || value === 'institution';
}

function mayWrite(ctx: RequestContext, entity: StatusEntity, code: string): boolean {
  return entity === 'city' ? can(ctx.viewer, 'cityStatus.update') : can(ctx.viewer, 'institutionStatus.update', { institutionCode: code });
}

export async function planImport(reader: Tx | Db, ctx: RequestContext, parsed: ParsedCsv, today: string): Promise<ImportPlan> {
  const records = parsed.records.map((r) => ({
    ...r,
    program: r.program.trim(),
    entity: r.entity.trim().toLowerCase(),
    code: r.code.trim(),
  }));

  const slugs = [...new Set(records.map((r) => r.program))];
  const programs = new Map(
    (await reader.program.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, unit: true } })).map((p) => [p.slug, p]),
  );
  // Only rows the caller may write are looked up, so a refused row reveals nothing about the data.
  const wanted = new Map<string, { program: ProgramRef; entity: StatusEntity; codes: string[] }>();
  for (const r of records) {
    const program = programs.get(r.program);
    if (!program || !isEntity(r.entity) || UNIT_OF[r.entity] !== program.unit || !mayWrite(ctx, r.entity, r.code)) continue;
    const key = `${program.slug}|${r.entity}`;
    const group = wanted.get(key) ?? { program, entity: r.entity, codes: [] };
    group.codes.push(r.code);
    wanted.set(key, group);
  }
  const rows = new Map<string, StatusRow>();
  for (const [key, group] of wanted) {
    for (const [code, row] of await findStatusRows(reader, group.entity, group.program.id, [...new Set(group.codes)])) {
      rows.set(`${key}|${code}`, row);
    }
  }

  const results: ImportRowResult[] = parsed.rowErrors.map((e) => ({
    row: e.row,
    program: '',
    entity: '',
    code: '',
    outcome: 'error',
    changed: [],
    errors: [{ key: e.key }],
  }));
  const writes: PlannedWrite[] = [];
  const firstRowOf = new Map<string, number>();

  for (const r of records) {
    const result: ImportRowResult = { row: r.row, program: r.program, entity: r.entity, code: r.code, outcome: 'error', changed: [], errors: [] };
    results.push(result);
    const errors = result.errors;
    const program = programs.get(r.program);
    const dupKey = `${r.program}|${r.entity}|${r.code}`;
    const first = firstRowOf.get(dupKey);
    if (first !== undefined) {
      errors.push({ key: 'import.errors.duplicateRow', values: { row: first } });
      continue;
    }
    firstRowOf.set(dupKey, r.row);
    if (!program) {
      errors.push({ field: 'program', key: 'import.errors.unknownProgram' });
      continue;
    }
    if (!isEntity(r.entity)) {
      errors.push({ field: 'entity', key: 'import.errors.entity' });
      continue;
    }
    if (UNIT_OF[r.entity] !== program.unit) {
      errors.push({ field: 'entity', key: 'import.errors.entityMismatch' });
      continue;
    }
    if (!mayWrite(ctx, r.entity, r.code)) {
      errors.push({ field: 'code', key: 'import.errors.forbiddenRow' });
      continue;
    }
    const current = rows.get(`${program.slug}|${r.entity}|${r.code}`);
    if (!current) {
      errors.push({ field: 'code', key: 'import.errors.unknownCode' });
      continue;
    }
    const plan = planRow(r, r.entity, current, today, errors);
    if (!plan) continue;
    result.changed = plan.changed;
    if (plan.changed.length === 0) {
      result.outcome = 'unchanged';
      continue;
    }
    result.outcome = 'change';
    writes.push({ entity: r.entity, program, row: current, next: plan.next, changed: plan.changed });
  }

  results.sort((a, b) => a.row - b.row);
  const counts: ImportCounts = {
    rows: results.length,
    changes: results.filter((r) => r.outcome === 'change').length,
    unchanged: results.filter((r) => r.outcome === 'unchanged').length,
    errors: results.filter((r) => r.outcome === 'error').length,
  };
  return { results, writes, counts };
}

/** Validates one row's cells with the same schema the forms use, then merges with the current row. */
function planRow(
  r: CsvRecord,
  entity: StatusEntity,
  current: StatusRow,
  today: string,
  errors: RowError[],
): { next: StatusFields; changed: EditableField[] } | null {
  const versionCell = r.version.trim();
  const version = VERSION_CELL.test(versionCell) ? Number(versionCell) : null;
  if (version === null || version < 1) errors.push({ field: 'version', key: 'import.errors.version' });
  else if (version !== current.version) {
    errors.push({ field: 'version', key: 'import.errors.versionMismatch', values: { given: version, current: current.version } });
  }
  const schema = entity === 'city' ? cityStatusUpdate : institutionStatusUpdate;
  const parsed = parseInput(schema, {
    version: current.version,
    status: r.status.trim().toUpperCase(),
    plannedDate: r.plannedDate,
    liveDate: r.liveDate,
    evidenceUrl: r.evidenceUrl,
    note: r.note,
  });
  if (!parsed.success) {
    for (const issue of parsed.issues) errors.push({ ...(issue.path ? { field: issue.path } : {}), key: `validation.${issue.code}`, ...(issue.values ? { values: issue.values } : {}) });
    return null;
  }
  const resolved = resolveStatusUpdate(current, parsed.data, today);
  for (const [field, code] of Object.entries(resolved.errors)) if (code) errors.push({ field, key: `validation.${code}` });
  return errors.length > 0 ? null : { next: resolved.next, changed: resolved.changed };
}
