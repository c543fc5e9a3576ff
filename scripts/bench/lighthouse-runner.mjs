/**
 * Lighthouse performance runs for `npm run bench -- --only=lighthouse` (scripts/bench/lighthouse.ts
 * starts this as a plain Node process; see scripts/lighthouse-kit.mjs for why not under tsx).
 *
 *   node scripts/bench/lighthouse-runner.mjs '{"base":"http://127.0.0.1:3700","email":"…","password":"…","runs":3,"pages":[…]}'
 *
 * Signs in once, then runs each page `runs` times one after another and prints one JSON line per
 * run on stdout: page name, score (0-100), LCP and TBT in ms, and Lighthouse's CPU benchmark index
 * of the machine at that moment (how fast it ran a fixed piece of JavaScript: higher is faster).
 */
import { launchChromium, runLighthouse, signInCookie } from '../lighthouse-kit.mjs';

/** @typedef {{ name: string, path: string, signedIn: boolean, desktop: boolean }} Target */

async function main() {
  /** @type {{ base: string, email: string, password: string, runs: number, pages: Target[] }} */
  const config = JSON.parse(process.argv[2] ?? '{}');
  const { browser, port } = await launchChromium();
  try {
    const cookie = await signInCookie(browser, { base: config.base, email: config.email, password: config.password });
    for (const target of config.pages) {
      for (let run = 0; run < config.runs; run++) {
        const { lhr, isSentToSignIn } = await runLighthouse({
          url: `${config.base}${target.path}`,
          port,
          category: 'performance',
          desktop: target.desktop,
          cookie: target.signedIn ? cookie : undefined,
        });
        const line = {
          name: target.name,
          score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? null,
          tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? null,
          cpuIndex: lhr.environment?.benchmarkIndex ?? null,
          isSentToSignIn,
          error: lhr.runtimeError?.message ?? null,
        };
        process.stdout.write(`${JSON.stringify(line)}\n`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
