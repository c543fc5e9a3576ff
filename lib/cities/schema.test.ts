import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEARCH_QUERY_MAX, searchQuery } from './schema';

describe('searchQuery', () => {
  it('never throws on arbitrary input, and accepts only trimmed terms of 1-40 characters', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.anything()), (q) => {
        const result = searchQuery.safeParse({ q });
        if (result.success) {
          expect(result.data.q.length).toBeGreaterThanOrEqual(1);
          expect(result.data.q.length).toBeLessThanOrEqual(SEARCH_QUERY_MAX);
          expect(result.data.q).toBe(result.data.q.trim());
        }
      }),
      { seed: 20211202, numRuns: 1000 },
    );
  });

  it('trims and keeps Chinese, pinyin and codes', () => {
    expect(searchQuery.parse({ q: '  深圳 ' }).q).toBe('深圳');
    expect(searchQuery.parse({ q: 'shenzhen' }).q).toBe('shenzhen');
    expect(searchQuery.safeParse({ q: '' }).success).toBe(false);
    expect(searchQuery.safeParse({ q: 'x'.repeat(41) }).success).toBe(false);
    expect(searchQuery.safeParse({}).success).toBe(false);
  });
});
