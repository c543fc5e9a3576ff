/**
 * The API's request schemas fed arbitrary input (fast-check, fixed seed, 1,000 runs): they never
 * throw, never let an unknown field through, and whatever they accept stays within the documented
 * limits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, ROLLOUT_STATUSES } from '../status/schema';
import { HISTORY_MAX_LIMIT, cityListQuerySchema, coverageQuerySchema, historyQuerySchema, statusPatchSchema } from './schemas';

const FIELDS = ['version', 'status', 'plannedDate', 'liveDate', 'evidenceUrl', 'note'];

const patchBody = fc.dictionary(
  fc.oneof(fc.constantFrom(...FIELDS, 'verified', 'institutionId', '__proto__', 'constructor'), fc.string({ maxLength: 12 })),
  fc.oneof(
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(...ROLLOUT_STATUSES, '2021-10-02', '2999-01-01', 'https://example.cn/a', 'javascript:alert(1)', ''),
    fc.string({ maxLength: 3000 }),
  ),
  { maxKeys: 8 },
);

describe('PATCH body (statusPatchSchema)', () => {
  it('never throws, refuses unknown fields, and keeps accepted values within the limits', () => {
    fc.assert(
      fc.property(patchBody, (body) => {
        const result = statusPatchSchema.safeParse(body);
        const unknown = Object.keys(body).filter((k) => !FIELDS.includes(k));
        if (unknown.length > 0) expect(result.success).toBe(false);
        if (!result.success) return;
        const v = result.data;
        expect(Number.isInteger(v.version) && v.version >= 1 && v.version <= LIMITS.maxVersion).toBe(true);
        if (v.status !== undefined) expect(ROLLOUT_STATUSES).toContain(v.status);
        for (const d of [v.plannedDate, v.liveDate]) if (typeof d === 'string') expect(d >= LIMITS.minDate && d <= LIMITS.maxDate).toBe(true);
        if (typeof v.note === 'string') expect(v.note.length).toBeLessThanOrEqual(LIMITS.noteMax);
        if (typeof v.evidenceUrl === 'string') expect(v.evidenceUrl).toMatch(/^https?:\/\//i);
      }),
      { seed: 20211202, numRuns: 1000 },
    );
  });

  it('accepts a version alone (a confirmation) and the fields of the form', () => {
    expect(statusPatchSchema.safeParse({ version: 3 }).success).toBe(true);
    expect(statusPatchSchema.safeParse({ version: 3, status: 'LIVE', liveDate: '2021-10-02', note: '已上线' }).success).toBe(true);
    expect(statusPatchSchema.safeParse({ version: 3, verified: true }).success).toBe(false);
    expect(statusPatchSchema.safeParse({ status: 'LIVE' }).success).toBe(false);
  });
});

describe('query schemas', () => {
  const query = fc.dictionary(fc.oneof(fc.constantFrom('asOf', 'province', 'status', 'from', 'to', 'limit', 'cursor'), fc.string({ maxLength: 8 })), fc.string({ maxLength: 40 }), {
    maxKeys: 5,
  });

  it('never throw and bound what they accept', () => {
    fc.assert(
      fc.property(query, (q) => {
        const coverage = coverageQuerySchema.safeParse(q);
        if (coverage.success && coverage.data.asOf) expect(coverage.data.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const cities = cityListQuerySchema.safeParse(q);
        if (cities.success && cities.data.province) expect(cities.data.province).toMatch(/^\d{2}$/);
        const history = historyQuerySchema.safeParse(q);
        if (history.success) expect(history.data.limit >= 1 && history.data.limit <= HISTORY_MAX_LIMIT).toBe(true);
      }),
      { seed: 20211002, numRuns: 1000 },
    );
  });

  it('refuse impossible dates and unknown parameters', () => {
    expect(coverageQuerySchema.safeParse({ asOf: '2021-02-29' }).success).toBe(false);
    expect(coverageQuerySchema.safeParse({ asOf: '2020-02-29' }).success).toBe(true);
    expect(cityListQuerySchema.safeParse({ colour: 'red' }).success).toBe(false);
    expect(historyQuerySchema.parse({}).limit).toBe(200);
    expect(historyQuerySchema.safeParse({ from: '2021-10-02T10:00:00+08:00' }).success).toBe(true);
    expect(historyQuerySchema.safeParse({ from: '2021-10-02T10:00:00' }).success).toBe(false);
  });
});
