/**
 * Server throughput (`--only=throughput`): requests per second at 10 connections for about 10 s
 * each (autocannon), for the coverage API, the dashboard and the sign-in page, each beside a
 * reference answered by the same server in the same run: the minimal route handler and the minimal
 * dynamic page of app/bench/ (HUTONG_BENCH_ROUTES, docs/decisions/047-bench-references.md). The
 * figure is the share of the reference's rate, so the machine's speed and load (shared, here)
 * cancel out as far as they can.
 */
import autocannon from 'autocannon';
import { launchChromium, signInCookie } from '../lighthouse-kit.mjs';
import { COVERAGE_API_PATH, DASHBOARD_PAGE, REFERENCE_PAGE_PATH, SIGN_IN_PAGE } from './pages';
import type { Figure } from './report';
import { buildIfNeeded, DEMO_ADMIN, prepareDatabase, startServer, stopServer } from './server';

export const CONNECTIONS = 10;
const REFERENCE_JSON_PATH = '/bench/json';

/** Shares of the reference (issue 11's targets, docs/benchmarks.md). */
export const THROUGHPUT_TARGETS = {
  coverageApi: 50,
  dashboard: 15,
  signIn: 50,
} as const;

export interface ThroughputBenchOptions {
  root: string;
  port: number;
  rebuild: boolean;
  /** Seconds per measurement. */
  seconds: number;
  log: (line: string) => void;
}

export interface Load {
  path: string;
  /** Mean requests per second over the run. */
  rate: number;
  /** Connection errors and timeouts plus answers other than 2xx. */
  errors: number;
  requests: number;
  p99Ms: number;
}

async function measure(base: string, path: string, cookie: string | undefined, seconds: number): Promise<Load> {
  const result = await autocannon({
    url: `${base}${path}`,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    headers: { 'accept-encoding': 'gzip', ...(cookie ? { cookie } : {}) },
  });
  return {
    path,
    rate: result.requests.average,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
    p99Ms: result.latency.p99,
  };
}

/** The subject's rate as a percentage of the reference's, to one decimal. */
export function shareOf(subject: Load, reference: Load): number | null {
  if (reference.rate <= 0) return null;
  return Math.round((subject.rate / reference.rate) * 1000) / 10;
}

function describe(load: Load): string {
  return `${load.rate.toFixed(1)} req/s, ${load.requests} requests, ${load.errors} errors or non-2xx, p99 ${load.p99Ms} ms`;
}

export async function runThroughputBench(options: ThroughputBenchOptions): Promise<Figure[]> {
  const { root, port, seconds, log } = options;
  buildIfNeeded(root, options.rebuild, log);
  const database = await prepareDatabase();
  const { base, child } = await startServer(root, port, database, log, {
    HUTONG_BENCH_ROUTES: '1',
    // The bench's own load must not be refused by the per-token limit of this server.
    API_RATE_LIMIT_PER_MINUTE: '1000000',
  });
  try {
    const { browser } = await launchChromium();
    let cookie: string;
    try {
      cookie = await signInCookie(browser, { base, email: DEMO_ADMIN, password: database.password });
    } finally {
      await browser.close();
    }
    const run = async (label: string, path: string, isSignedIn: boolean) => {
      // A few requests first, so compilation caches and the database pool are warm.
      for (let i = 0; i < 3; i++) await fetch(`${base}${path}`, { headers: isSignedIn ? { cookie } : {} }).then((r) => r.arrayBuffer());
      const load = await measure(base, path, isSignedIn ? cookie : undefined, seconds);
      log(`${label}: ${describe(load)}`);
      return load;
    };
    const json = await run('reference route handler', REFERENCE_JSON_PATH, false);
    const coverage = await run('coverage API', COVERAGE_API_PATH, true);
    const page = await run('reference page', REFERENCE_PAGE_PATH, false);
    const dashboard = await run('dashboard', DASHBOARD_PAGE.path, true);
    const signIn = await run('sign-in page', SIGN_IN_PAGE.path, false);

    const rateFigure = (name: string, load: Load): Figure => ({
      name,
      value: Math.round(load.rate * 10) / 10,
      unit: 'req/s',
      target: null,
      note: `${load.path}, p99 ${load.p99Ms} ms`,
    });
    const shareFigure = (name: string, subject: Load, reference: Load, target: number): Figure => ({
      name,
      value: shareOf(subject, reference),
      unit: '%',
      target,
      comparison: 'atLeast',
      note: `${subject.rate.toFixed(1)} of ${reference.rate.toFixed(1)} req/s`,
    });
    const loads = [json, coverage, page, dashboard, signIn];
    return [
      rateFigure(`reference route handler (${CONNECTIONS} connections)`, json),
      rateFigure('reference dynamic page', page),
      {
        name: '  share of the route handler',
        value: shareOf(page, json),
        unit: '%',
        target: null,
        note: 'what a page with the root layout costs beyond a handler (docs/decisions/047-bench-references.md)',
      },
      rateFigure('coverage API', coverage),
      shareFigure('  share of the route handler', coverage, json, THROUGHPUT_TARGETS.coverageApi),
      rateFigure('dashboard page', dashboard),
      shareFigure('  share of the minimal page', dashboard, page, THROUGHPUT_TARGETS.dashboard),
      rateFigure('sign-in page', signIn),
      shareFigure('  share of the minimal page', signIn, page, THROUGHPUT_TARGETS.signIn),
      {
        name: 'errors and non-2xx under load',
        value: loads.reduce((total, l) => total + l.errors, 0),
        unit: 'errors',
        target: 0,
        note: loads.filter((l) => l.errors > 0).map((l) => `${l.path}: ${l.errors}`).join(', ') || `of ${loads.reduce((t, l) => t + l.requests, 0)} requests`,
      },
    ];
  } finally {
    await stopServer(child);
  }
}
