/**
 * Filters of the audit log, as the page reads them from the URL and `listAuditEntries` accepts them.
 * Browser-safe.
 *
 * Limits: from/to are Shanghai calendar dates (YYYY-MM-DD, 2000-2099), both inclusive, from <= to;
 * actorEmail at most 254 characters, compared lower-case; action and entityType at most 100
 * characters of letters, digits, '.', '_' and '-'; outcome ALLOWED or DENIED; cursor at most 200
 * characters (opaque, from the previous page); limit 1-100 (default 50).
 */
import { z } from 'zod';
import { calendarDateSchema } from '../forms/fields';

export const AUDIT_OUTCOMES = ['ALLOWED', 'DENIED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_MAX_PAGE_SIZE = 100;

const NAME_RE = /^[A-Za-z0-9._-]+$/;

const nameSchema = z.string().trim().min(1).max(100).regex(NAME_RE, { error: 'invalid' });

export const auditFiltersSchema = z
  .strictObject({
    from: calendarDateSchema.optional(),
    to: calendarDateSchema.optional(),
    actorEmail: z.string().trim().toLowerCase().min(1).max(254).optional(),
    action: nameSchema.optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    entityType: nameSchema.optional(),
    cursor: z.string().min(1).max(200).optional(),
    limit: z.number().int().min(1).max(AUDIT_MAX_PAGE_SIZE).default(AUDIT_PAGE_SIZE),
  })
  .superRefine((v, ctx) => {
    if (typeof v.from === 'string' && typeof v.to === 'string' && v.from > v.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'toBeforeFrom' });
    }
  });

export type AuditFiltersInput = z.input<typeof auditFiltersSchema>;
export type AuditFilters = z.output<typeof auditFiltersSchema>;

/** The URL parameter of each filter (the page's links and its filter form use these names). */
export const AUDIT_PARAMS = ['from', 'to', 'actor', 'action', 'outcome', 'entity', 'cursor'] as const;
type AuditParam = (typeof AUDIT_PARAMS)[number];

const PARAM_TO_FIELD: Record<AuditParam, keyof AuditFiltersInput> = {
  from: 'from',
  to: 'to',
  actor: 'actorEmail',
  action: 'action',
  outcome: 'outcome',
  entity: 'entityType',
  cursor: 'cursor',
};

export interface ParsedAuditParams {
  filters: AuditFilters;
  /** URL parameters that were present but invalid (and so ignored), for a warning. */
  invalid: string[];
}

/**
 * Reads the filters from the page's search params. A bad parameter is dropped (and named in
 * `invalid`) rather than failing the page: a hand-edited URL still shows the log.
 */
export function parseAuditParams(params: Record<string, string | string[] | undefined>): ParsedAuditParams {
  const raw: Record<string, string> = {};
  for (const param of AUDIT_PARAMS) {
    const value = params[param];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first.trim() !== '') raw[PARAM_TO_FIELD[param]] = first;
  }
  const invalid: string[] = [];
  for (;;) {
    const result = auditFiltersSchema.safeParse(raw);
    if (result.success) return { filters: result.data, invalid };
    const fields = new Set(result.error.issues.map((i) => String(i.path[0] ?? '')));
    let dropped = false;
    for (const [param, field] of Object.entries(PARAM_TO_FIELD)) {
      if (fields.has(field) && field in raw) {
        delete raw[field];
        invalid.push(param);
        dropped = true;
      }
    }
    // Nothing left to drop means the issue is not tied to a parameter; show the unfiltered log.
    if (!dropped) return { filters: auditFiltersSchema.parse({}), invalid };
  }
}

/** The search params for a set of filters (empty ones left out), for links and the filter form. */
export function auditSearchParams(filters: Partial<AuditFilters>): URLSearchParams {
  const out = new URLSearchParams();
  for (const param of AUDIT_PARAMS) {
    const value = filters[PARAM_TO_FIELD[param] as keyof AuditFilters];
    if (value !== undefined && value !== null && value !== '') out.set(param, String(value));
  }
  return out;
}
