/**
 * The partner REST API v1 as zod schemas: the query parameters the handlers parse, the PATCH body,
 * and every response body. The OpenAPI document (./openapi.ts) is generated from these very
 * schemas, and the contract tests check real responses against that document, so the description
 * cannot drift from what the endpoints return. Browser-safe: no server imports.
 */
import { z } from 'zod';
import { HEALTHS } from '../coverage/projection';
import { INTEROP_MODES } from '../programs/interop-modes';
import { PROGRAM_SLUG_RE } from '../programs/slug';
import { cityStatusUpdate, ROLLOUT_STATUSES } from '../status/schema';

// ---- shared pieces ------------------------------------------------------------------------------

export const isoDateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ description: 'A calendar date YYYY-MM-DD (Asia/Shanghai).', example: '2021-10-02' });
/** An instant in ISO 8601 with its offset, always +08:00 (Asia/Shanghai). */
export const instantString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
  .meta({ description: 'An instant, ISO 8601 with offset (+08:00).', example: '2021-10-02T10:00:00.000+08:00' });

export const rolloutStatus = z.enum(ROLLOUT_STATUSES).meta({ id: 'RolloutStatus' });
export const health = z.enum(HEALTHS).meta({ id: 'Health' });

export const slugParam = z.string().regex(PROGRAM_SLUG_RE).meta({ description: 'Program slug.', example: 'alipay-unionpay-offline' });
export const codeParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,32}$/)
  .meta({ description: 'GB/T 2260 city code (e.g. 4401) or institution code (e.g. ICBC).', example: '4401' });

// ---- query parameters (strict: an unknown parameter is a 422) ----------------------------------

const dateQuery = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
  message: 'must be a date YYYY-MM-DD',
});

export const coverageQuerySchema = z.strictObject({
  asOf: dateQuery.optional().meta({ description: 'Coverage as of the end of this day; default today (Asia/Shanghai).' }),
});

export const interopMode = z
  .enum(INTEROP_MODES)
  .meta({
    id: 'InteropMode',
    description: 'CONSUMER_SCANS: the consumer scans the merchant\'s collection code (收款码); MERCHANT_SCANS: the merchant scans the consumer\'s payment code (付款码); ONLINE_CHECKOUT: online checkout.',
  });

export const matrixQuerySchema = z.strictObject({
  asOf: dateQuery.optional().meta({ description: 'The matrix as of the end of this day; default today (Asia/Shanghai).' }),
  mode: interopMode.optional().meta({ description: 'Which mode to draw; default CONSUMER_SCANS.' }),
});

export const portfolioQuerySchema = z.strictObject({
  asOf: dateQuery.optional().meta({ description: 'The portfolio as of the end of this day; default today (Asia/Shanghai).' }),
});

export const cityListQuerySchema = z.strictObject({
  province: z.string().regex(/^\d{2}$/, 'must be a two-digit province code').optional().meta({ description: 'Two-digit province code, e.g. 44.' }),
  status: rolloutStatus.optional(),
});

export const institutionListQuerySchema = z.strictObject({
  status: rolloutStatus.optional(),
  type: z.string().regex(/^[A-Z_]{1,40}$/).optional().meta({ description: 'Institution type, e.g. STATE_OWNED_BANK.' }),
});

export const HISTORY_DEFAULT_LIMIT = 200;
export const HISTORY_MAX_LIMIT = 1000;

/** A date (whole Shanghai day) or an instant with offset. */
const dateOrInstant = z
  .string()
  .refine((v) => dateQuery.safeParse(v).success || (instantString.safeParse(v).success && !Number.isNaN(Date.parse(v))), {
    message: 'must be a date YYYY-MM-DD or an ISO 8601 instant with offset',
  });

export const historyQuerySchema = z.strictObject({
  from: dateOrInstant.optional().meta({ description: 'Changes at or after this date (start of the Shanghai day) or instant.' }),
  to: dateOrInstant.optional().meta({ description: 'Changes at or before this date (end of the Shanghai day) or instant.' }),
  limit: z.coerce.number().int().min(1).max(HISTORY_MAX_LIMIT).default(HISTORY_DEFAULT_LIMIT).meta({ description: `Page size, 1-${HISTORY_MAX_LIMIT}.` }),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/).optional().meta({ description: 'The `nextCursor` of the previous page.' }),
});

// ---- the PATCH body ----------------------------------------------------------------------------

/**
 * The body of PATCH .../cities/{code} and .../institutions/{code}: the fields of the forms' status
 * update (lib/status/schema.ts, which validates them again in the mutation). `version` alone is a
 * confirmation: the row is still accurate, only `lastConfirmedAt` and `version` change.
 */
export const statusPatchSchema = z
  .strictObject({ ...cityStatusUpdate.shape })
  .meta({
    id: 'StatusPatch',
    description:
      'The version you last read, and the fields to change (left out: unchanged; null or "": cleared). `version` alone confirms the row as still accurate. Unknown fields are refused (422).',
  });

// ---- responses ---------------------------------------------------------------------------------

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'VALIDATION', 'RATE_LIMITED', 'INTERNAL']),
      message: z.string(),
      details: z.unknown().meta({ description: 'CONFLICT: `{ current }`, the item as it is now. VALIDATION: see ValidationError.' }),
    }),
  })
  .meta({ id: 'Error' });

/** One field at fault in a 422; the same shape the web forms read their field messages from. */
export const validationIssueSchema = z
  .strictObject({
    path: z.string().meta({ description: "Dotted path of the field, parameter or header at fault; '' for the request as a whole." }),
    code: z.string().meta({ description: 'Stable machine-readable code, e.g. `required`, `tooLong`, `unknownField`, `liveDateInFuture`.' }),
    message: z.string().meta({ description: 'A sentence for people, in the Accept-Language locale (zh-CN or en; English otherwise).' }),
  })
  .meta({ id: 'ValidationIssue' });

/** Every 422: the error envelope with the list of fields at fault. */
export const validationErrorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.literal('VALIDATION'),
      message: z.string(),
      details: z.array(validationIssueSchema).min(1),
    }),
  })
  .meta({ id: 'ValidationError' });

export const programSchema = z
  .strictObject({
    slug: z.string(),
    name: z.string().meta({ description: 'Chinese name.' }),
    nameEn: z.string(),
    unit: z.enum(['CITY', 'INSTITUTION', 'PERCENT']),
    startDate: isoDateString,
    baselineTargetDate: isoDateString,
    targetDate: isoDateString,
    targetValue: z.number().nullable().meta({ description: 'PERCENT programs: the target share in percent.' }),
    mode: interopMode.nullable().meta({ description: 'How the payment crosses from payer to acceptor; null while not stated.' }),
    payers: z.array(z.string()).meta({ description: 'Rail codes of the paying side (whose app or payment code pays), e.g. UNIONPAY_QUICKPASS.' }),
    acceptors: z.array(z.string()).meta({ description: 'Rail codes of the accepting side (whose merchant code or checkout accepts), e.g. ALIPAY.' }),
  })
  .meta({ id: 'Program' });
export const programListSchema = z.strictObject({ items: z.array(programSchema) }).meta({ id: 'ProgramList' });

const statusCounts = z.strictObject(Object.fromEntries(ROLLOUT_STATUSES.map((s) => [s, z.int().min(0)])) as Record<(typeof ROLLOUT_STATUSES)[number], z.ZodInt>);

export const coverageSchema = z
  .strictObject({
    program: z.string().meta({ description: 'Program slug.' }),
    unit: z.enum(['CITY', 'INSTITUTION', 'PERCENT']),
    asOf: isoDateString,
    denominator: z.int().min(0),
    live: z.int().min(0),
    percent: z.number().nullable().meta({ description: 'live / denominator in percent, one decimal; null when the denominator is 0.' }),
    counts: statusCounts.meta({ id: 'StatusCounts' }),
    provinces: z.array(
      z
        .strictObject({
          code: z.string(),
          name: z.string(),
          nameEn: z.string(),
          total: z.int().min(0),
          live: z.int().min(0),
          percent: z.number().nullable(),
        })
        .meta({ id: 'ProvinceCoverage' }),
    ),
    metric: z
      .strictObject({ value: z.number().nullable(), date: isoDateString.nullable(), target: z.number().nullable() })
      .nullable()
      .meta({ description: 'PERCENT programs only: the latest value on or before asOf.' }),
    projection: z
      .strictObject({
        completionDate: isoDateString.nullable(),
        health,
        targetDate: isoDateString,
        velocityPerWeek: z.number(),
      })
      .nullable()
      .meta({ description: 'Null when there is nothing to project toward.' }),
  })
  .meta({ id: 'Coverage' });

const railSchema = z
  .strictObject({
    code: z.string().meta({ description: 'Stable rail code, e.g. ALIPAY, WECHAT_PAY, UNIONPAY_QUICKPASS, BANK_APPS, DEVICE_WALLETS.' }),
    name: z.string().meta({ description: 'Chinese name.' }),
    nameEn: z.string(),
    groupsInstitutions: z.boolean().meta({ description: 'True for the banks\' own apps as a group: rows list its institutions.' }),
  })
  .meta({ id: 'Rail' });

const matrixProgramSchema = z
  .strictObject({
    slug: z.string(),
    name: z.string(),
    nameEn: z.string(),
    unit: z.enum(['CITY', 'INSTITUTION', 'PERCENT']),
    isStarted: z.boolean().meta({ description: 'False before the program\'s start date; the figures are then null.' }),
    live: z.int().min(0).nullable().meta({ description: 'Count programs: live cities or institutions; null for PERCENT.' }),
    denominator: z.int().min(0).nullable().meta({ description: 'Count programs: the cities or institutions in scope; null for PERCENT.' }),
    percent: z.number().nullable().meta({ description: 'live / denominator, or the metric\'s value, in percent.' }),
    targetValue: z.number().nullable().meta({ description: 'PERCENT programs: the target share.' }),
    completedOn: isoDateString.nullable().meta({ description: 'The day the goal was reached, when it is.' }),
    health: health.nullable(),
    completionDate: isoDateString.nullable().meta({ description: 'Projected (or actual) completion.' }),
    targetDate: isoDateString.meta({ description: 'Target in force on asOf.' }),
    sparkline: z.array(z.number()).meta({ description: 'Percent of the goal at weekly steps from the start to asOf (at most 40).' }),
  })
  .meta({ id: 'MatrixProgram' });

export const matrixSchema = z
  .strictObject({
    asOf: isoDateString,
    mode: interopMode,
    rails: z.array(railSchema).meta({ description: 'Rows (paying side) and columns (accepting side) alike, in this order.' }),
    rows: z.array(
      z
        .strictObject({
          payer: z.string(),
          cells: z.array(
            z
              .strictObject({
                acceptor: z.string(),
                isSameRail: z.boolean(),
                programs: z.array(matrixProgramSchema).meta({ description: 'Empty: no program covers this direction in this mode.' }),
              })
              .meta({ id: 'MatrixCell' }),
          ),
          institutions: z.array(
            z
              .strictObject({
                code: z.string(),
                name: z.string(),
                nameEn: z.string(),
                cells: z.array(
                  z.strictObject({
                    acceptor: z.string(),
                    programs: z.array(z.strictObject({ slug: z.string(), isLive: z.boolean(), liveSince: isoDateString.nullable() })),
                  }),
                ),
              })
              .meta({ id: 'MatrixInstitutionRow' }),
          ).meta({ description: 'For a rail that groups institutions: one row per institution enrolled in its programs.' }),
        })
        .meta({ id: 'MatrixRow' }),
    ),
  })
  .meta({ id: 'Matrix' });

export const portfolioSchema = z
  .strictObject({
    asOf: isoDateString,
    items: z.array(
      z
        .strictObject({
          slug: z.string(),
          name: z.string(),
          nameEn: z.string(),
          unit: z.enum(['CITY', 'INSTITUTION', 'PERCENT']),
          isStarted: z.boolean(),
          live: z.int().min(0).nullable(),
          denominator: z.int().min(0).nullable(),
          percent: z.number().nullable(),
          targetValue: z.number().nullable(),
          health: health.nullable(),
          completionDate: isoDateString.nullable(),
          daysLate: z.int().min(0).nullable(),
          baselineTargetDate: isoDateString,
          targetDate: isoDateString.meta({ description: 'Target in force on asOf.' }),
          isReplanned: z.boolean(),
          changeSinceLastWeek: z.number().meta({ description: 'Gained since 7 days before asOf (count, or percentage points).' }),
          staleness: z
            .strictObject({ stale: z.int().min(0), rows: z.int().min(0) })
            .nullable()
            .meta({ description: 'Status rows not confirmed within staleAfterDays on asOf; null for PERCENT programs and before the start.' }),
          staleAfterDays: z.int().min(1),
        })
        .meta({ id: 'PortfolioItem' }),
    ).meta({ description: 'Every program, riskiest first.' }),
  })
  .meta({ id: 'Portfolio' });

/** What a partner gets for another institution's row (and any city): see `canReadRowDetails`. */
const WITHHELD_WHERE = 'on rows whose details the caller may not read (a partner gets them for its own institution only)';
const WITHHELD = `Null ${WITHHELD_WHERE}.`;

const statusItemFields = {
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  status: rolloutStatus,
  plannedDate: isoDateString.nullable(),
  liveDate: isoDateString.nullable(),
  evidenceUrl: z.string().nullable().meta({ description: `Link to evidence of the status. ${WITHHELD}` }),
  note: z.string().nullable().meta({ description: `Free-text note. ${WITHHELD}` }),
  lastConfirmedAt: instantString.nullable(),
  verified: z.boolean().nullable().meta({ description: `False while a partner report awaits verification. ${WITHHELD}` }),
  version: z.int().min(1).meta({ description: 'Send it back with the next PATCH; every accepted write raises it by exactly 1.' }),
  updatedAt: instantString,
};

export const cityItemSchema = z.strictObject({ ...statusItemFields, provinceCode: z.string() }).meta({ id: 'CityStatus' });
export const institutionItemSchema = z
  .strictObject({
    ...statusItemFields,
    type: z.enum(['STATE_OWNED_BANK', 'JOINT_STOCK_BANK', 'CITY_COMMERCIAL_BANK', 'RURAL_BANK', 'PAYMENT_INSTITUTION', 'DEVICE_WALLET']),
  })
  .meta({ id: 'InstitutionStatus' });
export const cityListSchema = z.strictObject({ items: z.array(cityItemSchema) }).meta({ id: 'CityStatusList' });
export const institutionListSchema = z.strictObject({ items: z.array(institutionItemSchema) }).meta({ id: 'InstitutionStatusList' });

const snapshotSchema = z
  .strictObject({
    status: rolloutStatus.optional(),
    plannedDate: z.string().nullable().optional(),
    liveDate: z.string().nullable().optional(),
    evidenceUrl: z.string().nullable().optional(),
    note: z.string().nullable().optional(),
    verified: z.boolean().optional(),
    version: z.int().optional(),
  })
  .meta({
    id: 'StatusSnapshot',
    description: `The fields of the row a change recorded. \`evidenceUrl\`, \`note\` and \`verified\` are left out ${WITHHELD_WHERE}.`,
  });

export const historyEntrySchema = z
  .strictObject({
    id: z.string(),
    changedAt: instantString,
    kind: z.enum(['STATUS', 'DETAILS', 'CONFIRM', 'VERIFY']).meta({
      description: 'STATUS: the status moved; DETAILS: other fields only (e.g. a note); CONFIRM: confirmed unchanged; VERIFY: verified.',
    }),
    actorKind: z
      .enum(['ADMIN', 'PROGRAM_MANAGER', 'PARTNER', 'EXECUTIVE', 'SYSTEM'])
      .nullable()
      .meta({ description: `Role of the actor at the time; SYSTEM for seeded and imported facts without a person. ${WITHHELD}` }),
    actorName: z.string().nullable().meta({ description: `Who made the change; null for the system. ${WITHHELD}` }),
    entity: z.strictObject({ type: z.enum(['CITY', 'INSTITUTION']), code: z.string() }),
    before: snapshotSchema.nullable(),
    after: snapshotSchema,
    source: z.enum(['SEED', 'FORM', 'API', 'IMPORT']),
    version: z.int().min(1),
  })
  .meta({ id: 'HistoryEntry' });
export const historyPageSchema = z
  .strictObject({ items: z.array(historyEntrySchema), nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }) })
  .meta({ id: 'HistoryPage' });

export type ProgramItem = z.infer<typeof programSchema>;
export type CoverageBody = z.infer<typeof coverageSchema>;
export type MatrixBody = z.infer<typeof matrixSchema>;
export type PortfolioBody = z.infer<typeof portfolioSchema>;
export type CityItem = z.infer<typeof cityItemSchema>;
export type InstitutionItem = z.infer<typeof institutionItemSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type HistoryPage = z.infer<typeof historyPageSchema>;
