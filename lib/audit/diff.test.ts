import { describe, expect, it } from 'vitest';
import { diffAuditValues } from './diff';

describe('diffAuditValues', () => {
  it('lists changed, added and removed leaves by path, skipping equal ones', () => {
    expect(
      diffAuditValues(
        { targetDate: '2022-03-31', nameZh: '甲', nested: { a: 1, b: [1, 2] }, gone: true },
        { targetDate: '2022-06-30', nameZh: '甲', nested: { a: 2, b: [1, 2, 3] }, reason: '推迟' },
      ),
    ).toEqual([
      { path: 'targetDate', kind: 'changed', before: '"2022-03-31"', after: '"2022-06-30"' },
      { path: 'nested.a', kind: 'changed', before: '1', after: '2' },
      { path: 'gone', kind: 'removed', before: 'true' },
      { path: 'nested.b.2', kind: 'added', after: '3' },
      { path: 'reason', kind: 'added', after: '"推迟"' },
    ]);
  });

  it('treats a missing side (creation, deletion, refusal) as all added or all removed', () => {
    expect(diffAuditValues(null, { slug: 'x' })).toEqual([{ path: 'slug', kind: 'added', after: '"x"' }]);
    expect(diffAuditValues({ slug: 'x' }, undefined)).toEqual([{ path: 'slug', kind: 'removed', before: '"x"' }]);
    expect(diffAuditValues(null, null)).toEqual([]);
  });

  it('tells null from a missing key, and keeps empty containers as values', () => {
    expect(diffAuditValues({ doneDate: null, tags: [] }, { doneDate: '2021-11-28', tags: [] })).toEqual([
      { path: 'doneDate', kind: 'changed', before: 'null', after: '"2021-11-28"' },
    ]);
  });
});
