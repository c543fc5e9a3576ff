import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { addDays, isIsoDate, todayInShanghai } from '../time';
import { isHttpUrl } from '../url';
import {
  LIMITS,
  ROLLOUT_STATUSES,
  bulkCityStatusUpdate,
  cityStatusUpdate,
  hasForbiddenChars,
  institutionStatusUpdate,
  resolveStatusUpdate,
  statusConfirm,
  statusVerify,
  type StatusFields,
} from './schema';
import { parseInput } from '../forms/validation';

type Tree = { [key: string]: string | Tree };
function hasKey(tree: Tree, key: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return false;
    node = node[part];
  }
  return typeof node === 'string';
}

/** Field path ('' for the whole input) -> issue code. */
function errorsOf(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = parseInput(schema, value);
  return result.success ? {} : Object.fromEntries(result.issues.map((i) => [i.path, i.code]));
}

const today = todayInShanghai();

describe('status update schema', () => {
  it('accepts a normal edit and normalises blanks to null', () => {
    const r = cityStatusUpdate.parse({ version: 3, status: 'PLANNED', plannedDate: '2022-03-31', liveDate: '', note: '  首批  ', evidenceUrl: '' });
    expect(r).toEqual({ version: 3, status: 'PLANNED', plannedDate: '2022-03-31', liveDate: null, note: '首批', evidenceUrl: null });
  });

  it('refuses mass-assignment fields by name', () => {
    for (const extra of ['institutionId', 'institutionCode', 'verified', 'createdBy', 'updatedById', 'programId', 'id']) {
      const errors = errorsOf(cityStatusUpdate, { version: 1, status: 'LIVE', liveDate: '2021-10-02', [extra]: 'x' });
      expect(errors[extra], extra).toBe('unknownField');
    }
    // A bulk update names each city's version; a top-level one is refused.
    const bulk = bulkCityStatusUpdate.safeParse({ version: 1, cities: [{ code: '4403', version: 1 }], status: 'PILOT' });
    expect(bulk.success).toBe(false);
    expect(errorsOf(bulkCityStatusUpdate, { version: 1, cities: [{ code: '4403', version: 1 }], status: 'PILOT' }).version).toBe('unknownField');
  });

  it('needs a version and at least one field', () => {
    expect(errorsOf(cityStatusUpdate, { status: 'LIVE' }).version).toBe('versionInvalid');
    expect(errorsOf(cityStatusUpdate, { version: 0, status: 'LIVE' }).version).toBe('versionInvalid');
    expect(errorsOf(cityStatusUpdate, { version: 1.5, status: 'LIVE' }).version).toBe('versionInvalid');
    expect(errorsOf(cityStatusUpdate, { version: 1 })['']).toBe('nothingToUpdate');
  });

  it('checks dates: real days, range, live date not after today in Shanghai', () => {
    expect(errorsOf(cityStatusUpdate, { version: 1, plannedDate: '2021-02-30' }).plannedDate).toBe('dateFormat');
    expect(errorsOf(cityStatusUpdate, { version: 1, plannedDate: '2021/10/02' }).plannedDate).toBe('dateFormat');
    expect(errorsOf(cityStatusUpdate, { version: 1, plannedDate: '1999-12-31' }).plannedDate).toBe('dateOutOfRange');
    expect(errorsOf(cityStatusUpdate, { version: 1, status: 'LIVE', liveDate: addDays(today, 1) }).liveDate).toBe(
      'liveDateInFuture',
    );
    expect(cityStatusUpdate.safeParse({ version: 1, status: 'LIVE', liveDate: today }).success).toBe(true);
    expect(cityStatusUpdate.safeParse({ version: 1, plannedDate: addDays(today, 400) }).success).toBe(true);
  });

  it('cross-field: LIVE needs a live date; only LIVE and PAUSED have one', () => {
    expect(errorsOf(cityStatusUpdate, { version: 1, status: 'LIVE', liveDate: null }).liveDate).toBe('liveDateRequired');
    expect(errorsOf(cityStatusUpdate, { version: 1, status: 'PILOT', liveDate: '2021-01-01' }).liveDate).toBe(
      'liveDateNotAllowed',
    );
    expect(cityStatusUpdate.safeParse({ version: 1, status: 'PAUSED', liveDate: '2021-01-01' }).success).toBe(true);
  });

  it('evidence links: http(s) only, at most 2,048 characters', () => {
    for (const bad of ['javascript:alert(1)', 'ftp://example.com/x', 'data:text/html,x', '//example.com', 'http://', 'https://exa mple.com']) {
      expect(errorsOf(cityStatusUpdate, { version: 1, evidenceUrl: bad }).evidenceUrl, bad).toBe('urlInvalid');
    }
    const long = `https://example.com/${'a'.repeat(LIMITS.urlMax)}`;
    expect(errorsOf(cityStatusUpdate, { version: 1, evidenceUrl: long }).evidenceUrl).toBe('urlTooLong');
    expect(cityStatusUpdate.safeParse({ version: 1, evidenceUrl: 'https://www.alipay.com/公告?id=1' }).success).toBe(true);
  });

  it('notes: at most 2,000 characters, no control characters (PostgreSQL cannot store NUL)', () => {
    expect(cityStatusUpdate.safeParse({ version: 1, note: '互'.repeat(2000) }).success).toBe(true);
    expect(errorsOf(cityStatusUpdate, { version: 1, note: '互'.repeat(2001) }).note).toBe('noteTooLong');
    expect(errorsOf(cityStatusUpdate, { version: 1, note: 'a\u0000b' }).note).toBe('controlChars');
    expect(cityStatusUpdate.safeParse({ version: 1, note: '第一行\n第二行\t完' }).success).toBe(true);
  });

  it('confirm and verify forms carry nothing but the version', () => {
    expect(statusConfirm.safeParse({ version: 2, confirm: true }).success).toBe(true);
    expect(statusConfirm.safeParse({ version: 2, confirm: false }).success).toBe(false);
    expect(statusConfirm.safeParse({ version: 2, confirm: true, note: 'x' }).success).toBe(false);
    expect(statusVerify.safeParse({ version: 2 }).success).toBe(true);
    expect(statusVerify.safeParse({ version: 2, verified: true }).success).toBe(false);
  });

  it('non-object input gives a form-level code, not a zod sentence', () => {
    for (const v of [null, 'x', 3, [], undefined]) expect(errorsOf(cityStatusUpdate, v)['']).toBe('invalid');
  });
});

describe('resolveStatusUpdate (merge with the current row)', () => {
  const planned: StatusFields = { status: 'PLANNED', plannedDate: '2021-11-01', liveDate: null, evidenceUrl: null, note: null };
  const live: StatusFields = { status: 'LIVE', plannedDate: null, liveDate: '2021-10-02', evidenceUrl: null, note: null };

  it('LIVE without a live date: keeps the existing one, else today', () => {
    expect(resolveStatusUpdate(planned, { status: 'LIVE' }, '2021-11-05').next.liveDate).toBe('2021-11-05');
    const paused = { ...live, status: 'PAUSED' as const };
    expect(resolveStatusUpdate(paused, { status: 'LIVE' }, '2021-11-05').next.liveDate).toBe('2021-10-02');
  });

  it('moving back to a non-live status clears the live date; sending one is an error', () => {
    const r = resolveStatusUpdate(live, { status: 'IN_PROGRESS' }, '2021-11-05');
    expect(r.next.liveDate).toBeNull();
    expect(r.changed.sort()).toEqual(['liveDate', 'status']);
    expect(resolveStatusUpdate(planned, { liveDate: '2021-10-01' }).errors.liveDate).toBe('liveDateNotAllowed');
  });

  it('lists exactly the changed fields', () => {
    expect(resolveStatusUpdate(planned, { status: 'PLANNED', note: null }).changed).toEqual([]);
    expect(resolveStatusUpdate(planned, { note: '备注' }).changed).toEqual(['note']);
  });
});

describe('every status schema on arbitrary input (fast-check, 1,000 runs, fixed seed)', () => {
  const dateLike = fc.oneof(
    fc.date({ min: new Date('1990-01-01'), max: new Date('2110-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.string(),
    fc.constant(null),
    fc.constant(''),
  );
  const text = fc.oneof(fc.string({ maxLength: 2100 }), fc.string({ unit: 'binary', maxLength: 50 }), fc.constant(null));
  const url = fc.oneof(fc.webUrl(), fc.string(), fc.constant('https://example.com/' + 'x'.repeat(2040)), fc.constant(null));
  const fields = {
    version: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(1)),
    status: fc.oneof(fc.constantFrom(...ROLLOUT_STATUSES), fc.string()),
    plannedDate: dateLike,
    liveDate: dateLike,
    evidenceUrl: url,
    note: text,
    verified: fc.boolean(),
  };
  const nearlyValid = fc.record(fields, { requiredKeys: [] });
  const input = fc.oneof(nearlyValid, fc.anything());
  const messages = [zhCN as Tree, en as Tree];

  function checkAccepted(v: Record<string, unknown>) {
    expect(Number.isInteger(v.version) && (v.version as number) >= 1 && (v.version as number) <= LIMITS.maxVersion).toBe(true);
    if (v.status !== undefined) expect(ROLLOUT_STATUSES).toContain(v.status);
    for (const f of ['plannedDate', 'liveDate'] as const) {
      const d = v[f];
      if (typeof d === 'string') expect(isIsoDate(d) && d >= LIMITS.minDate && d <= LIMITS.maxDate).toBe(true);
      else expect(d === null || d === undefined).toBe(true);
    }
    if (typeof v.liveDate === 'string') expect(v.liveDate <= todayInShanghai()).toBe(true);
    if (typeof v.evidenceUrl === 'string') expect(v.evidenceUrl.length <= LIMITS.urlMax && isHttpUrl(v.evidenceUrl)).toBe(true);
    if (typeof v.note === 'string') expect(v.note.length <= LIMITS.noteMax && !hasForbiddenChars(v.note) && v.note.trim() === v.note).toBe(true);
    expect('verified' in v).toBe(false);
  }

  const schemas = { cityStatusUpdate, institutionStatusUpdate, statusConfirm, statusVerify, bulkCityStatusUpdate };
  it.each(Object.entries(schemas))('%s never throws; accepted values keep the limits; every issue code has a sentence in both languages', (name, schema) => {
    let accepted = 0;
    const arbitrary =
      name === 'bulkCityStatusUpdate'
        ? fc.oneof(fc.record({ status: fields.status, plannedDate: fields.plannedDate, liveDate: fields.liveDate, note: fields.note, cities: fc.array(fc.record({ code: fc.oneof(fc.stringMatching(/^[0-9]{4}$/), fc.string()), version: fields.version }), { maxLength: 5 }) }, { requiredKeys: [] }), fc.anything())
        : name === 'statusConfirm'
          ? fc.oneof(fc.record({ version: fields.version, confirm: fc.oneof(fc.boolean(), fc.anything()) }, { requiredKeys: [] }), input)
          : name === 'statusVerify'
            ? fc.oneof(fc.record({ version: fields.version }, { requiredKeys: [] }), input)
            : input;
    fc.assert(
      fc.property(arbitrary, (value) => {
        const result = schema.safeParse(value);
        if (result.success) {
          accepted++;
          const v = result.data as Record<string, unknown>;
          if (name === 'bulkCityStatusUpdate') {
            for (const c of v.cities as Array<{ version: number }>) checkAccepted({ ...c });
            checkAccepted({ ...v, version: 1, cities: undefined });
          } else if (name !== 'statusConfirm' && name !== 'statusVerify') {
            checkAccepted(v);
          }
        } else {
          for (const code of Object.values(errorsOf(schema, value))) {
            for (const m of messages) expect(hasKey(m, `validation.${code}`), code).toBe(true);
          }
        }
      }),
      { numRuns: 1000, seed: 20211202 },
    );
    // The test would prove nothing if the generator never produced an acceptable value.
    expect(accepted).toBeGreaterThan(0);
  }, 60_000);
});
