/**
 * Dashboard JavaScript weight, as a first-time visitor's browser downloads it: the production build
 * served by `next start` (which compresses), a throw-away SQLite database seeded with the demo,
 * Debian's Chromium. Signs in through /sign-in when the dashboard sends it there, then clears the
 * browser cache and loads `/` in a fresh page; the figure is the sum of the encoded (on-the-wire)
 * body bytes of every JavaScript response that page load requested until it settled (network quiet,
 * main thread idle, no chart still loading), so lazily loaded chunks such as ECharts count.
 */
import { chromium, type Browser, type Page, type Request } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../lighthouse-kit.mjs';
import { toKb, type Figure } from './report';
import { buildIfNeeded, DEMO_ADMIN, prepareDatabase, startServer, stopServer } from './server';

export const DASHBOARD_JS_BUDGET_KB = 450;

const PAGE_TIMEOUT_MS = 60_000;
/** The demo admin: can see every page, so a sign-in never lands on a refusal. */
const DEMO_EMAIL = DEMO_ADMIN;

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
    const database = await prepareDatabase();
    const { password } = database;
    const { base, child } = await startServer(root, port, database, log);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
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
