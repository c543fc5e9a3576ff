/**
 * Date helpers of the demo data on top of lib/time.ts: calendar dates are `YYYY-MM-DD` strings,
 * which compare correctly as strings.
 */
import { startOfShanghaiDay } from '../../../lib/time';

const CHANGE_HOUR_MS = 10 * 60 * 60 * 1000;

/** 10:00 in Asia/Shanghai on a calendar date: when seeded changes take effect. */
export function changeInstant(date: string): Date {
  return new Date(startOfShanghaiDay(date).getTime() + CHANGE_HOUR_MS);
}

export function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}

export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

export function earliest(dates: readonly string[]): string {
  return dates.reduce(earlierOf);
}

export function latest(dates: readonly string[]): string {
  return dates.reduce(laterOf);
}
