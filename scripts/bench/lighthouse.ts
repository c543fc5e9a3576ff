/**
 * Lighthouse performance (`--only=lighthouse`): Lighthouse's default mobile profile (a throttled
 * phone) for the sign-in page, the dashboard and a summary week, and its desktop preset for the
 * dashboard; the median of 3 runs of each, with LCP and TBT of the median run. The bench's minimal
 * page (app/bench/page: the root layout and one line) is run the same way first, for reference:
 * what the framework alone scores on this machine at this time. Runs in a plain
 * Node process (scripts/bench/lighthouse-runner.mjs, with scripts/lighthouse-kit.mjs) against the
 * production server of the bench database.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DASHBOARD_PAGE, REFERENCE_PAGE_PATH, SIGN_IN_PAGE, SUMMARY_WEEK_PAGE, type BenchPage } from './pages';
import type { Figure } from './report';
import { buildIfNeeded, DEMO_ADMIN, prepareDatabase, startServer, stopServer } from './server';

export const MOBILE_TARGET = 90;
export const DESKTOP_TARGET = 98;

interface Target {
  name: string;
  path: string;
  signedIn: boolean;
  desktop: boolean;
  /** null for the reference page: reported, not judged. */
  goal: number | null;
}

const mobile = (page: BenchPage): Target => ({ name: `${page.name}, mobile`, path: page.path, signedIn: page.isSignedIn, desktop: false, goal: MOBILE_TARGET });
const TARGETS: Target[] = [
  { name: 'minimal page (reference), mobile', path: REFERENCE_PAGE_PATH, signedIn: false, desktop: false, goal: null },
  mobile(SIGN_IN_PAGE),
  mobile(DASHBOARD_PAGE),
  mobile(SUMMARY_WEEK_PAGE),
  { name: `${DASHBOARD_PAGE.name}, desktop`, path: DASHBOARD_PAGE.path, signedIn: true, desktop: true, goal: DESKTOP_TARGET },
];

export interface LighthouseRun {
  name: string;
  score: number;
  lcpMs: number | null;
  tbtMs: number | null;
  /**
   * Lighthouse's CPU benchmark index during the run (higher is faster). Its simulated throttling
   * scales the CPU time it observed, so scores from machines, or moments, of different speed differ.
   */
  cpuIndex?: number | null;
  isSentToSignIn: boolean;
  error: string | null;
}

export interface LighthouseBenchOptions {
  root: string;
  port: number;
  rebuild: boolean;
  runs: number;
  log: (line: string) => void;
}

/** The run with the median score (the lower middle one of an even count), so its LCP and TBT go with it. */
export function medianRun(runs: readonly LighthouseRun[]): LighthouseRun | null {
  const valid = runs.filter((r) => !r.error && !r.isSentToSignIn);
  if (valid.length === 0) return null;
  const sorted = [...valid].sort((a, b) => a.score - b.score);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function runLighthouse(root: string, config: object, log: LighthouseBenchOptions['log']): Promise<LighthouseRun[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'bench', 'lighthouse-runner.mjs'), JSON.stringify(config)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const runs: LighthouseRun[] = [];
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        const run = JSON.parse(line) as LighthouseRun;
        log(`  ${run.name}: ${run.score}, LCP ${Math.round(run.lcpMs ?? 0)} ms, TBT ${Math.round(run.tbtMs ?? 0)} ms, CPU index ${Math.round(run.cpuIndex ?? 0)}${run.error ? ` (${run.error})` : ''}`);
        runs.push(run);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(runs) : reject(new Error(`Lighthouse failed (${code}): ${err.trim().split('\n').slice(-3).join(' | ')}`))));
  });
}

export async function runLighthouseBench(options: LighthouseBenchOptions): Promise<Figure[]> {
  const { root, port, log } = options;
  buildIfNeeded(root, options.rebuild, log);
  const database = await prepareDatabase();
  const { base, child } = await startServer(root, port, database, log, { HUTONG_BENCH_ROUTES: '1' });
  try {
    log(`Lighthouse performance, ${options.runs} runs per page`);
    const runs = await runLighthouse(
      root,
      { base, email: DEMO_ADMIN, password: database.password, runs: options.runs, pages: TARGETS },
      log,
    );
    return TARGETS.map((target) => {
      const own = runs.filter((r) => r.name === target.name);
      const mid = medianRun(own);
      const failed = own.find((r) => r.error || r.isSentToSignIn);
      return {
        name: `Lighthouse ${target.name}`,
        value: mid?.score ?? null,
        unit: 'score',
        target: target.goal,
        comparison: 'atLeast',
        note: mid
          ? `median of ${own.length}: LCP ${(Math.round((mid.lcpMs ?? 0) / 100) / 10).toFixed(1)} s, TBT ${Math.round(mid.tbtMs ?? 0)} ms, CPU index ${Math.round(mid.cpuIndex ?? 0)}; scores ${own.map((r) => r.score).join(', ')}`
          : failed?.isSentToSignIn
            ? 'sent to sign-in: the cookie was not accepted'
            : `no valid run: ${failed?.error ?? 'none'}`,
      } satisfies Figure;
    });
  } finally {
    await stopServer(child);
  }
}
