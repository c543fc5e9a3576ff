/**
 * What every benchmark part returns, and the table `npm run bench` prints. A figure without a
 * target is shown for information and never fails the run.
 */

export interface Figure {
  /** e.g. "dashboard JS (gzip, transferred)". */
  name: string;
  /** Measured value in `unit`; null when it could not be measured (counts as a miss). */
  value: number | null;
  unit: 'kB' | 'ms' | 's' | 'score' | 'req/s' | '%' | 'errors';
  /** The value must be at most this (inclusive for sizes, strictly below for times), or at least it. */
  target: number | null;
  /**
   * How the value compares: sizes may equal the budget, timings must stay under it, scores and
   * shares of a reference must reach it.
   */
  comparison?: 'atMost' | 'below' | 'atLeast';
  /** One short line: what exactly was measured, or why it could not be. */
  note?: string;
}

export type Verdict = 'pass' | 'FAIL' | 'info';

export function verdictOf(f: Figure): Verdict {
  if (f.target === null) return 'info';
  if (f.value === null) return 'FAIL';
  const comparison = f.comparison ?? 'atMost';
  const within =
    comparison === 'below' ? f.value < f.target : comparison === 'atLeast' ? f.value >= f.target : f.value <= f.target;
  return within ? 'pass' : 'FAIL';
}

/** Decimal kilobytes, as the budgets are written (450 kB = 450,000 bytes). */
export function toKb(bytes: number): number {
  return Math.round(bytes / 100) / 10;
}

/** Nearest-rank percentile of a non-empty sample. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) throw new RangeError('percentile of an empty sample');
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function median(sample: readonly number[]): number {
  if (sample.length === 0) throw new RangeError('median of an empty sample');
  const sorted = [...sample].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function formatValue(value: number | null, unit: Figure['unit']): string {
  if (value === null) return 'n/a';
  const digits = unit === 'score' || unit === 'errors' ? 0 : unit === 'ms' && value < 10 ? 2 : 1;
  const number = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === 'score' || unit === 'errors' ? number : unit === '%' ? `${number} %` : `${number} ${unit}`;
}

const COMPARISON_SIGNS = { atMost: '<=', below: '<', atLeast: '>=' } as const;

/** A plain-text table: figure, value, target, verdict, note. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    formatValue(f.value, f.unit),
    f.target === null ? '' : `${COMPARISON_SIGNS[f.comparison ?? 'atMost']} ${formatValue(f.target, f.unit)}`,
    verdictOf(f),
    f.note ?? '',
  ]);
  const header = ['figure', 'measured', 'target', 'result', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
