/**
 * Creating, editing and re-planning programs (ADMIN, 'program.manage'). Each mutation authorises,
 * validates with a strict schema, then writes and audits in one transaction; a refusal writes one
 * DENIED audit row and changes nothing (lib/audit/guard.ts).
 *
 * Edits and re-plans are optimistic: the form sends the program's `version` as it loaded it; a
 * write against any other version is refused with CONFLICT carrying the program as it is now
 * (lib/forms/version-conflict.ts), and an accepted one raises the version by exactly 1.
 */
import 'server-only';
import { authorize } from '../auth/permissions';
import type { RequestContext } from '../auth/viewer';
import { auditRefusals, entityRefOf } from '../audit/guard';
import { auditChange } from '../audit/write';
import type { Db, Tx } from '../db';
import { writeTransaction } from '../db/write-transaction';
import { recordEvents } from '../events/outbox';
import { AppError } from '../errors';
import { invalidField, validateInput } from '../forms/validate-input';
import { requireVersion, versionConflict, writeAtVersion, type OptimisticLock } from '../forms/version-conflict';
import type { Prisma } from '../generated/sqlite/client';
import type { InteropMode, ProgramUnit, ScopeRule } from '../generated/sqlite/enums';
import {
  UNIT_OF_SCOPE,
  createProgramSchema,
  replanTargetSchema,
  updateProgramSchema,
  type CreateProgramData,
} from './schema';

const ENTITY = 'Program';

/** Rows per createMany: SQLite caps the number of bound parameters per statement. */
const INSERT_BATCH = 200;

/** Prisma's unique-constraint violation, from either database's adapter. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

function slugTaken(): AppError {
  return new AppError('CONFLICT', 'slug already in use', { issues: [{ path: 'slug', code: 'slugTaken' }] });
}

export interface CreatedProgram {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  /** Status rows created by the scope rule (0 for METRIC programs). */
  statusRows: number;
}

/** The codes a new program starts with one NOT_STARTED status row for, per its scope rule. */
async function scopeMembers(tx: Tx, scopeRule: ScopeRule, institutionCodes: readonly string[]): Promise<string[]> {
  switch (scopeRule) {
    case 'ALL_PREFECTURE_CITIES': {
      const cities = await tx.city.findMany({
        where: { level: { in: ['MUNICIPALITY', 'PREFECTURE'] } },
        select: { code: true },
        orderBy: { code: 'asc' },
      });
      return cities.map((c) => c.code);
    }
    case 'PROVINCIAL_CAPITALS': {
      const provinces = await tx.province.findMany({ select: { capitalCode: true }, orderBy: { code: 'asc' } });
      return provinces.map((p) => p.capitalCode);
    }
    case 'ENROLLED_INSTITUTIONS': {
      const found = await tx.institution.findMany({ where: { code: { in: [...institutionCodes] } }, select: { code: true } });
      const known = new Set(found.map((i) => i.code));
      const unknown = institutionCodes.filter((c) => !known.has(c));
      if (unknown.length > 0) {
        throw invalidField('institutionCodes', 'unknownInstitution', { codes: unknown.join(', ') });
      }
      return [...institutionCodes];
    }
    case 'METRIC':
      return [];
  }
}

async function insertStatusRows(tx: Tx, programId: string, scopeRule: ScopeRule, codes: string[]): Promise<void> {
  for (let i = 0; i < codes.length; i += INSERT_BATCH) {
    const batch = codes.slice(i, i + INSERT_BATCH);
    if (UNIT_OF_SCOPE[scopeRule] === 'CITY') {
      await tx.cityStatus.createMany({ data: batch.map((cityCode) => ({ programId, cityCode })) });
    } else {
      await tx.institutionStatus.createMany({ data: batch.map((institutionCode) => ({ programId, institutionCode })) });
    }
  }
}

interface DirectionInput {
  mode?: InteropMode | null;
  payers?: string[];
  acceptors?: string[];
}

/** Refuses rail codes that are not in the Rail table (the field names the side at fault). */
async function requireKnownRails(tx: Tx, direction: DirectionInput): Promise<void> {
  for (const side of ['payers', 'acceptors'] as const) {
    const codes = direction[side] ?? [];
    if (codes.length === 0) continue;
    const known = new Set((await tx.rail.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((r) => r.code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length > 0) throw invalidField(side, 'unknownRail', { codes: unknown.join(', ') });
  }
}

/** Replaces a program's sides with these (none for a program without a stated direction). */
async function writeSides(tx: Tx, programId: string, payers: readonly string[], acceptors: readonly string[]): Promise<void> {
  await tx.programRail.deleteMany({ where: { programId } });
  const rows = [
    ...payers.map((railCode) => ({ programId, side: 'PAYER' as const, railCode })),
    ...acceptors.map((railCode) => ({ programId, side: 'ACCEPTOR' as const, railCode })),
  ];
  if (rows.length > 0) await tx.programRail.createMany({ data: rows });
}

function programSnapshot(p: CreateProgramData) {
  return {
    slug: p.slug,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    unit: UNIT_OF_SCOPE[p.scopeRule],
    directionZh: p.directionZh,
    directionEn: p.directionEn,
    scopeRule: p.scopeRule,
    startDate: p.startDate,
    baselineTargetDate: p.targetDate,
    targetDate: p.targetDate,
    targetValue: p.targetValue,
    staleAfterDays: p.staleAfterDays,
    isIllustrative: p.isIllustrative,
    source: p.source,
    mode: p.mode ?? null,
  };
}

/**
 * Creates a program and its status rows: every prefecture-level city and municipality
 * (ALL_PREFECTURE_CITIES), each province's capital (PROVINCIAL_CAPITALS), the chosen institutions
 * (ENROLLED_INSTITUTIONS) or none (METRIC). The baseline target is the target given here, for good.
 */
export async function createProgram(db: Db, ctx: RequestContext, input: unknown): Promise<CreatedProgram> {
  return auditRefusals(db, ctx, { action: 'program.create', entityType: ENTITY, entityId: entityRefOf(input, 'slug') }, async () => {
    authorize(ctx.viewer, 'program.manage');
    const data = validateInput(createProgramSchema, input);
    try {
      return await writeTransaction(db, async (tx) => {
        if (await tx.program.findUnique({ where: { slug: data.slug }, select: { id: true } })) throw slugTaken();
        const members = await scopeMembers(tx, data.scopeRule, data.institutionCodes);
        await requireKnownRails(tx, data);
        const last = await tx.program.findFirst({ orderBy: { sortOrder: 'desc' }, select: { sortOrder: true } });
        const snapshot = programSnapshot(data);
        const program = await tx.program.create({
          data: { ...snapshot, sortOrder: (last?.sortOrder ?? 0) + 1 },
          select: { id: true, slug: true },
        });
        await insertStatusRows(tx, program.id, data.scopeRule, members);
        const payers = data.payers ?? [];
        const acceptors = data.acceptors ?? [];
        await writeSides(tx, program.id, payers, acceptors);
        const created = { id: program.id, slug: program.slug, nameZh: data.nameZh, nameEn: data.nameEn, statusRows: members.length };
        await auditChange(tx, ctx, {
          action: 'program.create',
          entityType: ENTITY,
          entityId: program.id,
          after: {
            ...snapshot,
            payers,
            acceptors,
            statusRows: members.length,
            ...(data.scopeRule === 'ENROLLED_INSTITUTIONS' ? { institutionCodes: members } : {}),
          },
        });
        return created;
      });
    } catch (error) {
      // Two admins creating the same slug at once: the loser's insert hits the unique index.
      if (isUniqueViolation(error)) throw slugTaken();
      throw error;
    }
  });
}

export interface ProgramDetails {
  slug: string;
  version: number;
  nameZh: string;
  nameEn: string;
  directionZh: string;
  directionEn: string;
  staleAfterDays: number;
  targetValue: number | null;
  mode: InteropMode | null;
  payers: string[];
  acceptors: string[];
}

const EDITABLE = ['nameZh', 'nameEn', 'directionZh', 'directionEn', 'staleAfterDays', 'targetValue', 'mode'] as const satisfies ReadonlyArray<
  keyof ProgramDetails
>;
const SIDES = ['payers', 'acceptors'] as const satisfies ReadonlyArray<keyof ProgramDetails>;

const detailsSelect = {
  id: true,
  slug: true,
  unit: true,
  nameZh: true,
  nameEn: true,
  directionZh: true,
  directionEn: true,
  staleAfterDays: true,
  targetValue: true,
  version: true,
  targetDate: true,
  mode: true,
  rails: { select: { side: true, railCode: true, rail: { select: { sortOrder: true } } } },
} as const;

type ProgramRecord = Prisma.ProgramGetPayload<{ select: typeof detailsSelect }>;
type ProgramRow = Omit<ProgramDetails, 'slug'> & { id: string; slug: string; unit: ProgramUnit; targetDate: string };

function rowOf(record: ProgramRecord): ProgramRow {
  const sorted = [...record.rails].sort((a, b) => a.rail.sortOrder - b.rail.sortOrder || a.railCode.localeCompare(b.railCode));
  return {
    id: record.id,
    slug: record.slug,
    unit: record.unit,
    version: record.version,
    nameZh: record.nameZh,
    nameEn: record.nameEn,
    directionZh: record.directionZh,
    directionEn: record.directionEn,
    staleAfterDays: record.staleAfterDays,
    targetValue: record.targetValue,
    targetDate: record.targetDate,
    mode: record.mode,
    payers: sorted.filter((r) => r.side === 'PAYER').map((r) => r.railCode),
    acceptors: sorted.filter((r) => r.side === 'ACCEPTOR').map((r) => r.railCode),
  };
}

async function findProgramRow(tx: Tx, slug: string): Promise<ProgramRow | null> {
  const record = await tx.program.findUnique({ where: { slug }, select: detailsSelect });
  return record ? rowOf(record) : null;
}

/** CONFLICT with the program as it is now: the fields its two forms edit. */
function programConflict(tx: Tx, row: ProgramRow) {
  return versionConflict(
    tx,
    { entityType: ENTITY, entityId: row.id },
    {
      version: row.version,
      values: {
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        directionZh: row.directionZh,
        directionEn: row.directionEn,
        staleAfterDays: row.staleAfterDays,
        targetValue: row.targetValue,
        targetDate: row.targetDate,
        mode: row.mode,
        // Conflict values are scalars: the sides as the comma-separated codes the form splits again.
        payers: row.payers.join(','),
        acceptors: row.acceptors.join(','),
      },
    },
  );
}

/** The optimistic lock of one program (lib/forms/version-conflict.ts). */
function programLock(tx: Tx, slug: string): OptimisticLock<ProgramRow> {
  return {
    reload: () => findProgramRow(tx, slug),
    conflict: (row) => programConflict(tx, row),
    notFound: () => new AppError('NOT_FOUND', 'program not found'),
  };
}

export interface UpdatedProgram {
  program: ProgramDetails;
  /** False when the form was saved unchanged (nothing written, nothing audited). */
  changed: boolean;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Edits names, direction (text, mode and sides), the staleness threshold and (percent programs) the target value. */
export async function updateProgram(db: Db, ctx: RequestContext, input: unknown): Promise<UpdatedProgram> {
  return auditRefusals(db, ctx, { action: 'program.update', entityType: ENTITY, entityId: entityRefOf(input, 'slug') }, async () => {
    authorize(ctx.viewer, 'program.manage');
    const data = validateInput(updateProgramSchema, input);
    return writeTransaction(db, async (tx) => {
      const lock = programLock(tx, data.slug);
      const current = await requireVersion(lock, await findProgramRow(tx, data.slug), data.version);
      if (current.unit === 'PERCENT' && data.targetValue === null) {
        throw invalidField('targetValue', 'targetValueRequired');
      }
      if (current.unit !== 'PERCENT' && data.targetValue !== null) {
        throw invalidField('targetValue', 'targetValueOnlyForMetric');
      }
      await requireKnownRails(tx, data);
      const before: ProgramDetails = {
        slug: current.slug,
        version: current.version,
        nameZh: current.nameZh,
        nameEn: current.nameEn,
        directionZh: current.directionZh,
        directionEn: current.directionEn,
        staleAfterDays: current.staleAfterDays,
        targetValue: current.targetValue,
        mode: current.mode,
        payers: current.payers,
        acceptors: current.acceptors,
      };
      // A form without the direction keeps it; one with it replaces all three.
      const direction =
        data.mode === undefined
          ? { mode: current.mode, payers: current.payers, acceptors: current.acceptors }
          : { mode: data.mode, payers: data.payers ?? [], acceptors: data.acceptors ?? [] };
      const after: ProgramDetails = {
        slug: data.slug,
        nameZh: data.nameZh,
        nameEn: data.nameEn,
        directionZh: data.directionZh,
        directionEn: data.directionEn,
        staleAfterDays: data.staleAfterDays,
        targetValue: data.targetValue,
        ...direction,
        version: current.version + 1,
      };
      const changed = [
        ...EDITABLE.filter((k) => after[k] !== before[k]),
        ...SIDES.filter((k) => !sameList(after[k], before[k])),
      ];
      // Saving an unchanged form is not a change: no write, no new version, no audit row.
      if (changed.length === 0) return { program: before, changed: false };
      const pick = (source: ProgramDetails) => ({ ...Object.fromEntries(changed.map((k) => [k, source[k]])), version: source.version });
      const columns = EDITABLE.filter((k) => after[k] !== before[k]);
      await writeAtVersion(lock, () =>
        tx.program.updateMany({
          where: { id: current.id, version: current.version },
          data: { ...Object.fromEntries(columns.map((k) => [k, after[k]])), version: { increment: 1 } },
        }),
      );
      if (SIDES.some((k) => changed.includes(k))) await writeSides(tx, current.id, after.payers, after.acceptors);
      await auditChange(tx, ctx, {
        action: 'program.update',
        entityType: ENTITY,
        entityId: current.id,
        before: pick(before),
        after: pick(after),
      });
      return { program: after, changed: true };
    });
  });
}

export interface TargetChangeResult {
  id: string;
  /** The program's version after the re-plan. */
  version: number;
  fromDate: string;
  toDate: string;
  reason: string;
  baselineTargetDate: string;
}

/**
 * Moves the target date in force and records why (a TargetChange row). The baseline never moves.
 * Refused with CONFLICT when the program (its version, or the target the form showed) changed since.
 */
export async function replanTarget(db: Db, ctx: RequestContext, input: unknown): Promise<TargetChangeResult> {
  return auditRefusals(db, ctx, { action: 'program.replanTarget', entityType: ENTITY, entityId: entityRefOf(input, 'slug') }, async () => {
    authorize(ctx.viewer, 'program.manage');
    const data = validateInput(replanTargetSchema, input);
    return writeTransaction(db, async (tx) => {
      const lock = programLock(tx, data.slug);
      const record = await tx.program.findUnique({ where: { slug: data.slug }, select: { ...detailsSelect, startDate: true, baselineTargetDate: true } });
      const found = record ? { ...rowOf(record), startDate: record.startDate, baselineTargetDate: record.baselineTargetDate } : null;
      // The target the form showed must still be the one in force, not only the version.
      const program = await requireVersion(lock, found, data.version, (p) => p.targetDate === data.expectedTargetDate);
      if (data.newTargetDate < program.startDate) {
        throw invalidField('newTargetDate', 'targetBeforeStart');
      }
      await writeAtVersion(lock, () =>
        tx.program.updateMany({
          where: { id: program.id, version: data.version, targetDate: data.expectedTargetDate },
          data: { targetDate: data.newTargetDate, version: { increment: 1 } },
        }),
      );
      const now = new Date();
      const change = await tx.targetChange.create({
        data: {
          changedAt: now,
          programId: program.id,
          fromDate: data.expectedTargetDate,
          toDate: data.newTargetDate,
          reason: data.reason,
          changedById: ctx.viewer.id,
        },
        select: { id: true },
      });
      await recordEvents(tx, [
        {
          kind: 'TARGET_REPLANNED',
          programId: program.id,
          effectiveAt: now,
          payload: {
            programSlug: data.slug,
            fromDate: data.expectedTargetDate,
            toDate: data.newTargetDate,
            baselineTargetDate: program.baselineTargetDate,
            reason: data.reason,
          },
          actorId: ctx.source ? null : ctx.viewer.id,
        },
      ]);
      await auditChange(tx, ctx, {
        action: 'program.replanTarget',
        entityType: ENTITY,
        entityId: program.id,
        before: { targetDate: data.expectedTargetDate, version: data.version },
        after: { targetDate: data.newTargetDate, reason: data.reason, baselineTargetDate: program.baselineTargetDate, version: data.version + 1 },
      });
      return {
        id: change.id,
        version: data.version + 1,
        fromDate: data.expectedTargetDate,
        toDate: data.newTargetDate,
        reason: data.reason,
        baselineTargetDate: program.baselineTargetDate,
      };
    });
  });
}

