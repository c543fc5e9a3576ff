/**
 * Lighthouse accessibility scores of the pages named in docs/accessibility.md, on Debian's Chromium
 * (never a downloaded browser), against an app that is already running. Signs in once through the
 * sign-in form as the demo admin (who sees every page), then hands the session cookie to
 * Lighthouse. Works offline: Lighthouse only talks to the browser and the app.
 *
 * Plain JavaScript, not TypeScript run by tsx: Lighthouse sends some of its functions into the
 * page as source text, and tsx's helpers would go with them and fail there.
 *
 *   npm run lighthouse -- [--base=http://127.0.0.1:3000] [--password=Hutong-Demo-2021] [--desktop]
 *
 * Prints one line per page (score, and the audits that failed) and exits 1 when any page is
 * below 100. Lighthouse's mobile profile (a 412 px phone, throttled) unless --desktop.
 */
import { launchChromium, runLighthouse, signInCookie } from './lighthouse-kit.mjs';

const DEFAULT_PASSWORD = 'Hutong-Demo-2021';
const ADMIN = 'admin@hutong.test';

/** Signed out first (the sign-in page), then the pages behind sign-in. */
export const LIGHTHOUSE_PAGES = [
  { name: 'sign-in', path: '/sign-in', signedIn: false },
  { name: 'dashboard', path: '/?program=alipay-unionpay-offline&asOf=2021-10-02', signedIn: true },
  { name: 'summary week', path: '/summary/2021-W48', signedIn: true },
  { name: 'institutions', path: '/institutions', signedIn: true },
  { name: 'city page', path: '/cities/4403', signedIn: true },
  { name: 'admin index', path: '/admin', signedIn: true },
  { name: 'admin programs', path: '/admin/programs', signedIn: true },
  { name: 'admin program', path: '/admin/programs/alipay-unionpay-offline', signedIn: true },
  { name: 'admin users', path: '/admin/users', signedIn: true },
  { name: 'admin API tokens', path: '/admin/tokens', signedIn: true },
  { name: 'admin audit log', path: '/admin/audit', signedIn: true },
  { name: 'admin import', path: '/admin/import', signedIn: true },
];

/** @param {string} name */
function option(name) {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

async function main() {
  const base = (option('base') ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const password = option('password') ?? DEFAULT_PASSWORD;
  const isDesktop = process.argv.includes('--desktop');
  const { browser, port } = await launchChromium();
  let worst = 100;
  try {
    // The session cookie, from a real sign-in.
    const cookie = await signInCookie(browser, { base, email: ADMIN, password });
    process.stdout.write(`Lighthouse accessibility, ${isDesktop ? 'desktop' : 'mobile'} profile, ${base}\n`);
    for (const target of LIGHTHOUSE_PAGES) {
      const { lhr, isSentToSignIn } = await runLighthouse({
        url: `${base}${target.path}`,
        port,
        category: 'accessibility',
        desktop: isDesktop,
        cookie: target.signedIn ? cookie : undefined,
      });
      const category = lhr.categories.accessibility;
      const score = Math.round((category?.score ?? 0) * 100);
      worst = Math.min(worst, score);
      const failed = (category?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => ref.id);
      const note = isSentToSignIn ? ' (sent to sign-in: cookie not accepted)' : '';
      process.stdout.write(`${String(score).padStart(3)}  ${target.name.padEnd(18)} ${target.path}${note}${failed.length ? `  failed: ${failed.join(', ')}` : ''}\n`);
    }
  } finally {
    await browser.close();
  }
  process.exitCode = worst < 100 ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
