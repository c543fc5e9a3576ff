/**
 * Field schemas shared by the admin forms, their Server Actions and the API. Browser-safe (no
 * server imports): the forms validate with the very schemas the mutations enforce.
 *
 * Error messages are issue codes (described under `validation` in the message files, see
 * lib/forms/validation.ts), never prose, so the same issue reads well in every language.
 */
import { z } from 'zod';
import { PROGRAM_SLUG_RE } from '../programs/slug';
import { isIsoDate } from '../time';
import { isHttpUrl } from '../url';

/** Dates outside this window are typos (2201 for 2021), not plans. */
export const MIN_CALENDAR_DATE = '2000-01-01';
export const MAX_CALENDAR_DATE = '2099-12-31';

/** A Shanghai calendar date `YYYY-MM-DD` between MIN_CALENDAR_DATE and MAX_CALENDAR_DATE. */
export const calendarDateSchema = z
  .string()
  .refine(isIsoDate, { error: 'dateFormat', abort: true })
  .refine((v) => v >= MIN_CALENDAR_DATE && v <= MAX_CALENDAR_DATE, { error: 'dateOutOfRange' });

/** Required single-line text, trimmed, 1..max characters. */
export function requiredTextSchema(max: number) {
  return z.string().trim().min(1).max(max);
}

/** Optional text: missing, null or blank all become null; otherwise trimmed, at most `max` characters. */
export function optionalTextSchema(max: number) {
  return z
    .union([z.null(), z.string().trim().max(max)])
    .optional()
    .transform((v) => (v ? v : null));
}

export const MAX_URL_LENGTH = 2000;

/**
 * An optional http(s) link (javascript:, data:, file: and the like are refused because the link is
 * rendered as an anchor). Missing, null or blank become null.
 */
export const optionalHttpUrlSchema = z
  .union([
    z.null(),
    z
      .string()
      .trim()
      .max(MAX_URL_LENGTH)
      .pipe(z.union([z.literal(''), z.string().refine(isHttpUrl, { error: 'urlScheme' })])),
  ])
  .optional()
  .transform((v) => (v ? v : null));

/** A database id (cuid) sent back by a form. */
export const idSchema = z.string().min(1).max(64);

/** An optimistic-locking version as the form loaded it. */
export const versionSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** A program's URL name: lower-case letters, digits and hyphens, 2-64 characters. */
export const programSlugSchema = z.string().trim().regex(PROGRAM_SLUG_RE, { error: 'slugFormat' });
