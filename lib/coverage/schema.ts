import { z } from 'zod';
import { PROGRAM_SLUG_RE } from '../programs/slug';
import { isIsoDate } from '../time';

export const programSlug = z.string().regex(PROGRAM_SLUG_RE, 'unknown program');
export const isoDate = z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD');
export const provinceCode = z.string().regex(/^\d{2}$/, 'must be a two-digit province code');

/** Query of GET /api/coverage: the dashboard's view as the timeline scrubs. */
export const coverageQuery = z
  .object({
    program: programSlug,
    asOf: isoDate,
    province: provinceCode.optional(),
    /** `cities`: also every city's status, for the national city layer. */
    layer: z.enum(['provinces', 'cities']).optional(),
  })
  .strict();
