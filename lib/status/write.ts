/**
 * The write path shared by every status mutation (single edits, confirmations, verifications, the
 * bulk edit and the CSV import): load the row, check the version, write it with a version-checked
 * `updateMany`, append the history row and the audit entry, all on the caller's transaction.
 *
 * Not a mutations.ts on purpose: everything exported from a mutations.ts is a public operation
 * with a row in the authorisation matrix; these helpers are only ever called by such operations,
 * after they have authorised the caller.
 */
import 'server-only';
import type { Db, Tx } from '../db';
import { AppError } from '../errors';
import type { ChangeKind, ProgramUnit } from '../generated/sqlite/enums';
import type { Prisma } from '../generated/sqlite/client';
import type { RequestContext } from '../auth/viewer';
import { formatShanghaiInstant } from '../time';
import { auditChange } from '../audit/write';
import { can } from '../auth/permissions';
import { invalidInput } from '../forms/validate-input';
import type { FieldIssue } from '../forms/validation';
import { conflictError, requireVersion, writeAtVersion, type OptimisticLock } from '../forms/version-conflict';
import {
  snapshotOf,
  statusRowSelect,
  toStatusRowDto,
  type StatusEntity,
  type StatusRowDto,
  type StatusRowRecord,
  type WriteSource,
} from './dto';
import { EDITABLE_FIELDS, type FieldErrors, type StatusFields } from './schema';
import { recordEvents } from '../events/outbox';
import type { DomainEventInput } from '../events/types';

export const AUDIT_ENTITY: Readonly<Record<StatusEntity, string>> = {
  city: 'CityStatus',
  institution: 'InstitutionStatus',
};

export interface ProgramRef {
  id: string;
  slug: string;
  unit: ProgramUnit;
}

export async function loadProgram(tx: Tx | Db, slug: string): Promise<ProgramRef> {
  const program = await tx.program.findUnique({ where: { slug }, select: { id: true, slug: true, unit: true } });
  if (!program) throw new AppError('NOT_FOUND', `no program ${slug}`);
  return program;
}

export type StatusRow = StatusRowRecord;

export async function findStatusRow(tx: Tx | Db, entity: StatusEntity, programId: string, code: string): Promise<StatusRow | null> {
  if (entity === 'city') {
    const row = await tx.cityStatus.findUnique({
      where: { programId_cityCode: { programId, cityCode: code } },
      select: { ...statusRowSelect, cityCode: true, city: { select: { name: true, nameEn: true } } },
    });
    return row && { ...row, code: row.cityCode, name: row.city.name, nameEn: row.city.nameEn };
  }
  const row = await tx.institutionStatus.findUnique({
    where: { programId_institutionCode: { programId, institutionCode: code } },
    select: { ...statusRowSelect, institutionCode: true, institution: { select: { nameZh: true, nameEn: true } } },
  });
  return row && { ...row, code: row.institutionCode, name: row.institution.nameZh, nameEn: row.institution.nameEn };
}

/** Several rows of one program at once (the import), keyed by code; unknown codes are absent. */
export async function findStatusRows(tx: Tx | Db, entity: StatusEntity, programId: string, codes: string[]): Promise<Map<string, StatusRow>> {
  if (entity === 'city') {
    const rows = await tx.cityStatus.findMany({
      where: { programId, cityCode: { in: codes } },
      select: { ...statusRowSelect, cityCode: true, city: { select: { name: true, nameEn: true } } },
    });
    return new Map(rows.map((r) => [r.cityCode, { ...r, code: r.cityCode, name: r.city.name, nameEn: r.city.nameEn }]));
  }
  const rows = await tx.institutionStatus.findMany({
    where: { programId, institutionCode: { in: codes } },
    select: { ...statusRowSelect, institutionCode: true, institution: { select: { nameZh: true, nameEn: true } } },
  });
  return new Map(rows.map((r) => [r.institutionCode, { ...r, code: r.institutionCode, name: r.institution.nameZh, nameEn: r.institution.nameEn }]));
}

function statusNotFound(entity: StatusEntity, program: ProgramRef, code: string): AppError {
  return new AppError('NOT_FOUND', `no ${entity} ${code} in ${program.slug}`);
}

export async function requireStatusRow(tx: Tx | Db, entity: StatusEntity, program: ProgramRef, code: string): Promise<StatusRow> {
  const row = await findStatusRow(tx, entity, program.id, code);
  if (!row) throw statusNotFound(entity, program, code);
  return row;
}

/**
 * CONFLICT carrying the rows as they are now: `details.conflict` for the forms (lib/forms/form-state.ts)
 * and `details.current`, the first row, which the API answers in its own shape.
 */
export function statusConflict(entity: StatusEntity, programSlug: string, rows: StatusRow[]): AppError {
  const dtos = rows.map((r) => toStatusRowDto(entity, programSlug, r));
  const first = rows[0]!;
  const message = rows.length === 1 ? `${entity} ${first.code} in ${programSlug} changed meanwhile` : `${rows.length} ${entity} rows changed meanwhile`;
  return conflictError(
    message,
    {
      version: first.version,
      values: Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, first[f]])),
      changedBy: first.updatedBy?.name ?? null,
      changedAtShanghai: formatShanghaiInstant(first.updatedAt),
      rows: dtos,
    },
    { current: dtos[0] },
  );
}

/** The optimistic lock of one status row (lib/forms/version-conflict.ts). */
function statusLock(tx: Tx, entity: StatusEntity, program: ProgramRef, code: string): OptimisticLock<StatusRow> {
  return {
    reload: () => findStatusRow(tx, entity, program.id, code),
    conflict: (row) => statusConflict(entity, program.slug, [row]),
    notFound: () => statusNotFound(entity, program, code),
  };
}

/** The row, provided it is still at the version the caller saw; otherwise NOT_FOUND or CONFLICT. */
export async function requireStatusRowAt(tx: Tx, entity: StatusEntity, program: ProgramRef, code: string, version: number): Promise<StatusRow> {
  return requireVersion(statusLock(tx, entity, program, code), await findStatusRow(tx, entity, program.id, code), version);
}

/** VALIDATION for the cross-field rules' errors (field -> issue code). */
export function statusRuleError(errors: FieldErrors, extra: Record<string, unknown> = {}): AppError {
  const issues: FieldIssue[] = Object.entries(errors).flatMap(([path, code]) => (code ? [{ path, code }] : []));
  return invalidInput(issues, extra);
}

/**
 * The verified flag after an edit. Verifying is its own, explicit step (verifyStatus, with its own
 * history row): a manager fixing a typo in a partner's note leaves the report as unverified as it
 * was, and a verified row stays verified. A partner's edit always awaits review.
 */
export function verifiedAfterEdit(ctx: RequestContext, row: { verified: boolean }): boolean {
  return can(ctx.viewer, 'status.verify') ? row.verified : false;
}

export interface WriteRowArgs {
  entity: StatusEntity;
  program: ProgramRef;
  row: StatusRow;
  /** The version the caller saw. */
  expectedVersion: number;
  /** Field values after the write (unchanged fields included). */
  next: StatusFields;
  verified: boolean;
  kind: ChangeKind;
  source: WriteSource;
  /** Audit action, e.g. "cityStatus.update". */
  action: string;
  now: Date;
  /** Whether the write also counts as a confirmation (every write does except a verification). */
  confirms: boolean;
}

/**
 * The version-checked update of one row. Zero rows matched means someone else's write committed
 * first: CONFLICT with that row, and the caller's transaction rolls back. Returns the history row
 * to record (not yet written, so a batch can write all of them at once).
 */
async function updateRowChecked(tx: Tx, ctx: RequestContext, args: WriteRowArgs) {
  const { entity, program, row, expectedVersion, next, now } = args;
  const data = {
    status: next.status,
    plannedDate: next.plannedDate,
    liveDate: next.liveDate,
    evidenceUrl: next.evidenceUrl,
    note: next.note,
    verified: args.verified,
    ...(args.confirms ? { lastConfirmedAt: now } : {}),
    updatedById: ctx.viewer.id,
    version: { increment: 1 },
  } satisfies Prisma.CityStatusUncheckedUpdateManyInput & Prisma.InstitutionStatusUncheckedUpdateManyInput;
  const where = { id: row.id, version: expectedVersion };
  await writeAtVersion(statusLock(tx, entity, program, row.code), () =>
    entity === 'city' ? tx.cityStatus.updateMany({ where, data }) : tx.institutionStatus.updateMany({ where, data }),
  );
  const before = snapshotOf(row);
  // What the update above wrote; computed rather than read back (one query less per row).
  const after = snapshotOf({ ...next, verified: args.verified, version: expectedVersion + 1 });
  const history = {
    programId: program.id,
    entityType: entity === 'city' ? 'CITY' : 'INSTITUTION',
    entityCode: row.code,
    kind: args.kind,
    fromStatus: row.status,
    toStatus: next.status,
    before,
    after,
    changedAt: now,
    actorId: ctx.viewer.id,
    actorRole: ctx.viewer.role,
    source: args.source,
    version: after.version,
  } satisfies Prisma.StatusChangeCreateManyInput;
  const audit = {
    action: args.action,
    entityType: AUDIT_ENTITY[entity],
    entityId: `${program.slug}/${row.code}`,
    before,
    after: { ...after, kind: args.kind, source: args.source },
  };
  return { history, audit, event: eventOf(ctx, args, before, after) };
}

/** The outbox event of one row write: a status edit, a confirmation or a verification. */
function eventOf(ctx: RequestContext, args: WriteRowArgs, before: ReturnType<typeof snapshotOf>, after: ReturnType<typeof snapshotOf>): DomainEventInput {
  const common = {
    programId: args.program.id,
    entityType: args.entity === 'city' ? 'CITY' : 'INSTITUTION',
    entityCode: args.row.code,
    institutionCode: args.entity === 'institution' ? args.row.code : null,
    effectiveAt: args.now,
    // An operator tool acts without a user account (as in the audit trail).
    actorId: ctx.source ? null : ctx.viewer.id,
  } as const;
  if (args.kind === 'CONFIRM' || args.kind === 'VERIFY') {
    const stamp = { programSlug: args.program.slug, source: args.source, status: after.status, version: after.version };
    return args.kind === 'CONFIRM' ? { ...common, kind: 'CONFIRMED', payload: stamp } : { ...common, kind: 'VERIFIED', payload: stamp };
  }
  return { ...common, kind: 'STATUS_CHANGED', payload: { programSlug: args.program.slug, changeKind: args.kind, source: args.source, before, after } };
}

/** One row: update, history, audit; returns the row as it is now. */
export async function writeStatusRow(tx: Tx, ctx: RequestContext, args: WriteRowArgs): Promise<StatusRowDto> {
  const { history, audit, event } = await updateRowChecked(tx, ctx, args);
  await tx.statusChange.create({ data: history });
  await auditChange(tx, ctx, audit);
  await recordEvents(tx, [event]);
  return toStatusRowDto(args.entity, args.program.slug, await requireStatusRow(tx, args.entity, args.program, args.row.code));
}

const HISTORY_BATCH = 500;

/**
 * Many rows (the import): the same updates, history and audit entries as writeStatusRow, with
 * the history written in batches and no read-back, which keeps a 5,000-row commit short.
 */
export async function writeStatusRows(tx: Tx, ctx: RequestContext, writes: WriteRowArgs[]): Promise<number> {
  const history: Prisma.StatusChangeCreateManyInput[] = [];
  const events: DomainEventInput[] = [];
  for (const args of writes) {
    const written = await updateRowChecked(tx, ctx, args);
    history.push(written.history);
    events.push(written.event);
    await auditChange(tx, ctx, written.audit);
  }
  for (let i = 0; i < history.length; i += HISTORY_BATCH) {
    await tx.statusChange.createMany({ data: history.slice(i, i + HISTORY_BATCH) });
  }
  await recordEvents(tx, events);
  return writes.length;
}

/** `program/code` for audit rows, from possibly untrusted values; bounded in size. */
export function entityRef(programSlug: unknown, code: unknown): string {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return `${text(programSlug)}/${text(code)}`.slice(0, 200);
}
