import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  endOfShanghaiDay,
  formatShanghaiInstant,
  isIsoDate,
  startOfShanghaiDay,
  toShanghaiDate,
  toShanghaiIso,
} from './time';

describe('Shanghai calendar dates', () => {
  it('rejects impossible and malformed dates', () => {
    expect(isIsoDate('2021-10-02')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2021-13-01')).toBe(false);
    expect(isIsoDate('2021-1-1')).toBe(false);
    expect(isIsoDate('2021-10-02T00:00')).toBe(false);
  });

  it('puts 23:30 UTC into the next Shanghai day', () => {
    expect(toShanghaiDate(new Date('2021-10-01T15:59:59Z'))).toBe('2021-10-01');
    expect(toShanghaiDate(new Date('2021-10-01T16:00:00Z'))).toBe('2021-10-02');
  });

  it('shows an instant on the Shanghai wall clock, with an offset that parses back to the same instant', () => {
    const instant = new Date('2021-12-01T18:30:00Z');
    const iso = toShanghaiIso(instant);
    expect(iso).toBe('2021-12-02T02:30:00.000+08:00');
    expect(new Date(iso).getTime()).toBe(instant.getTime());
    expect(formatShanghaiInstant(instant)).toBe('2021-12-02 02:30:00');
  });

  it('bounds a day at Shanghai midnight whatever the process TZ', () => {
    expect(startOfShanghaiDay('2021-10-02').toISOString()).toBe('2021-10-01T16:00:00.000Z');
    expect(endOfShanghaiDay('2021-10-02').toISOString()).toBe('2021-10-02T16:00:00.000Z');
    expect(() => startOfShanghaiDay('2021-02-30')).toThrow(RangeError);
  });

  it('adds and counts days across month and year ends', () => {
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(daysBetween('2021-12-02', '2022-03-31')).toBe(119);
    expect(daysBetween('2022-03-31', '2021-12-02')).toBe(-119);
  });
});
