import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { calendarDateSchema, optionalHttpUrlSchema, optionalTextSchema, programSlugSchema, requiredTextSchema } from './fields';
import { describeIssue, issuesFromDetails, parseInput, type IssueTranslator } from './validation';

const schema = z.strictObject({
  title: requiredTextSchema(10),
  reason: z.string().trim().min(5).max(20),
  count: z.number().int().min(1).max(9),
  tags: z.array(z.string()).min(1).max(2),
  date: calendarDateSchema,
  slug: programSlugSchema,
  note: optionalTextSchema(5),
  url: optionalHttpUrlSchema,
  kind: z.enum(['A', 'B']),
});

describe('parseInput', () => {
  it('names each field at fault with a stable code and its values', () => {
    const result = parseInput(schema, {
      title: '   ',
      reason: 'abc',
      count: 12,
      tags: ['a', 'b', 'c'],
      date: '2021-02-30',
      slug: 'Bad',
      note: '123456',
      url: 'javascript:alert(1)',
      extra: true,
    });
    expect(result).toEqual({
      success: false,
      issues: [
        { path: 'title', code: 'required' },
        { path: 'reason', code: 'tooShort', values: { min: 5 } },
        { path: 'count', code: 'tooLarge', values: { max: 9 } },
        { path: 'tags', code: 'tooMany', values: { max: 2 } },
        { path: 'date', code: 'dateFormat' },
        { path: 'slug', code: 'slugFormat' },
        { path: 'note', code: 'tooLong', values: { max: 5 } },
        { path: 'url', code: 'urlScheme' },
        { path: 'kind', code: 'required' },
        { path: 'extra', code: 'unknownField', values: { field: 'extra' } },
      ],
    });
  });

  it('calls a missing or blank value "required" whatever check it fails', () => {
    const result = parseInput(schema, { reason: '', count: null, tags: [], date: undefined, kind: '' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const byPath = Object.fromEntries(result.issues.map((i) => [i.path, i.code]));
    expect(byPath).toMatchObject({ title: 'required', reason: 'required', count: 'required', tags: 'required', date: 'required', kind: 'required' });
  });

  it('normalises blanks to null and keeps dates within 2000-2099', () => {
    const ok = parseInput(schema, { title: ' t ', reason: 'enough', count: 3, tags: ['x'], date: '2021-10-02', slug: 'ab', note: '  ', url: '', kind: 'A' });
    expect(ok).toEqual({
      success: true,
      data: { title: 't', reason: 'enough', count: 3, tags: ['x'], date: '2021-10-02', slug: 'ab', note: null, url: null, kind: 'A' },
    });
    expect(parseInput(calendarDateSchema, '2201-10-02')).toEqual({ success: false, issues: [{ path: '', code: 'dateOutOfRange' }] });
  });

  it('never throws, even on hostile input', () => {
    const hostile: unknown[] = [undefined, null, 42, 'x', [], Symbol('s'), () => 1, Object.create(null), new Proxy({}, {}), { __proto__: { title: 'x' } }];
    for (const value of hostile) expect(() => parseInput(schema, value)).not.toThrow();
  });
});

describe('describeIssue and issuesFromDetails', () => {
  const messages: Record<string, string> = { invalid: 'invalid!', tooLong: 'max {max}' };
  const t = Object.assign((key: string, values?: Record<string, string | number>) => (messages[key] ?? key).replace('{max}', String(values?.max)), {
    has: (key: string) => key in messages,
  }) as IssueTranslator;

  it('describes known codes with values and falls back to "invalid"', () => {
    expect(describeIssue(t, { path: 'a', code: 'tooLong', values: { max: 3 } })).toBe('max 3');
    expect(describeIssue(t, { path: 'a', code: 'somethingNew' })).toBe('invalid!');
  });

  it('reads only well-formed issues out of error details', () => {
    expect(issuesFromDetails({ issues: [{ path: 'a', code: 'b' }, { path: 1 }, null, 'x'] })).toEqual([{ path: 'a', code: 'b' }]);
    for (const details of [undefined, null, 'x', { issues: 'no' }, { currentVersion: 2 }]) expect(issuesFromDetails(details)).toEqual([]);
  });
});
