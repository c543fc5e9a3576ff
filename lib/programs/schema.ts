/**
 * What an admin may send to create, edit and re-plan a program. Shared by the forms (client-side
 * validation), the Server Actions and the mutations. Objects are strict: a field the form does not
 * offer (`baselineTargetDate`, `id`, `sortOrder`, ...) is refused, never silently dropped.
 *
 * Limits: slug `^[a-z0-9][a-z0-9-]{1,63}$`; names 1-100 characters, directions 1-300, source 0-500;
 * dates YYYY-MM-DD between 2000 and 2099, target not before start; staleAfterDays 1-365 (whole
 * days); targetValue 0 < v <= 100 and only for METRIC (percent) programs; enrolled institutions
 * 1-200 distinct codes, only for ENROLLED_INSTITUTIONS; re-planning reason 5-500 characters; the
 * direction (mode, paying rails, accepting rails: 1-10 distinct codes each) all together or not at
 * all (an edit that leaves it out keeps it).
 * Edits and re-plans carry the program's `version` as the form loaded it (optimistic locking: a
 * stale version is refused with CONFLICT, an accepted edit raises it by exactly 1).
 */
import { z } from 'zod';
import {
  calendarDateSchema,
  optionalTextSchema,
  programSlugSchema,
  requiredTextSchema,
  versionSchema,
} from '../forms/fields';
import type { ProgramUnit, ScopeRule } from '../generated/sqlite/enums';
import { INTEROP_MODES } from './interop-modes';

export const SCOPE_RULES = ['ALL_PREFECTURE_CITIES', 'PROVINCIAL_CAPITALS', 'ENROLLED_INSTITUTIONS', 'METRIC'] as const satisfies readonly ScopeRule[];

/** A program's unit follows from its scope, so the two can never disagree. */
export const UNIT_OF_SCOPE: Readonly<Record<ScopeRule, ProgramUnit>> = {
  ALL_PREFECTURE_CITIES: 'CITY',
  PROVINCIAL_CAPITALS: 'CITY',
  ENROLLED_INSTITUTIONS: 'INSTITUTION',
  METRIC: 'PERCENT',
};

export const LIMITS = {
  name: 100,
  direction: 300,
  source: 500,
  staleAfterDays: { min: 1, max: 365 },
  targetValue: { max: 100 },
  institutions: 200,
  reason: { min: 5, max: 500 },
  /** Rails on one side of a program. */
  rails: 10,
} as const;

const staleAfterDaysSchema = z.number().int().min(LIMITS.staleAfterDays.min).max(LIMITS.staleAfterDays.max);

/** Percent target: above 0, at most 100; null when the program counts cities or institutions. */
const targetValueSchema = z
  .number()
  .gt(0, { error: 'targetValueRange' })
  .max(LIMITS.targetValue.max, { error: 'targetValueRange' })
  .nullable();

const institutionCodeSchema = z.string().trim().min(1).max(32);

const railCodesSchema = z.array(z.string().trim().regex(/^[A-Z][A-Z0-9_]{1,31}$/)).max(LIMITS.rails);

/**
 * Who pays, who accepts and how. All three or none: a mode needs a rail on each side, and sides
 * need a mode. Whether the rail codes exist is checked by the mutation against the Rail table.
 */
const directionFields = {
  mode: z.enum(INTEROP_MODES).nullable().optional(),
  payers: railCodesSchema.optional(),
  acceptors: railCodesSchema.optional(),
};

function refineDirection(v: { mode?: unknown; payers?: unknown; acceptors?: unknown }, ctx: z.RefinementCtx): void {
  const sides = { payers: Array.isArray(v.payers) ? v.payers : [], acceptors: Array.isArray(v.acceptors) ? v.acceptors : [] };
  const hasMode = typeof v.mode === 'string';
  for (const side of ['payers', 'acceptors'] as const) {
    if (hasMode && sides[side].length === 0) ctx.addIssue({ code: 'custom', path: [side], message: 'railsRequired' });
    if (new Set(sides[side]).size !== sides[side].length) ctx.addIssue({ code: 'custom', path: [side], message: 'railsDuplicate' });
  }
  if (!hasMode && sides.payers.length + sides.acceptors.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['mode'], message: 'modeRequired' });
  }
}

export const createProgramSchema = z
  .strictObject({
    slug: programSlugSchema,
    nameZh: requiredTextSchema(LIMITS.name),
    nameEn: requiredTextSchema(LIMITS.name),
    directionZh: requiredTextSchema(LIMITS.direction),
    directionEn: requiredTextSchema(LIMITS.direction),
    scopeRule: z.enum(SCOPE_RULES),
    startDate: calendarDateSchema,
    targetDate: calendarDateSchema,
    targetValue: targetValueSchema.optional().transform((v) => v ?? null),
    staleAfterDays: staleAfterDaysSchema.default(30),
    isIllustrative: z.boolean().default(false),
    source: optionalTextSchema(LIMITS.source),
    institutionCodes: z.array(institutionCodeSchema).max(LIMITS.institutions).default([]),
    ...directionFields,
  })
  .superRefine((v, ctx) => {
    refineDirection(v, ctx);
    // Runs even when single fields failed, so every problem shows at once; hence the type guards.
    if (typeof v.startDate === 'string' && typeof v.targetDate === 'string' && v.targetDate < v.startDate) {
      ctx.addIssue({ code: 'custom', path: ['targetDate'], message: 'targetBeforeStart' });
    }
    const codes = Array.isArray(v.institutionCodes) ? v.institutionCodes : [];
    if (v.scopeRule === 'ENROLLED_INSTITUTIONS') {
      if (codes.length === 0) ctx.addIssue({ code: 'custom', path: ['institutionCodes'], message: 'institutionsRequired' });
      if (new Set(codes).size !== codes.length) {
        ctx.addIssue({ code: 'custom', path: ['institutionCodes'], message: 'institutionsDuplicate' });
      }
    } else if (codes.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['institutionCodes'], message: 'institutionsOnlyForEnrolled' });
    }
    if (v.scopeRule === 'METRIC' && (v.targetValue === null || v.targetValue === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'targetValueRequired' });
    }
    if (v.scopeRule !== undefined && v.scopeRule !== 'METRIC' && v.targetValue !== null && v.targetValue !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'targetValueOnlyForMetric' });
    }
  });

export type CreateProgramInput = z.input<typeof createProgramSchema>;
export type CreateProgramData = z.output<typeof createProgramSchema>;

/**
 * Details that may change after creation. Scope, unit, dates and slug may not: the status rows,
 * history and links depend on them (the target date changes only through `replanTargetSchema`).
 * Whether `targetValue` is required depends on the stored unit, so the mutation checks that.
 */
export const updateProgramSchema = z
  .strictObject({
    slug: programSlugSchema,
    version: versionSchema,
    nameZh: requiredTextSchema(LIMITS.name),
    nameEn: requiredTextSchema(LIMITS.name),
    directionZh: requiredTextSchema(LIMITS.direction),
    directionEn: requiredTextSchema(LIMITS.direction),
    staleAfterDays: staleAfterDaysSchema,
    targetValue: targetValueSchema.optional().transform((v) => v ?? null),
    /** Left out: the direction stays as it is. */
    ...directionFields,
  })
  .superRefine(refineDirection);

/**
 * A new target date with the reason for it. `expectedTargetDate` is the target the form showed:
 * if someone re-planned in the meantime the change is refused rather than silently overwritten.
 */
export const replanTargetSchema = z
  .strictObject({
    slug: programSlugSchema,
    version: versionSchema,
    expectedTargetDate: calendarDateSchema,
    newTargetDate: calendarDateSchema,
    reason: z.string().trim().min(LIMITS.reason.min).max(LIMITS.reason.max),
  })
  .superRefine((v, ctx) => {
    if (typeof v.expectedTargetDate === 'string' && v.newTargetDate === v.expectedTargetDate) {
      ctx.addIssue({ code: 'custom', path: ['newTargetDate'], message: 'targetUnchanged' });
    }
  });
