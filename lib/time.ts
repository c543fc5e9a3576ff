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

/** `YYYY-MM-DDTHH:mm:ss.sss` as a clock in Shanghai shows the instant. */
function shanghaiWallClock(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 23);
}

/** The Shanghai calendar date of an instant. */
export function toShanghaiDate(instant: Date): string {
  return shanghaiWallClock(instant).slice(0, 10);
}

/**
 * An instant as ISO 8601 in Shanghai time with its offset ("2021-10-02T10:00:00.000+08:00"), so a
 * reader of the JSON sees the same wall-clock time as the page, and `new Date()` still parses it.
 */
export function toShanghaiIso(instant: Date): string {
  return `${shanghaiWallClock(instant)}${SHANGHAI_OFFSET}`;
}

/** `YYYY-MM-DD HH:mm:ss` in Shanghai, for tables and audit lines. */
export function formatShanghaiInstant(instant: Date): string {
  return shanghaiWallClock(instant).slice(0, 19).replace('T', ' ');
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
