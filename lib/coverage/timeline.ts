/**
 * The timeline's steps: weekly (Mondays, Shanghai) from the program's start to its end, plus the
 * end itself. Pure, so the slider and the tests agree on every step.
 */
import { addDays, daysBetween } from '../time';

/** Monday on or before a date (1970-01-05 was a Monday). */
export function mondayOf(date: string): string {
  const offset = ((daysBetween('1970-01-05', date) % 7) + 7) % 7;
  return addDays(date, -offset);
}

export function weeklySteps(start: string, end: string): string[] {
  if (daysBetween(start, end) < 0) return [end];
  const steps: string[] = [start];
  for (let d = addDays(mondayOf(start), 7); daysBetween(d, end) > 0; d = addDays(d, 7)) steps.push(d);
  if (steps[steps.length - 1] !== end) steps.push(end);
  return steps;
}

/**
 * Weekly steps plus the dates people look for (annotated public facts, target dates), so that
 * "2021-10-02" can be reached by scrubbing even though it is a Saturday.
 */
export function timelineSteps(start: string, end: string, keyDates: readonly string[]): string[] {
  const set = new Set(weeklySteps(start, end));
  for (const d of keyDates) if (d >= start && d <= end) set.add(d);
  return [...set].sort();
}

/** Where the timeline ends: today for a rollout in flight, else a little after its last change or target. */
export function timelineEnd(opts: { today: string; lastChange: string | null; targetDate: string }): string {
  const latest = opts.lastChange && opts.lastChange > opts.targetDate ? opts.lastChange : opts.targetDate;
  return latest < opts.today ? latest : opts.today;
}

/** The step at or before a date (the slider position for a date between steps). */
export function stepIndexOf(steps: readonly string[], date: string): number {
  let index = 0;
  for (let i = 0; i < steps.length; i++) if (steps[i]! <= date) index = i;
  return index;
}
