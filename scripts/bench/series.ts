/**
 * Timing of the burn-up series (getCoverageSeries) on the benchmark database. It has no target of
 * its own; it is shown beside the as-of figures because it reads the same history.
 */
import type { Db } from '../../lib/db';
import { median, percentile, type Figure } from './report';
import { timeAtDates, type ServerCpu } from './timing';

const SERIES_DATES = ['2020-08-15', '2021-08-15', '2022-06-30'] as const;

export async function measureSeries(
  db: Db,
  slug: string,
  runs: number,
  engine: string,
  serverCpu: ServerCpu | null,
  log: (line: string) => void,
): Promise<Figure[]> {
  let getCoverageSeries: typeof import('../../lib/coverage/series').getCoverageSeries;
  try {
    // Loaded only here, so the rest of the benchmark runs while the series module is in flux.
    ({ getCoverageSeries } = await import('../../lib/coverage/series'));
  } catch (error) {
    log(`${engine}: getCoverageSeries not measured: ${(error as Error).message.split('\n')[0]}`);
    return [];
  }
  log(`${engine}: timing getCoverageSeries (${runs} warm runs at each of ${SERIES_DATES.length} dates)`);
  const t = await timeAtDates(SERIES_DATES, runs, (asOf) => getCoverageSeries(db, slug, { asOf }), serverCpu);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  const cpu =
    t.serverCpuMs === null && engine !== 'SQLite'
      ? `app CPU ${round(t.appCpuMs)} ms per call (server n/a)`
      : `CPU ${round(t.appCpuMs + (t.serverCpuMs ?? 0))} ms per call`;
  return [
    {
      name: `  getCoverageSeries, ${engine}, median`,
      value: round(median(t.samples)),
      unit: 'ms',
      target: null,
      note: `burn-up to ${SERIES_DATES.join(', ')}; p95 ${round(percentile(t.samples, 95))} ms; ${cpu}`,
    },
  ];
}
