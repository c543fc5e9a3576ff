/**
 * Status writes: every edit form, the partner API and the CSV import end up here. Each operation
 * authorises, validates, then writes the row, its history entry and its audit entry in one
 * interactive transaction, with an optimistic version check (docs in lib/status/schema.ts).
 *
 * A refusal (FORBIDDEN, CONFLICT, VALIDATION, NOT_FOUND) changes nothing and leaves exactly one
 * denied audit entry. Free of Next.js imports: the API route handlers call these same functions.
 *
 * Arguments are `unknown`-typed where they may come straight from a request: Server Actions are
 * public endpoints, so nothing here trusts the caller's types.
 */
import 'server-only';
import { z } from 'zod';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { RequestContext } from '../auth/viewer';
import { authorize, type Action } from '../auth/permissions';
import { PROGRAM_SLUG_RE } from '../programs/slug';
import { todayInShanghai } from '../time';
import { toStatusRowDto, type StatusEntity, type StatusRowDto, type WriteSource } from './dto';
import {
  AUDIT_ENTITY,
  WRITE_TX_OPTIONS,
  conflictError,
  entityRef,
  loadProgram,
  parseOrThrow,
  requireStatusRow,
  validationError,
  withDeniedAudit,
  writeStatusRow,
  writesVerified,
  type StatusRow,
} from './write';
import {
  ERROR_KEYS,
  bulkCityStatusUpdate,
  cityStatusUpdate,
  entityCode,
  institutionStatusUpdate,
  resolveStatusUpdate,
  statusConfirm,
  statusVerify,
  type FieldErrors,
  type StatusUpdate,
} from './schema';

export type { StatusEntity, StatusRowDto, WriteSource } from './dto';

const target = z.strictObject({
  programSlug: z.string({ error: ERROR_KEYS.invalid }).regex(PROGRAM_SLUG_RE, { error: ERROR_KEYS.invalid }),
  code: entityCode,
});

const entityKind = z.enum(['city', 'institution'], { error: ERROR_KEYS.invalid });

const UPDATE_ACTION: Readonly<Record<StatusEntity, Action>> = {
  city: 'cityStatus.update',
  institution: 'institutionStatus.update',
};

/** Partners are limited to their institution's rows; cities are never theirs. */
function authorizeEdit(ctx: RequestContext, entity: StatusEntity, code: unknown): void {
  authorize(ctx.viewer, UPDATE_ACTION[entity], entity === 'institution' ? { institutionCode: typeof code === 'string' ? code : null } : {});
}

async function updateOne(
  db: Db,
  ctx: RequestContext,
  entity: StatusEntity,
  programSlug: string,
  code: string,
  input: StatusUpdate,
  source: WriteSource,
): Promise<StatusRowDto> {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const program = await loadProgram(tx, programSlug);
    const row = await requireStatusRow(tx, entity, program, code);
    if (row.version !== input.version) throw conflictError(entity, programSlug, row);
    const { next, changed, errors } = resolveStatusUpdate(row, input, todayInShanghai(now));
    if (Object.keys(errors).length > 0) throw validationError(errors);
    if (changed.length === 0) throw validationError({ _form: ERROR_KEYS.noChanges });
    return writeStatusRow(tx, ctx, {
      entity,
      program,
      row,
      expectedVersion: input.version,
      next,
      verified: writesVerified(ctx),
      kind: changed.includes('status') ? 'STATUS' : 'DETAILS',
      source,
      action: UPDATE_ACTION[entity],
      now,
      confirms: true,
    });
  }, WRITE_TX_OPTIONS);
}

export interface UpdateCityStatusArgs {
  programSlug: string;
  cityCode: string;
  /** A `cityStatusUpdate` (validated here). */
  input: unknown;
  source: WriteSource;
}

/** Edits one city's status. Managers and admins only; the result is verified. */
export async function updateCityStatus(db: Db, ctx: RequestContext, args: UpdateCityStatusArgs): Promise<StatusRowDto> {
  const info = { action: 'cityStatus.update', entityType: AUDIT_ENTITY.city, entityId: entityRef(args.programSlug, args.cityCode) };
  return withDeniedAudit(db, ctx, info, async () => {
    authorizeEdit(ctx, 'city', args.cityCode);
    const { programSlug, code } = parseOrThrow(target, { programSlug: args.programSlug, code: args.cityCode });
    const input = parseOrThrow(cityStatusUpdate, args.input);
    return updateOne(db, ctx, 'city', programSlug, code, input, args.source);
  });
}

export interface UpdateInstitutionStatusArgs {
  programSlug: string;
  institutionCode: string;
  /** An `institutionStatusUpdate` (validated here). */
  input: unknown;
  source: WriteSource;
}

/** Edits one institution's status. A partner may edit only their own, and their edit awaits verification. */
export async function updateInstitutionStatus(db: Db, ctx: RequestContext, args: UpdateInstitutionStatusArgs): Promise<StatusRowDto> {
  const info = {
    action: 'institutionStatus.update',
    entityType: AUDIT_ENTITY.institution,
    entityId: entityRef(args.programSlug, args.institutionCode),
  };
  return withDeniedAudit(db, ctx, info, async () => {
    authorizeEdit(ctx, 'institution', args.institutionCode);
    const { programSlug, code } = parseOrThrow(target, { programSlug: args.programSlug, code: args.institutionCode });
    const input = parseOrThrow(institutionStatusUpdate, args.input);
    return updateOne(db, ctx, 'institution', programSlug, code, input, args.source);
  });
}

export interface RowOperationArgs {
  programSlug: string;
  entity: StatusEntity;
  code: string;
  input: unknown;
  source: WriteSource;
}

/**
 * "Still accurate": raises the version and sets lastConfirmedAt; the values and the verified flag
 * stay as they are. Whoever may edit the row may confirm it.
 */
export async function confirmStatus(db: Db, ctx: RequestContext, args: RowOperationArgs): Promise<StatusRowDto> {
  const entity = entityKind.safeParse(args.entity).data;
  const info = {
    action: entity ? `${entity}Status.confirm` : 'status.confirm',
    entityType: entity ? AUDIT_ENTITY[entity] : undefined,
    entityId: entityRef(args.programSlug, args.code),
  };
  return withDeniedAudit(db, ctx, info, async () => {
    if (!entity) throw validationError({ entity: ERROR_KEYS.invalid });
    authorizeEdit(ctx, entity, args.code);
    const { programSlug, code } = parseOrThrow(target, { programSlug: args.programSlug, code: args.code });
    const input = parseOrThrow(statusConfirm, args.input);
    const now = new Date();
    return db.$transaction(async (tx) => {
      const program = await loadProgram(tx, programSlug);
      const row = await requireStatusRow(tx, entity, program, code);
      if (row.version !== input.version) throw conflictError(entity, programSlug, row);
      return writeStatusRow(tx, ctx, {
        entity,
        program,
        row,
        expectedVersion: input.version,
        next: row,
        verified: row.verified,
        kind: 'CONFIRM',
        source: args.source,
        action: info.action,
        now,
        confirms: true,
      });
    }, WRITE_TX_OPTIONS);
  });
}

/** A manager's or admin's verification of a partner's report, of the version they looked at. */
export async function verifyStatus(db: Db, ctx: RequestContext, args: RowOperationArgs): Promise<StatusRowDto> {
  const entity = entityKind.safeParse(args.entity).data;
  const info = {
    action: 'status.verify',
    entityType: entity ? AUDIT_ENTITY[entity] : undefined,
    entityId: entityRef(args.programSlug, args.code),
  };
  return withDeniedAudit(db, ctx, info, async () => {
    authorize(ctx.viewer, 'status.verify');
    if (!entity) throw validationError({ entity: ERROR_KEYS.invalid });
    const { programSlug, code } = parseOrThrow(target, { programSlug: args.programSlug, code: args.code });
    const input = parseOrThrow(statusVerify, args.input);
    const now = new Date();
    return db.$transaction(async (tx) => {
      const program = await loadProgram(tx, programSlug);
      const row = await requireStatusRow(tx, entity, program, code);
      if (row.version !== input.version) throw conflictError(entity, programSlug, row);
      if (row.verified) throw validationError({ _form: 'verify.errors.alreadyVerified' });
      return writeStatusRow(tx, ctx, {
        entity,
        program,
        row,
        expectedVersion: input.version,
        next: row,
        verified: true,
        kind: 'VERIFY',
        source: args.source,
        action: 'status.verify',
        now,
        // Verifying says the partner's values are right, not that they are still current.
        confirms: false,
      });
    }, WRITE_TX_OPTIONS);
  });
}

export interface BulkUpdateCityStatusesArgs {
  programSlug: string;
  provinceCode: string;
  /** A `bulkCityStatusUpdate`: the cities with the versions the user saw, and the fields to set. */
  input: unknown;
  source: WriteSource;
}

export interface BulkUpdateResult {
  updated: StatusRowDto[];
  /** Cities that already had these values (not written, version unchanged). */
  unchanged: string[];
}

/**
 * Sets the same fields on several cities of one province in one transaction: every row is
 * version-checked, and one stale or invalid row refuses the whole batch. CONFLICT details carry
 * `currentRows` (the rows that changed meanwhile); VALIDATION details carry `rows` (code -> errors).
 */
export async function bulkUpdateCityStatuses(db: Db, ctx: RequestContext, args: BulkUpdateCityStatusesArgs): Promise<BulkUpdateResult> {
  const info = {
    action: 'cityStatus.bulkUpdate',
    entityType: AUDIT_ENTITY.city,
    entityId: entityRef(args.programSlug, `province:${typeof args.provinceCode === 'string' ? args.provinceCode : ''}`),
  };
  return withDeniedAudit(db, ctx, info, async () => {
    authorize(ctx.viewer, 'cityStatus.update');
    const { programSlug, code: provinceCode } = parseOrThrow(target, { programSlug: args.programSlug, code: args.provinceCode });
    const input = parseOrThrow(bulkCityStatusUpdate, args.input);
    const now = new Date();
    const today = todayInShanghai(now);
    // A fixed order: two overlapping batches on PostgreSQL then lock rows in the same order and
    // one waits for the other instead of deadlocking.
    const cities = [...input.cities].sort((a, b) => a.code.localeCompare(b.code));
    return db.$transaction(async (tx) => {
      const program = await loadProgram(tx, programSlug);
      const inProvince = await tx.cityStatus.findMany({
        where: { programId: program.id, cityCode: { in: cities.map((c) => c.code) }, city: { provinceCode } },
        select: { cityCode: true },
      });
      const known = new Set(inProvince.map((r) => r.cityCode));
      const missing = cities.filter((c) => !known.has(c.code)).map((c) => c.code);
      if (missing.length > 0) throw new AppError('NOT_FOUND', `cities not in province ${provinceCode}: ${missing.join(',')}`, { codes: missing });

      const rows: StatusRow[] = [];
      for (const c of cities) rows.push(await requireStatusRow(tx, 'city', program, c.code));
      const stale = rows.filter((r, i) => r.version !== cities[i]!.version);
      if (stale.length > 0) throw bulkConflict(programSlug, stale);

      const plans = rows.map((row) => ({ row, ...resolveStatusUpdate(row, input, today) }));
      const rowErrors: Record<string, FieldErrors> = {};
      for (const p of plans) if (Object.keys(p.errors).length > 0) rowErrors[p.row.code] = p.errors;
      const firstErrors = Object.values(rowErrors)[0];
      if (firstErrors) throw validationError(firstErrors, { rows: rowErrors });

      const toWrite = plans.filter((p) => p.changed.length > 0);
      if (toWrite.length === 0) throw validationError({ _form: ERROR_KEYS.noChanges });
      const updated: StatusRowDto[] = [];
      for (const p of toWrite) {
        try {
          updated.push(
            await writeStatusRow(tx, ctx, {
              entity: 'city',
              program,
              row: p.row,
              expectedVersion: p.row.version,
              next: p.next,
              verified: writesVerified(ctx),
              kind: p.changed.includes('status') ? 'STATUS' : 'DETAILS',
              source: args.source,
              action: 'cityStatus.update',
              now,
              confirms: true,
            }),
          );
        } catch (error) {
          if (error instanceof AppError && error.code === 'CONFLICT') {
            const current = await requireStatusRow(tx, 'city', program, p.row.code);
            throw bulkConflict(programSlug, [current]);
          }
          throw error;
        }
      }
      return { updated, unchanged: plans.filter((p) => p.changed.length === 0).map((p) => p.row.code) };
    }, WRITE_TX_OPTIONS);
  });
}

function bulkConflict(programSlug: string, rows: StatusRow[]): AppError {
  const currentRows = rows.map((r) => toStatusRowDto('city', programSlug, r));
  return new AppError('CONFLICT', `${rows.length} cities changed meanwhile`, { current: currentRows[0], currentRows });
}
