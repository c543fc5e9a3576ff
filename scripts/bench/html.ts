/**
 * HTML weight per page (`--only=html`): the bytes of the page's HTML document as `next start`
 * sends it to a browser that accepts gzip (its default compression), signed in where the page needs
 * it. The document only: scripts, styles and data requested afterwards are not counted (the
 * dashboard's JavaScript is the js part).
 */
import http from 'node:http';
import zlib from 'node:zlib';
import { launchChromium, signInCookie } from '../lighthouse-kit.mjs';
import { DASHBOARD_PAGE, SIGN_IN_PAGE, SUMMARY_WEEK_PAGE, type BenchPage } from './pages';
import { toKb, type Figure } from './report';
import { buildIfNeeded, DEMO_ADMIN, prepareDatabase, startServer, stopServer } from './server';

/** Targets of issue 11 (docs/benchmarks.md), decimal kB of gzip. */
export const HTML_BUDGETS_KB: ReadonlyArray<{ page: BenchPage; budget: number }> = [
  { page: SIGN_IN_PAGE, budget: 15 },
  { page: DASHBOARD_PAGE, budget: 60 },
  { page: SUMMARY_WEEK_PAGE, budget: 80 },
];

export interface HtmlBenchOptions {
  root: string;
  port: number;
  rebuild: boolean;
  log: (line: string) => void;
}

interface HtmlTransfer {
  status: number;
  location: string | undefined;
  encoding: string;
  /** Bytes on the wire (gzip when the server compressed). */
  encoded: number;
  decoded: number;
}

/** GETs one document with Accept-Encoding: gzip and counts the bytes as they arrive. */
export function fetchDocument(url: string, cookie: string | undefined): Promise<HtmlTransfer> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { headers: { 'accept-encoding': 'gzip', accept: 'text/html', ...(cookie ? { cookie } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          const encoding = response.headers['content-encoding'] ?? 'identity';
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location,
            encoding,
            encoded: body.length,
            decoded: encoding === 'gzip' ? zlib.gunzipSync(body).length : body.length,
          });
        });
      },
    );
    request.setTimeout(60_000, () => request.destroy(new Error(`no answer from ${url} within 60 s`)));
    request.on('error', reject);
  });
}

export async function runHtmlBench(options: HtmlBenchOptions): Promise<Figure[]> {
  const { root, port, log } = options;
  buildIfNeeded(root, options.rebuild, log);
  const database = await prepareDatabase();
  const { base, child } = await startServer(root, port, database, log);
  const { browser } = await launchChromium();
  let cookie: string;
  try {
    cookie = await signInCookie(browser, { base, email: DEMO_ADMIN, password: database.password });
  } finally {
    await browser.close();
  }
  const figures: Figure[] = [];
  try {
    for (const { page, budget } of HTML_BUDGETS_KB) {
      const t = await fetchDocument(`${base}${page.path}`, page.isSignedIn ? cookie : undefined);
      const isOk = t.status === 200;
      // Without the server's gzip the figure would not be what a browser receives.
      const isGzip = t.encoding === 'gzip';
      figures.push({
        name: `${page.name} HTML (gzip)`,
        value: isOk && isGzip ? toKb(t.encoded) : null,
        unit: 'kB',
        target: budget,
        note: !isOk
          ? `answered ${t.status}${t.location ? ` to ${t.location}` : ''}`
          : !isGzip
            ? `sent with encoding ${t.encoding}, not gzip`
            : `${toKb(t.decoded)} kB uncompressed; ${page.path}${page.isSignedIn ? ', signed in' : ''}`,
      });
    }
  } finally {
    await stopServer(child);
  }
  return figures;
}
