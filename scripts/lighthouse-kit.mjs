/**
 * What `npm run lighthouse` (accessibility) and `npm run bench -- --only=lighthouse` (performance)
 * share: Debian's Chromium (never a downloaded browser) with a debugging port Lighthouse drives, a
 * session cookie from a real sign-in through the form, and one Lighthouse run per page with that
 * cookie. Works offline: Lighthouse only talks to the browser and the app.
 *
 * Plain JavaScript, not TypeScript run by tsx: Lighthouse sends some of its functions into the
 * page as source text, and tsx's helpers would go with them and fail there.
 */
import { execSync } from 'node:child_process';
import net from 'node:net';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @returns {string} */
export function chromiumPath() {
  try {
    return execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim();
  } catch {
    throw new Error('Chromium not found: apt-get install -y chromium');
  }
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Launches Chromium with a remote debugging port for Lighthouse.
 * @returns {Promise<{ browser: import('playwright-core').Browser, port: number }>}
 */
export async function launchChromium() {
  const port = await freePort();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`] });
  return { browser, port };
}

/**
 * Signs in through the sign-in form and returns the session as a Cookie header value.
 * @param {import('playwright-core').Browser} browser
 * @param {{ base: string, email: string, password: string }} account
 * @returns {Promise<string>}
 */
export async function signInCookie(browser, { base, email, password }) {
  const context = await browser.newContext({ baseURL: base });
  try {
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.locator('input[autocomplete="username"]').fill(email);
    await page.locator('input[autocomplete="current-password"]').fill(password);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 60_000 });
    return (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await context.close();
  }
}

/**
 * One Lighthouse run of one page: its report (lhr), and whether a page behind sign-in was sent to
 * the sign-in page instead (the cookie not accepted).
 * Mobile is Lighthouse's default profile; `desktop` its own desktop preset.
 * @param {{ url: string, port: number, category: 'accessibility' | 'performance', desktop?: boolean, cookie?: string }} run
 */
export async function runLighthouse({ url, port, category, desktop = false, cookie }) {
  // Loaded here, not at the top: the bench's TypeScript parts use this module for sign-in only.
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [category],
    extraHeaders: cookie ? { Cookie: cookie } : {},
  }, desktop ? desktopConfig : undefined);
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned no report for ${url}`);
  const landed = lhr.finalDisplayedUrl ? new URL(lhr.finalDisplayedUrl).pathname : '?';
  return { lhr, isSentToSignIn: Boolean(cookie) && landed.startsWith('/sign-in') };
}
