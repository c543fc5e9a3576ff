import { describe, expect, it } from 'vitest';
import { formatTable, median, percentile, toKb, verdictOf, type Figure } from './report';

describe('benchmark report', () => {
  it('passes a size equal to its budget but not a time equal to its target', () => {
    const size: Figure = { name: 'js', value: 450, unit: 'kB', target: 450 };
    const time: Figure = { name: 'q', value: 50, unit: 'ms', target: 50, comparison: 'below' };
    expect(verdictOf(size)).toBe('pass');
    expect(verdictOf(time)).toBe('FAIL');
    expect(verdictOf({ ...time, value: 49.9 })).toBe('pass');
  });

  it('passes a score or a share that reaches its target, and prints it with its unit', () => {
    const score: Figure = { name: 'lighthouse', value: 90, unit: 'score', target: 90, comparison: 'atLeast' };
    expect(verdictOf(score)).toBe('pass');
    expect(verdictOf({ ...score, value: 89 })).toBe('FAIL');
    const share: Figure = { name: 'coverage API', value: 49.9, unit: '%', target: 50, comparison: 'atLeast' };
    expect(verdictOf(share)).toBe('FAIL');
    const table = formatTable([score, share]).split('\n');
    expect(table[2]).toMatch(/lighthouse\s+90\s+>= 90\s+pass/);
    expect(table[3]).toMatch(/coverage API\s+49\.9 %\s+>= 50\.0 %\s+FAIL/);
  });

  it('fails a figure that could not be measured, and never fails one without a target', () => {
    expect(verdictOf({ name: 'x', value: null, unit: 'ms', target: 50 })).toBe('FAIL');
    expect(verdictOf({ name: 'x', value: 9_999, unit: 'ms', target: null })).toBe('info');
  });

  it('takes the nearest-rank percentile and the middle of a sample', () => {
    const sample = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(sample, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });

  it('prints decimal kilobytes and one row per figure with its verdict', () => {
    expect(toKb(777_481)).toBe(777.5);
    const table = formatTable([
      { name: 'dashboard JS', value: 777.5, unit: 'kB', target: 450, note: 'gzip' },
      { name: 'as-of', value: 20.2, unit: 'ms', target: 50, comparison: 'below' },
    ]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[2]).toMatch(/dashboard JS\s+777\.5 kB\s+<= 450\.0 kB\s+FAIL\s+gzip/);
    expect(table[3]).toMatch(/as-of\s+20\.2 ms\s+< 50\.0 ms\s+pass/);
  });
});
