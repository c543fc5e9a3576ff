/**
 * ISO 8601 weeks in Asia/Shanghai: a week runs from Monday 00:00 to Sunday 24:00 Shanghai time
 * and is named `YYYY-Www` after the year that holds its Thursday (so 2021-01-03 is in 2020-W53).
 *
 * Everything is arithmetic on `YYYY-MM-DD` strings through UTC dates (lib/time.ts does the same),
 * plus the constant +08:00 offset for instants, so the answers never depend on the server's TZ.
 */
import { addDays, endOfShanghaiDay, startOfShanghaiDay, toShanghaiDate } from '../time';

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_ID_RE = /^(\d{4})-W(\d{2})$/;

export interface IsoWeek {
  /** `2021-W39`. */
  id: string;
  year: number;
  week: number;
  /** The Monday, `YYYY-MM-DD`. */
  start: string;
  /** The Sunday, `YYYY-MM-DD`. */
  end: string;
}

function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Monday = 0 ... Sunday = 6. */
function weekdayIndex(date: string): number {
  return (utcDay(date).getUTCDay() + 6) % 7;
}

function mondayOf(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

/** Monday of week 1: the week holding 4 January. */
function firstMondayOf(year: number): string {
  return mondayOf(`${String(year).padStart(4, '0')}-01-04`);
}

export function formatWeekId(year: number, week: number): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

function build(year: number, week: number): IsoWeek {
  const start = addDays(firstMondayOf(year), (week - 1) * 7);
  return { id: formatWeekId(year, week), year, week, start, end: addDays(start, 6) };
}

/** The ISO week holding a Shanghai calendar date. */
export function isoWeekOfDate(date: string): IsoWeek {
  const thursday = addDays(mondayOf(date), 3);
  const year = utcDay(thursday).getUTCFullYear();
  const week = 1 + Math.round((utcDay(mondayOf(date)).getTime() - utcDay(firstMondayOf(year)).getTime()) / (7 * DAY_MS));
  return build(year, week);
}

/** The ISO week an instant falls in, on the Shanghai calendar. */
export function isoWeekOfInstant(instant: Date): IsoWeek {
  return isoWeekOfDate(toShanghaiDate(instant));
}

/** 52 or 53: the week holding 28 December is always the year's last. */
export function weeksInYear(year: number): number {
  return isoWeekOfDate(`${String(year).padStart(4, '0')}-12-28`).week;
}

/**
 * `2021-W39` to its week; null for anything else, including weeks the year does not have
 * (`2021-W53`, `2021-W00`, `2021-W99`) and lower-case or unpadded spellings.
 */
export function parseIsoWeek(value: string): IsoWeek | null {
  const m = WEEK_ID_RE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 1000 || week < 1 || week > weeksInYear(year)) return null;
  return build(year, week);
}

export function shiftIsoWeek(week: IsoWeek, weeks: number): IsoWeek {
  return isoWeekOfDate(addDays(week.start, weeks * 7));
}

/** Monday 00:00 Shanghai. */
export function weekStartsAt(week: IsoWeek): Date {
  return startOfShanghaiDay(week.start);
}

/** The instant after the week: Sunday 24:00 Shanghai, i.e. the next Monday 00:00. */
export function weekEndsAt(week: IsoWeek): Date {
  return endOfShanghaiDay(week.end);
}

/** A week is finished once Sunday 24:00 Shanghai has passed. */
export function isWeekFinished(week: IsoWeek, now: Date): boolean {
  return weekEndsAt(week).getTime() <= now.getTime();
}

/** The most recent week that has ended by `now`. */
export function lastFinishedWeek(now: Date): IsoWeek {
  return shiftIsoWeek(isoWeekOfInstant(now), -1);
}

/** Weeks from the one holding `from` through `to` (inclusive), newest first. */
export function listIsoWeeks(from: string, to: IsoWeek): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  for (let w = to; w.end >= from; w = shiftIsoWeek(w, -1)) weeks.push(w);
  return weeks;
}
