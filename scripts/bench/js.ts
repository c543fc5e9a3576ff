/**
 * Dashboard JavaScript weight, as a first-time visitor's browser downloads it: the production build
 * served by `next start` (which compresses), a throw-away SQLite database seeded with the demo,
 * Debian's Chromium. Signs in through /sign-in when the dashboard sends it there, then clears the
 * browser cache and loads `/` in a fresh page; the figure is the sum of the encoded (on-the-wire)
 * body bytes of every JavaScript response that page load requested until it settled (network quiet,
 * main thread idle, no chart still loading), so lazily loaded chunks such as ECharts count.
 */
import { execSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page, type Request } from '@playwright/test';
import { applySqlitePragmas, createDb } from '../../lib/db';
import { migrateDatabase } from '../../lib/db/migrate';
import { seedDatabase } from '../../prisma/seed';
import { onCleanup } from './cleanup';
import { toKb, type Figure } from './report';

export const DASHBOARD_JS_BUDGET_KB = 450;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SERVER_READY_TIMEOUT_MS = 90_000;
const PAGE_TIMEOUT_MS = 60_000;
/** The demo admin: can see every page, so a sign-in never lands on a refusal. */
const DEMO_EMAIL = 'admin@hutong.test';
const SOURCE_DIRS = ['app', 'components', 'lib', 'messages', 'proxy.ts', 'next.config.ts'];

export interface JsBenchOptions {
  root: string;
  port: number;
  rebuild: boolean;
  log: (line: string) => void;
}

interface Transfer {
  url: string;
  type: string;
  encoded: number;
  decoded: number;
  encoding: string;
  status: number;
  /** Requested after the page's load event: lazily loaded (charts, map data). */
  isLazy: boolean;
}

function chromiumPath(): string {
  try {
    return execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim();
  } catch {
    throw new Error('Chromium not found: apt-get install -y chromium');
  }
}

function newestMtime(p: string): number {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  if (path.basename(p) === 'generated') return 0;
  return Math.max(0, ...fs.readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

function buildIfNeeded(root: string, rebuild: boolean, log: JsBenchOptions['log']): void {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const built = fs.statSync(buildId, { throwIfNoEntry: false });
  if (built && !rebuild) {
    const newest = Math.max(...SOURCE_DIRS.map((d) => newestMtime(path.join(root, d))));
    if (newest > built.mtimeMs) log('warning: .next is older than the sources; pass --rebuild to measure the current code');
    return;
  }
  log('building the production app (next build, a few minutes on 2 cores)');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed (see above)');
}

async function isAnswering(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/** Migrates and seeds a throw-away SQLite file with the demo; returns its path and the demo password. */
async function prepareDatabase(): Promise<{ file: string; password: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-bench-js-'));
  onCleanup(`SQLite folder ${dir}`, () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'bench.db');
  const password = `Bench-${crypto.randomBytes(9).toString('base64url')}`;
  await migrateDatabase({ provider: 'sqlite', url: file });
  const db = createDb({ provider: 'sqlite', url: file });
  try {
    await applySqlitePragmas(db);
    await seedDatabase(db, { demo: true, demoPassword: password });
  } finally {
    await db.$disconnect();
  }
  return { file, password };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The server was started in its own process group: this ends next and its workers, nothing else.
  process.kill(-child.pid, 'SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
  }
}

async function startServer(root: string, port: number, dbFile: string, password: string, log: JsBenchOptions['log']) {
  const base = `http://127.0.0.1:${port}`;
  if (await isAnswering(base)) throw new Error(`port ${port} is already in use; pass --port=N`);
  log(`starting next start on ${base}`);
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(port),
        DATABASE_URL: `file:${dbFile}`,
        HUTONG_DEMO: 'true',
        SEED_DEMO_PASSWORD: password,
        AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
        // The origin the browser uses: next-auth derives its URL and cookie scope from it.
        APP_URL: base,
        LOG_LEVEL: 'warn',
      },
    },
  );
  onCleanup(`next start (pid ${child.pid})`, () => stopServer(child));
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean).slice(-20));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const deadline = Date.now() + SERVER_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}): ${output.slice(-5).join(' | ')}`);
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return { base, child };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not ready after ${SERVER_READY_TIMEOUT_MS / 1000} s: ${output.slice(-5).join(' | ')}`);
}

const isSignInUrl = (url: string) => new URL(url).pathname.startsWith('/sign-in');

/**
 * Waits until the page rendered something real: the sign-in page, or a page heading. The layout
 * streams behind a loading skeleton, so an auth redirect can arrive after the first response.
 */
async function waitForRendered(page: Page): Promise<void> {
  await page.waitForFunction(
    () => window.location.pathname.startsWith('/sign-in') || document.querySelector('h1') !== null,
    null,
    { timeout: PAGE_TIMEOUT_MS },
  );
}

/**
 * Tracks the page's requests so the measurement can wait until it has settled: hydration on a
 * busy machine can take seconds after the last chunk arrived, and only then do lazily loaded
 * chunks (ECharts, the map data) get requested. A network quiet for a moment is not enough.
 */
function trackRequests(page: Page) {
  let inFlight = 0;
  let started = 0;
  let lastChange = Date.now();
  const bump = (delta: number) => {
    inFlight += delta;
    if (delta > 0) started += 1;
    lastChange = Date.now();
  };
  page.on('request', () => bump(1));
  page.on('requestfinished', () => bump(-1));
  page.on('requestfailed', () => bump(-1));

  async function quiet(quietMs: number, deadline: number): Promise<void> {
    while (Date.now() < deadline) {
      if (started > 0 && inFlight <= 0 && Date.now() - lastChange >= quietMs) return;
      await page.waitForTimeout(100);
    }
    throw new Error(`the network did not go quiet within ${PAGE_TIMEOUT_MS / 1000} s`);
  }

  /**
   * Settled: the network quiet for 1.5 s, then the main thread idle, and still no new request and
   * no chart (`data-state="loading"`, components/charts/use-echart.ts) still loading.
   */
  async function settled(): Promise<void> {
    const deadline = Date.now() + PAGE_TIMEOUT_MS;
    while (Date.now() < deadline) {
      await quiet(1500, deadline);
      const before = started;
      await page.evaluate(
        () => new Promise<void>((resolve) => window.requestIdleCallback(() => resolve(), { timeout: 10_000 })),
      );
      await page.waitForTimeout(500);
      const loadingCharts = await page.locator('[data-state="loading"]').count();
      if (started === before && inFlight <= 0 && loadingCharts === 0) return;
    }
    throw new Error(`the dashboard did not settle within ${PAGE_TIMEOUT_MS / 1000} s`);
  }

  return { settled };
}

/** Signs in through the form, whatever language its labels are in. */
async function signIn(page: Page, password: string): Promise<void> {
  const email = page.locator('input[type="email"], input[name="email"], input[autocomplete="username"]').first();
  const secret = page.locator('input[type="password"]').first();
  try {
    await email.waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS / 2 });
  } catch {
    const heading = (await page.locator('h1, h2, .ant-result-title').first().textContent().catch(() => null))?.trim();
    throw new Error(`the sign-in page shows no email field (it shows: ${heading ?? 'nothing'})`);
  }
  await email.fill(DEMO_EMAIL);
  await secret.fill(password);
  await page.locator('button[type="submit"], input[type="submit"]').first().click();
  // Next's route announcer also has role=alert (empty, in a shadow root): only a message counts.
  const refusal = page
    .locator('[role="alert"]:not(#__next-route-announcer__)')
    .filter({ hasText: /\S/ })
    .first();
  await Promise.race([
    page.waitForURL((url) => !isSignInUrl(url.toString()), { timeout: PAGE_TIMEOUT_MS }),
    refusal.waitFor({ state: 'visible', timeout: PAGE_TIMEOUT_MS }),
  ]);
  if (isSignInUrl(page.url())) {
    const text = (await refusal.textContent().catch(() => null))?.trim() ?? 'no message';
    throw new Error(`sign-in as ${DEMO_EMAIL} was refused: ${text}`);
  }
}

async function recordTransfer(request: Request, isLazy: boolean, into: Transfer[]): Promise<void> {
  const response = await request.response();
  if (!response) return;
  const sizes = await request.sizes();
  const headers = await response.allHeaders();
  const body = await response.body().catch(() => Buffer.alloc(0));
  into.push({
    url: request.url(),
    type:
      request.resourceType() === 'script' || /javascript/.test(headers['content-type'] ?? '')
        ? 'js'
        : request.resourceType(),
    encoded: sizes.responseBodySize,
    decoded: body.length,
    encoding: headers['content-encoding'] ?? 'identity',
    status: response.status(),
    isLazy,
  });
}

async function measureDashboard(browser: Browser, base: string, password: string, log: JsBenchOptions['log']) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  try {
    const first = await context.newPage();
    await first.goto(`${base}/`, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await waitForRendered(first);
    const signedIn = isSignInUrl(first.url());
    if (signedIn) {
      log('the dashboard asked for sign-in; signing in as the demo admin');
      await signIn(first, password);
    }
    await first.close();

    // A fresh page with an empty, disabled cache: the sign-in page's chunks must not hide the
    // dashboard's own downloads.
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const transfers: Transfer[] = [];
    const pending: Array<Promise<void>> = [];
    let loaded = false;
    const lazy = new WeakSet<Request>();
    page.on('load', () => (loaded = true));
    page.on('request', (request) => {
      if (loaded) lazy.add(request);
    });
    page.on('requestfinished', (request) => pending.push(recordTransfer(request, lazy.has(request), transfers)));
    const requests = trackRequests(page);
    const response = await page.goto(`${base}/`, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await waitForRendered(page);
    if (!response?.ok() || isSignInUrl(page.url())) {
      throw new Error(`dashboard did not load (status ${response?.status() ?? 'none'}, at ${page.url()})`);
    }
    await requests.settled();
    await Promise.all(pending);
    return { transfers, signedIn };
  } finally {
    await context.close();
  }
}

export async function runJsBench(options: JsBenchOptions): Promise<Figure[]> {
  const { root, port, log } = options;
  let browser: Browser | null = null;
  try {
    buildIfNeeded(root, options.rebuild, log);
    const { file, password } = await prepareDatabase();
    const { base, child } = await startServer(root, port, file, password, log);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const { transfers, signedIn } = await measureDashboard(browser, base, password, log);
    await stopServer(child);

    const js = transfers.filter((t) => t.type === 'js');
    const lazyJs = js.filter((t) => t.isLazy);
    const sum = (xs: Transfer[], key: 'encoded' | 'decoded') => xs.reduce((total, t) => total + t[key], 0);
    const encodings = [...new Set(js.map((t) => t.encoding))].join(', ') || 'none';
    log('dashboard JS, largest first (transferred, encoding, path):');
    for (const t of [...js].sort((a, b) => b.encoded - a.encoded)) {
      const size = `${toKb(t.encoded).toFixed(1).padStart(6)} kB`;
      log(`  ${size} ${t.encoding}  ${new URL(t.url).pathname}${t.isLazy ? '  (lazy)' : ''}`);
    }
    const failed = transfers.filter((t) => t.status >= 400);
    if (failed.length > 0) {
      log(`warning: ${failed.length} response(s) failed: ${failed.map((t) => `${t.status} ${t.url}`).join(', ')}`);
    }
    return [
      {
        name: 'dashboard JS (transferred)',
        value: toKb(sum(js, 'encoded')),
        unit: 'kB',
        target: DASHBOARD_JS_BUDGET_KB,
        note:
          `${js.length} files, encoding ${encodings}, ${toKb(sum(js, 'decoded'))} kB uncompressed` +
          (signedIn ? ', after sign-in' : ''),
      },
      {
        name: '  of which lazy (after the load event)',
        value: toKb(sum(lazyJs, 'encoded')),
        unit: 'kB',
        target: null,
        note: `${lazyJs.length} files requested after the load event (e.g. ECharts, by the charts)`,
      },
      {
        name: '  dashboard, all responses (transferred)',
        value: toKb(sum(transfers, 'encoded')),
        unit: 'kB',
        target: null,
        note: `${transfers.length} responses (HTML, JS, CSS, fonts, map data)`,
      },
    ];
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'failed';
    log(`js: ${message}`);
    return [
      {
        name: 'dashboard JS (transferred)',
        value: null,
        unit: 'kB',
        target: DASHBOARD_JS_BUDGET_KB,
        note: `not measured: ${message}`,
      },
    ];
  } finally {
    await browser?.close();
  }
}
