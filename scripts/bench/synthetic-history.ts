/**
 * A synthetic, deterministic status history for the query benchmark: N StatusChange rows spread
 * over every prefecture-level city, P programs and two years. Pure (no database), so it can be
 * tested and generated one program at a time without holding a million objects in memory.
 *
 * Shaped like the real thing: each (program, city) pair is confirmed or edited about weekly and
 * moves NOT_STARTED -> PLANNED -> IN_PROGRESS -> PILOT -> LIVE around a program-specific rollout
 * date (a few cities pause and resume, some never go live). Versions rise by one per row, times
 * never go backwards, and about 2% of rows share the previous row's instant, so the as-of query's
 * version tie-break is exercised.
 */
import { mulberry32 } from '../../prisma/seed/demo';
import type { ChangeKind, RolloutStatus } from '../../lib/generated/sqlite/enums';

export interface HistoryShape {
  rows: number;
  programs: number;
  /** First instant of the history. */
  from: Date;
  /** Length of the history in days. */
  days: number;
}

export const DEFAULT_SHAPE: HistoryShape = {
  rows: 1_000_000,
  programs: 30,
  from: new Date('2020-01-01T00:00:00+08:00'),
  days: 731,
};

export interface SyntheticChange {
  id: string;
  entityCode: string;
  kind: ChangeKind;
  fromStatus: RolloutStatus | null;
  toStatus: RolloutStatus;
  changedAt: Date;
  version: number;
}

export interface EntityFinal {
  status: RolloutStatus;
  version: number;
  changedAt: Date;
}

export interface ProgramHistory {
  changes: SyntheticChange[];
  /** The latest row of each city: what its CityStatus row holds today. */
  finals: Map<string, EntityFinal>;
}

const DAY_MS = 86_400_000;
const SEED = 3_370_030;
const TIE_SHARE = 0.02;
const PAUSE_SHARE = 0.03;
/** Where each step sits before go-live, as a share of the whole span. */
const STEPS: ReadonlyArray<{ status: RolloutStatus; before: number }> = [
  { status: 'PLANNED', before: 0.3 },
  { status: 'IN_PROGRESS', before: 0.15 },
  { status: 'PILOT', before: 0.05 },
  { status: 'LIVE', before: 0 },
];

/** Splits `total` into `parts` integers that differ by at most one (the first ones get the extra). */
export function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const extra = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

/** The status schedule of one city: (share of span, status) in time order. */
function schedule(rng: () => number, rolloutCentre: number): Array<{ at: number; status: RolloutStatus }> {
  // Go-live spread around the program's centre; past 1.0 means not live within the history.
  const live = rolloutCentre + (rng() - 0.5) * 0.7;
  const steps = STEPS.map((s) => ({ at: live - s.before, status: s.status }));
  if (rng() < PAUSE_SHARE) {
    const pausedAt = live + 0.05 + rng() * 0.2;
    steps.push({ at: pausedAt, status: 'PAUSED' }, { at: pausedAt + 0.02 + rng() * 0.1, status: 'LIVE' });
  }
  return steps;
}

/**
 * The history of program number `programIndex` (0-based) over `cityCodes`, `rows` rows in all.
 * Row ids are unique across programs (`b<program>-<city>-<version>`).
 */
export function buildProgramHistory(
  programIndex: number,
  cityCodes: readonly string[],
  rows: number,
  shape: Pick<HistoryShape, 'from' | 'days'> = DEFAULT_SHAPE,
): ProgramHistory {
  const rng = mulberry32(SEED + programIndex * 7919);
  const spanMs = shape.days * DAY_MS;
  const rolloutCentre = 0.2 + rng() * 0.75;
  const perCity = splitEvenly(rows, cityCodes.length);
  const changes: SyntheticChange[] = [];
  const finals = new Map<string, EntityFinal>();

  cityCodes.forEach((code, cityIndex) => {
    const n = perCity[cityIndex] ?? 0;
    if (n === 0) return;
    const steps = schedule(rng, rolloutCentre);
    // Whole seconds, like form submissions; sorted so versions follow time.
    const offsets = Array.from({ length: n }, () => Math.floor(rng() * (spanMs / 1000)) * 1000).sort((a, b) => a - b);
    let status: RolloutStatus = 'NOT_STARTED';
    let previous: number | null = null;
    for (let i = 0; i < n; i++) {
      let offset = offsets[i] ?? 0;
      if (previous !== null && rng() < TIE_SHARE) offset = previous;
      previous = offset;
      const share = offset / spanMs;
      let next: RolloutStatus = status;
      for (const step of steps) if (step.at <= share) next = step.status;
      // The very first row creates the status row, so it is a status move even without progress.
      const kind: ChangeKind = next !== status || i === 0 ? 'STATUS' : rng() < 0.7 ? 'CONFIRM' : 'DETAILS';
      changes.push({
        id: `b${programIndex}-${code}-${i + 1}`,
        entityCode: code,
        kind,
        fromStatus: i === 0 ? null : status,
        toStatus: next,
        changedAt: new Date(shape.from.getTime() + offset),
        version: i + 1,
      });
      status = next;
    }
    const last = changes[changes.length - 1]!;
    finals.set(code, { status, version: n, changedAt: last.changedAt });
  });
  return { changes, finals };
}

/**
 * The status of each city as of `before`, replayed naively from the rows (latest time, then
 * highest version, wins): the reference the database query must agree with.
 */
export function replayAsOf(changes: readonly SyntheticChange[], before: Date): Map<string, RolloutStatus> {
  const best = new Map<string, SyntheticChange>();
  for (const c of changes) {
    if (c.changedAt.getTime() >= before.getTime()) continue;
    const b = best.get(c.entityCode);
    if (!b || c.changedAt > b.changedAt || (c.changedAt.getTime() === b.changedAt.getTime() && c.version > b.version)) {
      best.set(c.entityCode, c);
    }
  }
  return new Map([...best].map(([code, c]) => [code, c.toStatus]));
}
