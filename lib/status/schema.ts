/**
 * The one definition of a valid status update, shared by the edit forms (client-side validation),
 * the Server Actions, the CSV import and the partner API. Pure: no database, no Next.js, no
 * server-only code, so the browser bundle can use it too.
 *
 * Rules (a successor will ask, so here they are):
 * - Every object is strict: unknown fields (`institutionId`, `verified`, `createdBy`, a `version`
 *   inside a bulk update, ...) are refused, never silently dropped, so mass assignment is visible.
 * - `version` is the optimistic-locking counter the client last saw (integer >= 1).
 * - A field left out means "unchanged"; `null` or an empty string means "clear it".
 * - Dates are Shanghai calendar dates `YYYY-MM-DD`, real days, between 2000-01-01 and 2099-12-31.
 *   A live date is never after today in Shanghai.
 * - LIVE needs a live date. If an update moves a row to LIVE without one, the row keeps the live
 *   date it has, else gets today's (Shanghai) date; an explicit `null` with LIVE is refused.
 * - A live date exists only on LIVE and PAUSED rows (a paused rollout did go live once). Moving to
 *   NOT_STARTED, PLANNED, IN_PROGRESS or PILOT clears it; sending one with those statuses is refused.
 * - The evidence link is an absolute http(s) URL of at most 2,048 characters; the note at most
 *   2,000 (UTF-16 units, as the form counts them). Both are trimmed; control characters other
 *   than tab and newline are refused (PostgreSQL cannot store NUL, and nobody types the others).
 *
 * Errors are issue codes (lib/forms/validation.ts), described in the reader's language by the UI and
 * the API.
 */
import { z } from 'zod';
import type { RolloutStatus } from '../generated/sqlite/enums';
import { isIsoDate, todayInShanghai } from '../time';
import { isHttpUrl } from '../url';
import type zhCN from '../../messages/zh-CN.json';

/** In workflow order, as forms and tables list them. */
export const ROLLOUT_STATUSES = ['NOT_STARTED', 'PLANNED', 'IN_PROGRESS', 'PILOT', 'LIVE', 'PAUSED'] as const satisfies readonly RolloutStatus[];
// Fails to compile if the Prisma enum gains a value this list lacks.
const _allStatusesListed: RolloutStatus extends (typeof ROLLOUT_STATUSES)[number] ? true : never = true;
void _allStatusesListed;

/** Statuses that carry a live date. */
export const STATUSES_WITH_LIVE_DATE: ReadonlySet<RolloutStatus> = new Set(['LIVE', 'PAUSED']);

export const LIMITS = {
  noteMax: 2000,
  urlMax: 2048,
  minDate: '2000-01-01',
  maxDate: '2099-12-31',
  /** Largest value of a PostgreSQL `integer` column. */
  maxVersion: 2_147_483_647,
  /** Cities in one bulk update (a province has at most a few dozen). */
  bulkMax: 500,
} as const;

/** Issue codes of these schemas (lib/forms/validation.ts); each has a sentence `validation.<code>`. */
export const ERROR_CODES = {
  invalid: 'invalid',
  unknownField: 'unknownField',
  version: 'versionInvalid',
  status: 'statusInvalid',
  dateFormat: 'dateFormat',
  dateOutOfRange: 'dateOutOfRange',
  liveDateInFuture: 'liveDateInFuture',
  liveDateRequired: 'liveDateRequired',
  liveDateNotAllowed: 'liveDateNotAllowed',
  urlInvalid: 'urlInvalid',
  urlTooLong: 'urlTooLong',
  noteTooLong: 'noteTooLong',
  controlChars: 'controlChars',
  nothingToUpdate: 'nothingToUpdate',
  noChanges: 'noChanges',
  confirmRequired: 'confirmRequired',
  codeInvalid: 'codeInvalid',
  selectCities: 'selectCities',
  tooManyCities: 'tooManyCities',
  duplicateCity: 'duplicateCity',
} as const satisfies Record<string, keyof (typeof zhCN)['validation']>;

type StatusErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

// C0 controls except tab, LF and CR; DEL and C1 controls; lone UTF-16 surrogates (which would be
// stored as U+FFFD, i.e. garbled).
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasForbiddenChars(value: string): boolean {
  return FORBIDDEN_CHARS.test(value);
}

const blankToNull = (value: string | null): string | null => {
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

const versionField = z
  .int({ error: ERROR_CODES.version })
  .min(1, { error: ERROR_CODES.version })
  .max(LIMITS.maxVersion, { error: ERROR_CODES.version });

const statusField = z.enum(ROLLOUT_STATUSES, { error: ERROR_CODES.status });

const isoDate = z
  .string({ error: ERROR_CODES.dateFormat })
  .refine(isIsoDate, { error: ERROR_CODES.dateFormat, abort: true })
  .refine((d) => d >= LIMITS.minDate && d <= LIMITS.maxDate, { error: ERROR_CODES.dateOutOfRange, abort: true });

/** Evaluated on every parse, so a long-running server never uses yesterday's "today". */
const pastIsoDate = isoDate.refine((d) => d <= todayInShanghai(), { error: ERROR_CODES.liveDateInFuture });

function nullableText(inner: z.ZodType<string, string>, typeError: StatusErrorCode) {
  return z
    .string({ error: typeError })
    .nullable()
    .transform(blankToNull)
    .pipe(inner.nullable());
}

const plannedDateField = nullableText(isoDate, ERROR_CODES.dateFormat);
const liveDateField = nullableText(pastIsoDate, ERROR_CODES.dateFormat);
const evidenceUrlField = nullableText(
  z
    .string()
    .max(LIMITS.urlMax, { error: ERROR_CODES.urlTooLong, abort: true })
    .refine((v) => !hasForbiddenChars(v), { error: ERROR_CODES.controlChars, abort: true })
    .refine(isHttpUrl, { error: ERROR_CODES.urlInvalid }),
  ERROR_CODES.urlInvalid,
);
const noteField = nullableText(
  z
    .string()
    .max(LIMITS.noteMax, { error: ERROR_CODES.noteTooLong, abort: true })
    .refine((v) => !hasForbiddenChars(v), { error: ERROR_CODES.controlChars }),
  ERROR_CODES.invalid,
);

/** The editable fields of a status row; every one optional (left out = unchanged). */
const fieldShape = {
  status: statusField.optional(),
  plannedDate: plannedDateField.optional(),
  liveDate: liveDateField.optional(),
  evidenceUrl: evidenceUrlField.optional(),
  note: noteField.optional(),
};

export const EDITABLE_FIELDS = ['status', 'plannedDate', 'liveDate', 'evidenceUrl', 'note'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

interface FieldValues {
  status?: RolloutStatus;
  plannedDate?: string | null;
  liveDate?: string | null;
  evidenceUrl?: string | null;
  note?: string | null;
}

/** Rules that need only the input (the mutation re-checks them on the merged row). */
function checkInputRules(value: FieldValues, ctx: z.RefinementCtx): void {
  if (!EDITABLE_FIELDS.some((f) => value[f] !== undefined)) {
    ctx.addIssue({ code: 'custom', message: ERROR_CODES.nothingToUpdate, path: [] });
  }
  if (value.status === 'LIVE' && value.liveDate === null) {
    ctx.addIssue({ code: 'custom', message: ERROR_CODES.liveDateRequired, path: ['liveDate'] });
  }
  if (value.status && !STATUSES_WITH_LIVE_DATE.has(value.status) && typeof value.liveDate === 'string') {
    ctx.addIssue({ code: 'custom', message: ERROR_CODES.liveDateNotAllowed, path: ['liveDate'] });
  }
}

const statusUpdate = z.strictObject({ version: versionField, ...fieldShape }, { error: ERROR_CODES.invalid }).superRefine(checkInputRules);

/** An edit of one city's status in one program. */
export const cityStatusUpdate = statusUpdate;
/** An edit of one institution's status in one program (the only update a partner may make). */
export const institutionStatusUpdate = statusUpdate;

export type StatusUpdate = z.output<typeof statusUpdate>;

/** "Still accurate": only lastConfirmedAt changes (and the version goes up). */
export const statusConfirm = z.strictObject(
  {
    version: versionField,
    confirm: z.literal(true, { error: ERROR_CODES.confirmRequired }),
  },
  { error: ERROR_CODES.invalid },
);

/** A manager's verification of the version they looked at. */
export const statusVerify = z.strictObject({ version: versionField }, { error: ERROR_CODES.invalid });

/** City and institution codes: GB/T 2260 digits, or an institution's short code. */
export const entityCode = z
  .string({ error: ERROR_CODES.codeInvalid })
  .regex(/^[A-Za-z0-9_-]{1,32}$/, { error: ERROR_CODES.codeInvalid });

/**
 * The same fields applied to several cities of one province. Each city carries the version the
 * user saw; a top-level `version` is refused (it would not say which row it belongs to).
 */
export const bulkCityStatusUpdate = z
  .strictObject(
    {
      cities: z
        .array(z.strictObject({ code: entityCode, version: versionField }, { error: ERROR_CODES.invalid }), {
          error: ERROR_CODES.selectCities,
        })
        .min(1, { error: ERROR_CODES.selectCities })
        .max(LIMITS.bulkMax, { error: ERROR_CODES.tooManyCities })
        .refine((cities) => new Set(cities.map((c) => c.code)).size === cities.length, { error: ERROR_CODES.duplicateCity }),
      ...fieldShape,
    },
    { error: ERROR_CODES.invalid },
  )
  .superRefine(checkInputRules);

/** Field path -> issue code, for the cross-field rules of resolveStatusUpdate; first error per field wins. */
export type FieldErrors = Partial<Record<string, StatusErrorCode>>;

/** The editable state of a row, as the merge rules see it. */
export interface StatusFields {
  status: RolloutStatus;
  plannedDate: string | null;
  liveDate: string | null;
  evidenceUrl: string | null;
  note: string | null;
}

export interface ResolvedUpdate {
  next: StatusFields;
  /** Fields whose value differs from the current row. */
  changed: EditableField[];
  errors: FieldErrors;
}

/**
 * Applies a validated update to the current row with the defaults and cross-field rules above.
 * Used by the mutations (authoritative), the import preview and the form (to show the result).
 */
export function resolveStatusUpdate(current: StatusFields, input: FieldValues, today: string = todayInShanghai()): ResolvedUpdate {
  const status = input.status ?? current.status;
  let liveDate = input.liveDate === undefined ? current.liveDate : input.liveDate;
  const errors: FieldErrors = {};
  if (STATUSES_WITH_LIVE_DATE.has(status)) {
    if (status === 'LIVE' && liveDate === null) {
      if (input.liveDate === null) errors.liveDate = ERROR_CODES.liveDateRequired;
      else liveDate = today;
    }
  } else if (input.liveDate !== undefined && input.liveDate !== null) {
    errors.liveDate = ERROR_CODES.liveDateNotAllowed;
  } else {
    liveDate = null;
  }
  const next: StatusFields = {
    status,
    plannedDate: input.plannedDate === undefined ? current.plannedDate : input.plannedDate,
    liveDate,
    evidenceUrl: input.evidenceUrl === undefined ? current.evidenceUrl : input.evidenceUrl,
    note: input.note === undefined ? current.note : input.note,
  };
  const changed = EDITABLE_FIELDS.filter((f) => next[f] !== current[f]);
  return { next, changed, errors };
}
