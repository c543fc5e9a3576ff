/**
 * Calendar dates are Asia/Shanghai dates, stored as `YYYY-MM-DD` strings. China has used UTC+8
 * without daylight saving since 1991, so the offset is a constant and results do not depend on
 * the server's TZ.
 */
const SHANGHAI_OFFSET = '+08:00';
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form (rejects 2021-02-30). */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The Shanghai calendar date of an instant. */
export function toShanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function todayInShanghai(now: Date = new Date()): string {
  return toShanghaiDate(now);
}

/** The instant a Shanghai calendar date starts. */
export function startOfShanghaiDay(date: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return new Date(`${date}T00:00:00${SHANGHAI_OFFSET}`);
}

/** The first instant after a Shanghai calendar date: "as of D" includes everything before it. */
export function endOfShanghaiDay(date: string): Date {
  return new Date(startOfShanghaiDay(date).getTime() + DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}
