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
 * Errors are message keys (`statusForm.errors.*`), translated by the UI and the API.
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

type StatusFormErrors = (typeof zhCN)['statusForm']['errors'];
/** A translatable error message key, e.g. `statusForm.errors.liveDateInFuture`. */
export type StatusErrorKey = `statusForm.errors.${keyof StatusFormErrors & string}`;

const key = <K extends keyof StatusFormErrors & string>(k: K): `statusForm.errors.${K}` => `statusForm.errors.${k}`;

export const ERROR_KEYS = {
  invalid: key('invalid'),
  unknownField: key('unknownField'),
  version: key('version'),
  status: key('status'),
  dateFormat: key('dateFormat'),
  dateOutOfRange: key('dateOutOfRange'),
  liveDateInFuture: key('liveDateInFuture'),
  liveDateRequired: key('liveDateRequired'),
  liveDateNotAllowed: key('liveDateNotAllowed'),
  urlInvalid: key('urlInvalid'),
  urlTooLong: key('urlTooLong'),
  noteTooLong: key('noteTooLong'),
  controlChars: key('controlChars'),
  nothingToUpdate: key('nothingToUpdate'),
  noChanges: key('noChanges'),
  confirmRequired: key('confirmRequired'),
  codeInvalid: key('codeInvalid'),
  selectCities: key('selectCities'),
  tooManyCities: key('tooManyCities'),
  duplicateCity: key('duplicateCity'),
} as const satisfies Record<string, StatusErrorKey>;

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
  .int({ error: ERROR_KEYS.version })
  .min(1, { error: ERROR_KEYS.version })
  .max(LIMITS.maxVersion, { error: ERROR_KEYS.version });

const statusField = z.enum(ROLLOUT_STATUSES, { error: ERROR_KEYS.status });

const isoDate = z
  .string({ error: ERROR_KEYS.dateFormat })
  .refine(isIsoDate, { error: ERROR_KEYS.dateFormat, abort: true })
  .refine((d) => d >= LIMITS.minDate && d <= LIMITS.maxDate, { error: ERROR_KEYS.dateOutOfRange, abort: true });

/** Evaluated on every parse, so a long-running server never uses yesterday's "today". */
const pastIsoDate = isoDate.refine((d) => d <= todayInShanghai(), { error: ERROR_KEYS.liveDateInFuture });

function nullableText(inner: z.ZodType<string, string>, typeError: StatusErrorKey) {
  return z
    .string({ error: typeError })
    .nullable()
    .transform(blankToNull)
    .pipe(inner.nullable());
}

const plannedDateField = nullableText(isoDate, ERROR_KEYS.dateFormat);
const liveDateField = nullableText(pastIsoDate, ERROR_KEYS.dateFormat);
const evidenceUrlField = nullableText(
  z
    .string()
    .max(LIMITS.urlMax, { error: ERROR_KEYS.urlTooLong, abort: true })
    .refine((v) => !hasForbiddenChars(v), { error: ERROR_KEYS.controlChars, abort: true })
    .refine(isHttpUrl, { error: ERROR_KEYS.urlInvalid }),
  ERROR_KEYS.urlInvalid,
);
const noteField = nullableText(
  z
    .string()
    .max(LIMITS.noteMax, { error: ERROR_KEYS.noteTooLong, abort: true })
    .refine((v) => !hasForbiddenChars(v), { error: ERROR_KEYS.controlChars }),
  ERROR_KEYS.invalid,
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
    ctx.addIssue({ code: 'custom', message: ERROR_KEYS.nothingToUpdate, path: [] });
  }
  if (value.status === 'LIVE' && value.liveDate === null) {
    ctx.addIssue({ code: 'custom', message: ERROR_KEYS.liveDateRequired, path: ['liveDate'] });
  }
  if (value.status && !STATUSES_WITH_LIVE_DATE.has(value.status) && typeof value.liveDate === 'string') {
    ctx.addIssue({ code: 'custom', message: ERROR_KEYS.liveDateNotAllowed, path: ['liveDate'] });
  }
}

const statusUpdate = z.strictObject({ version: versionField, ...fieldShape }, { error: ERROR_KEYS.invalid }).superRefine(checkInputRules);

/** An edit of one city's status in one program. */
export const cityStatusUpdate = statusUpdate;
/** An edit of one institution's status in one program (the only update a partner may make). */
export const institutionStatusUpdate = statusUpdate;

export type StatusUpdate = z.output<typeof statusUpdate>;

/** "Still accurate": only lastConfirmedAt changes (and the version goes up). */
export const statusConfirm = z.strictObject(
  {
    version: versionField,
    confirm: z.literal(true, { error: ERROR_KEYS.confirmRequired }),
  },
  { error: ERROR_KEYS.invalid },
);

/** A manager's verification of the version they looked at. */
export const statusVerify = z.strictObject({ version: versionField }, { error: ERROR_KEYS.invalid });

/** City and institution codes: GB/T 2260 digits, or an institution's short code. */
export const entityCode = z
  .string({ error: ERROR_KEYS.codeInvalid })
  .regex(/^[A-Za-z0-9_-]{1,32}$/, { error: ERROR_KEYS.codeInvalid });

/**
 * The same fields applied to several cities of one province. Each city carries the version the
 * user saw; a top-level `version` is refused (it would not say which row it belongs to).
 */
export const bulkCityStatusUpdate = z
  .strictObject(
    {
      cities: z
        .array(z.strictObject({ code: entityCode, version: versionField }, { error: ERROR_KEYS.invalid }), {
          error: ERROR_KEYS.selectCities,
        })
        .min(1, { error: ERROR_KEYS.selectCities })
        .max(LIMITS.bulkMax, { error: ERROR_KEYS.tooManyCities })
        .refine((cities) => new Set(cities.map((c) => c.code)).size === cities.length, { error: ERROR_KEYS.duplicateCity }),
      ...fieldShape,
    },
    { error: ERROR_KEYS.invalid },
  )
  .superRefine(checkInputRules);

/** Field name -> message key; `_form` for errors about the whole input. First error per field wins. */
export type FieldErrors = Partial<Record<string, StatusErrorKey | string>>;

export const FORM_ERROR_FIELD = '_form';

/**
 * Turns a zod error into `{ field: messageKey }`. Messages set by these schemas are keys; anything
 * else (a zod default message) becomes the generic `statusForm.errors.invalid`, so no English
 * sentence from zod ever reaches a user.
 */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) out[k] ??= ERROR_KEYS.unknownField;
      continue;
    }
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : FORM_ERROR_FIELD;
    const message = isMessageKey(issue.message) ? issue.message : ERROR_KEYS.invalid;
    out[field] ??= message;
  }
  return out;
}

function isMessageKey(value: string): boolean {
  return /^[a-zA-Z]+\.errors\.[a-zA-Z]+$/.test(value);
}

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
      if (input.liveDate === null) errors.liveDate = ERROR_KEYS.liveDateRequired;
      else liveDate = today;
    }
  } else if (input.liveDate !== undefined && input.liveDate !== null) {
    errors.liveDate = ERROR_KEYS.liveDateNotAllowed;
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
