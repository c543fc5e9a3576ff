/**
 * Named colours of the coverage views. See README.md beside this file for why these bins.
 */
import type { RolloutStatus } from '../generated/sqlite/client';

export type CoverageBinKey = 'none' | 'low' | 'mid' | 'high' | 'almost' | 'full';

export interface CoverageBin {
  /** Stable key for tests and legends. */
  key: CoverageBinKey;
  /** The bin in ECharts visualMap piece terms: `value` for an exact value, else a range. */
  piece: { value: number } | { gt: number; lte?: number; lt?: number };
  color: string;
}

/**
 * Sequential blues from "nothing live" to "every in-scope unit live". 0 and 100 are bins of their
 * own because "not started at all" and "done" are what program managers look for first. The steps
 * in lightness are even enough that any two bins stay apart with each kind of colour blindness
 * (colours.test.ts).
 */
export const COVERAGE_BINS: readonly CoverageBin[] = [
  { key: 'none', piece: { value: 0 }, color: '#dce2e9' },
  { key: 'low', piece: { gt: 0, lte: 25 }, color: '#aecce9' },
  { key: 'mid', piece: { gt: 25, lte: 50 }, color: '#78aad8' },
  { key: 'high', piece: { gt: 50, lte: 75 }, color: '#4682bd' },
  { key: 'almost', piece: { gt: 75, lt: 100 }, color: '#1f5a99' },
  { key: 'full', piece: { value: 100 }, color: '#0a2a55' },
];

function inBin(bin: CoverageBin, percent: number): boolean {
  const p = bin.piece;
  if ('value' in p) return percent === p.value;
  return percent > p.gt && (p.lte === undefined || percent <= p.lte) && (p.lt === undefined || percent < p.lt);
}

export function binOf(percent: number): CoverageBin {
  const clamped = Math.min(100, Math.max(0, percent));
  return COVERAGE_BINS.find((b) => inBin(b, clamped)) ?? COVERAGE_BINS[0]!;
}

/** Fill for regions outside the program's scope (Hong Kong, Macau, Taiwan; non-scope cities). */
export const OUT_OF_SCOPE_COLOR = '#f5f5f5';


/**
 * Status colours: grey for nothing yet, warm for planned work, green only for LIVE, red for paused.
 * The hues are Okabe and Ito's colour-blind-safe set (yellow, orange, sky blue, bluish green,
 * vermillion): red-green readers still tell LIVE from PAUSED and IN_PROGRESS (colours.test.ts).
 */
export const STATUS_COLORS: Readonly<Record<RolloutStatus, string>> = {
  NOT_STARTED: '#c8c8c8',
  PLANNED: '#f0e442',
  IN_PROGRESS: '#e69f00',
  PILOT: '#56b4e9',
  LIVE: '#009e73',
  PAUSED: '#d55e00',
};
