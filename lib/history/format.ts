/**
 * Small pure helpers shared by the history, city and institution views. Kept free of the database
 * so client components and tests can use them.
 */
import { daysBetween, toShanghaiDate } from '../time';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * An instant as ISO 8601 in Shanghai time with its offset ("2021-10-02T10:00:00.000+08:00"), so a
 * reader of the JSON sees the same wall-clock time as the page, and `new Date()` still parses it.
 */
export function toShanghaiIso(instant: Date): string {
  return `${new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 23)}+08:00`;
}

/**
 * Evidence and source links are typed in by partners and importers: only plain http(s) URLs may
 * become clickable, never `javascript:`, `data:` or relative links.
 */
export function isSafeHttpUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export interface Staleness {
  /** Whole Shanghai calendar days since the last confirmation; null when never confirmed. */
  daysSinceConfirmed: number | null;
  /** Not confirmed within the program's `staleAfterDays` (never confirmed counts as stale). */
  isStale: boolean;
}

/**
 * A row is stale when its last confirmation lies more than `staleAfterDays` calendar days before
 * `today`: confirmed on 2021-12-02 with 30 days is fresh through 2022-01-01, stale from 2022-01-02.
 */
export function assessStaleness(lastConfirmedAt: Date | null, staleAfterDays: number, today: string): Staleness {
  if (!lastConfirmedAt) return { daysSinceConfirmed: null, isStale: true };
  const days = daysBetween(toShanghaiDate(lastConfirmedAt), today);
  return { daysSinceConfirmed: Math.max(0, days), isStale: days > staleAfterDays };
}
