import type { InteropMode } from '../generated/sqlite/enums';
import { isInteropMode } from '../programs/interop-modes';

export const DEFAULT_MODE: InteropMode = 'CONSUMER_SCANS';

/** The matrix's mode from the URL: the default when absent, and the raw value when it is not a mode. */
export function parseMatrixMode(value: string | string[] | undefined): { mode: InteropMode; invalidMode: string | null } {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return { mode: DEFAULT_MODE, invalidMode: null };
  return isInteropMode(raw) ? { mode: raw, invalidMode: null } : { mode: DEFAULT_MODE, invalidMode: raw.slice(0, 40) };
}

/**
 * The one timeline of all programs: from the earliest start to the latest change or target (today
 * at most, as for one program), with every program's key dates reachable.
 */
export function overviewTimelineBounds(
  programs: ReadonlyArray<{ startDate: string; targetDate: string; lastChange: string | null }>,
): { start: string; lastChange: string | null; targetDate: string } | null {
  if (programs.length === 0) return null;
  const max = (values: string[]) => values.reduce((a, b) => (a > b ? a : b));
  const changes = programs.map((p) => p.lastChange).filter((d): d is string => d !== null);
  return {
    start: programs.map((p) => p.startDate).reduce((a, b) => (a < b ? a : b)),
    lastChange: changes.length > 0 ? max(changes) : null,
    targetDate: max(programs.map((p) => p.targetDate)),
  };
}
