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
import { writeTransaction } from '../db/write-transaction';
import { AppError } from '../errors';
import type { RequestContext } from '../auth/viewer';
import { authorize, type Action } from '../auth/permissions';
import { auditRefusals } from '../audit/guard';
import { invalidField, validateInput } from '../forms/validate-input';
import { PROGRAM_SLUG_RE } from '../programs/slug';
import { todayInShanghai } from '../time';
import type { StatusEntity, StatusRowDto, WriteSource } from './dto';
import {
  AUDIT_ENTITY,
  entityRef,
  loadProgram,
  requireStatusRow,
  requireStatusRowAt,
  statusConflict,
  statusRuleError,
  verifiedAfterEdit,
  writeStatusRow,
  type StatusRow,
} from './write';
import {
  ERROR_CODES,
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
  programSlug: z.string({ error: ERROR_CODES.invalid }).regex(PROGRAM_SLUG_RE, { error: ERROR_CODES.invalid }),
  code: entityCode,
});

const entityKind = z.enum(['city', 'institution'], { error: ERROR_CODES.invalid });

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
  return writeTransaction(db, async (tx) => {
    const program = await loadProgram(tx, programSlug);
    const row = await requireStatusRowAt(tx, entity, program, code, input.version);
    const { next, changed, errors } = resolveStatusUpdate(row, input, todayInShanghai(now));
    if (Object.keys(errors).length > 0) throw statusRuleError(errors);
    if (changed.length === 0) throw invalidField('', ERROR_CODES.noChanges);
    return writeStatusRow(tx, ctx, {
      entity,
      program,
      row,
      expectedVersion: input.version,
      next,
      verified: verifiedAfterEdit(ctx, row),
      kind: changed.includes('status') ? 'STATUS' : 'DETAILS',
      source,
      action: UPDATE_ACTION[entity],
      now,
      confirms: true,
    });
  });
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
  return auditRefusals(db, ctx, info, async () => {
    authorizeEdit(ctx, 'city', args.cityCode);
    const { programSlug, code } = validateInput(target, { programSlug: args.programSlug, code: args.cityCode });
    const input = validateInput(cityStatusUpdate, args.input);
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
  return auditRefusals(db, ctx, info, async () => {
    authorizeEdit(ctx, 'institution', args.institutionCode);
    const { programSlug, code } = validateInput(target, { programSlug: args.programSlug, code: args.institutionCode });
    const input = validateInput(institutionStatusUpdate, args.input);
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
  return auditRefusals(db, ctx, info, async () => {
    if (!entity) throw invalidField('entity', ERROR_CODES.invalid);
    authorizeEdit(ctx, entity, args.code);
    const { programSlug, code } = validateInput(target, { programSlug: args.programSlug, code: args.code });
    const input = validateInput(statusConfirm, args.input);
    const now = new Date();
    return writeTransaction(db, async (tx) => {
      const program = await loadProgram(tx, programSlug);
      const row = await requireStatusRowAt(tx, entity, program, code, input.version);
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
    });
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
  return auditRefusals(db, ctx, info, async () => {
    authorize(ctx.viewer, 'status.verify');
    if (!entity) throw invalidField('entity', ERROR_CODES.invalid);
    const { programSlug, code } = validateInput(target, { programSlug: args.programSlug, code: args.code });
    const input = validateInput(statusVerify, args.input);
    const now = new Date();
    return writeTransaction(db, async (tx) => {
      const program = await loadProgram(tx, programSlug);
      const row = await requireStatusRowAt(tx, entity, program, code, input.version);
      if (row.verified) throw invalidField('', 'alreadyVerified');
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
    });
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
 * `conflict.rows` (the rows that changed meanwhile); VALIDATION details carry `rows` (code -> errors).
 */
export async function bulkUpdateCityStatuses(db: Db, ctx: RequestContext, args: BulkUpdateCityStatusesArgs): Promise<BulkUpdateResult> {
  const info = {
    action: 'cityStatus.bulkUpdate',
    entityType: AUDIT_ENTITY.city,
    entityId: entityRef(args.programSlug, `province:${typeof args.provinceCode === 'string' ? args.provinceCode : ''}`),
  };
  return auditRefusals(db, ctx, info, async () => {
    authorize(ctx.viewer, 'cityStatus.update');
    const { programSlug, code: provinceCode } = validateInput(target, { programSlug: args.programSlug, code: args.provinceCode });
    const input = validateInput(bulkCityStatusUpdate, args.input);
    const now = new Date();
    const today = todayInShanghai(now);
    // A fixed order: two overlapping batches on PostgreSQL then lock rows in the same order and
    // one waits for the other instead of deadlocking.
    const cities = [...input.cities].sort((a, b) => a.code.localeCompare(b.code));
    return writeTransaction(db, async (tx) => {
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
      if (stale.length > 0) throw statusConflict('city', programSlug, stale);

      const plans = rows.map((row) => ({ row, ...resolveStatusUpdate(row, input, today) }));
      const rowErrors: Record<string, FieldErrors> = {};
      for (const p of plans) if (Object.keys(p.errors).length > 0) rowErrors[p.row.code] = p.errors;
      const firstErrors = Object.values(rowErrors)[0];
      if (firstErrors) throw statusRuleError(firstErrors, { rows: rowErrors });

      const toWrite = plans.filter((p) => p.changed.length > 0);
      if (toWrite.length === 0) throw invalidField('', ERROR_CODES.noChanges);
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
              verified: verifiedAfterEdit(ctx, p.row),
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
            throw statusConflict('city', programSlug, [current]);
          }
          throw error;
        }
      }
      return { updated, unchanged: plans.filter((p) => p.changed.length === 0).map((p) => p.row.code) };
    });
  });
}
