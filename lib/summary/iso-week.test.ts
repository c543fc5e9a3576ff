import { afterAll, describe, expect, it } from 'vitest';
import {
  isWeekFinished,
  isoWeekOfDate,
  isoWeekOfInstant,
  lastFinishedWeek,
  listIsoWeeks,
  parseIsoWeek,
  shiftIsoWeek,
  weekEndsAt,
  weekStartsAt,
  weeksInYear,
} from './iso-week';

const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});

// Node re-reads TZ when it is assigned, so one process can check every zone: the answers must
// not move with the server's zone.
describe.each(['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'])('ISO weeks with TZ=%s', (tz) => {
  const withTz = <T>(fn: () => T): T => {
    process.env.TZ = tz;
    return fn();
  };

  it('puts 2021-10-02 in 2021-W39 (Monday 2021-09-27 to Sunday 2021-10-03) and 2021-12-02 in 2021-W48', () =>
    withTz(() => {
      expect(isoWeekOfDate('2021-10-02')).toEqual({ id: '2021-W39', year: 2021, week: 39, start: '2021-09-27', end: '2021-10-03' });
      expect(isoWeekOfDate('2021-12-02')).toMatchObject({ id: '2021-W48', start: '2021-11-29', end: '2021-12-05' });
      expect(parseIsoWeek('2021-W40')).toMatchObject({ start: '2021-10-04', end: '2021-10-10' });
    }));

  it('names a week after the year of its Thursday at the turn of the year', () =>
    withTz(() => {
      expect(isoWeekOfDate('2021-01-03').id).toBe('2020-W53');
      expect(isoWeekOfDate('2021-01-04').id).toBe('2021-W01');
      expect(isoWeekOfDate('2019-12-30').id).toBe('2020-W01');
      expect(isoWeekOfDate('2024-12-30').id).toBe('2025-W01');
      expect(weeksInYear(2020)).toBe(53);
      expect(weeksInYear(2021)).toBe(52);
      expect(weeksInYear(2026)).toBe(53);
    }));

  it('refuses impossible and badly written weeks', () =>
    withTz(() => {
      for (const bad of ['2021-W99', '2021-W53', '2021-W00', '2021-w39', '2021-W9', '2021W39', '21-W39', '', '2021-W39 ']) {
        expect(parseIsoWeek(bad), bad).toBeNull();
      }
      expect(parseIsoWeek('2020-W53')).toMatchObject({ start: '2020-12-28', end: '2021-01-03' });
    }));

  it('starts a week at Monday 00:00 and ends it at Sunday 24:00 Shanghai time', () =>
    withTz(() => {
      const w39 = parseIsoWeek('2021-W39')!;
      expect(weekStartsAt(w39).toISOString()).toBe('2021-09-26T16:00:00.000Z');
      expect(weekEndsAt(w39).toISOString()).toBe('2021-10-03T16:00:00.000Z');
      // Sunday 23:59 Shanghai is still W39; a minute later is W40.
      expect(isoWeekOfInstant(new Date('2021-10-03T15:59:00Z')).id).toBe('2021-W39');
      expect(isoWeekOfInstant(new Date('2021-10-03T16:00:00Z')).id).toBe('2021-W40');
    }));

  it('counts a week finished only after Sunday 24:00 Shanghai', () =>
    withTz(() => {
      const w39 = parseIsoWeek('2021-W39')!;
      expect(isWeekFinished(w39, new Date('2021-10-03T15:59:59Z'))).toBe(false);
      expect(isWeekFinished(w39, new Date('2021-10-03T16:00:00Z'))).toBe(true);
      // Monday 01:00 Shanghai is still Sunday evening in Los Angeles: the week is over all the same.
      expect(lastFinishedWeek(new Date('2021-10-03T17:00:00Z')).id).toBe('2021-W39');
      expect(lastFinishedWeek(new Date('2021-10-03T15:00:00Z')).id).toBe('2021-W38');
    }));

  it('steps and lists weeks across a year boundary', () =>
    withTz(() => {
      const w = parseIsoWeek('2021-W01')!;
      expect(shiftIsoWeek(w, -1).id).toBe('2020-W53');
      expect(shiftIsoWeek(w, 52).id).toBe('2022-W01');
      expect(listIsoWeeks('2020-12-24', w).map((x) => x.id)).toEqual(['2021-W01', '2020-W53', '2020-W52']);
    }));
});
