/**
 * The summary as an A4 PDF, printed by a headless Chromium (playwright-core, never a downloaded
 * browser) from the same self-contained HTML as the mail. Chromium embeds the fonts it used, so
 * the Chinese text is in the file itself (fonts-noto-cjk on the server).
 *
 * Without Chromium or playwright-core the PDF cannot be made here: findChromium says so up front
 * (the page then offers the browser's own print dialog) and renderPdf throws PdfUnavailableError.
 *
 * Renders are bounded (pdfRenders: one at a time, two waiting, PdfBusyError beyond) and their
 * results cached on disk (cachedPdf): a stored summary never changes, so each week, scope and
 * language is printed once.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { processWide } from '../ops/process-wide';
import { BUSY, createSemaphore, type Semaphore } from '../ops/semaphore';
import { renderSummaryHtml } from './html';
import type { SummaryDocument } from './document';
import { renderChartsSvg, svgDataUri } from './render-charts';
import type { ChartImage } from './html';

/** Debian's package first (what CI installs), then the usual names elsewhere. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
] as const;

export class PdfUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfUnavailableError';
  }
}

/** The Chromium to print with: CHROMIUM_PATH when set (and present), else the first candidate found. */
export function findChromium(configured: string | undefined): string | null {
  if (configured) return fs.existsSync(configured) ? configured : null;
  return CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

/** The document as the printable HTML page, charts as SVG data URIs (no network needed). */
export function renderPrintableHtml(doc: SummaryDocument): string {
  const charts = renderChartsSvg(
    doc.programs.flatMap((p) => p.charts),
    doc.locale,
  );
  const images = new Map<string, ChartImage>(
    charts.map((c) => [c.id, { src: svgDataUri(c.svg), alt: c.title, width: c.width, height: c.height }]),
  );
  return renderSummaryHtml(doc, { mode: 'print', images });
}

/**
 * One Chromium at a time (each takes a few hundred MB), two more waiting; beyond that a request is
 * answered "busy" at once rather than queued until the server runs out of memory.
 */
export function pdfRenders(): Semaphore {
  return processWide('pdfRenders', () => createSemaphore({ limit: 1, maxWaiting: 2 }));
}

/** The render queue is full; try again after `retryAfterSeconds`. */
export class PdfBusyError extends Error {
  readonly retryAfterSeconds = 10;
  constructor() {
    super('the PDF render queue is full');
    this.name = 'PdfBusyError';
  }
}

export async function renderPdf(html: string, { chromiumPath }: { chromiumPath: string | undefined }): Promise<Buffer> {
  const executablePath = findChromium(chromiumPath);
  if (!executablePath) {
    throw new PdfUnavailableError(
      chromiumPath ? `CHROMIUM_PATH ${chromiumPath} does not exist` : 'Chromium is not installed (apt-get install -y chromium fonts-noto-cjk)',
    );
  }
  let chromium: typeof import('playwright-core').chromium;
  try {
    chromium = (await import('playwright-core')).chromium;
  } catch {
    throw new PdfUnavailableError('playwright-core is not installed');
  }
  const pdf = await pdfRenders().tryRun(async () => {
    const browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      // The page is self-contained (inline styles, data: images): nothing may be fetched.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser.close();
    }
  });
  if (pdf === BUSY) throw new PdfBusyError();
  return pdf;
}

/** Raised when the layout of the printed summary changes, so cached files of the old one are not served. */
const PDF_LAYOUT_VERSION = 1;
export const PDF_CACHE_DIR = path.join('data', 'cache', 'summary-pdf');

export interface PdfCacheKey {
  week: string;
  scope: string;
  locale: string;
  /** When the stored summary was generated (ISO): a summary generated anew gets a new file. */
  generatedAt: string;
}

const inFlight = new Map<string, Promise<Buffer>>();

/**
 * The cached PDF for `key`, or `render()`'s, stored for next time. Parallel requests for the same
 * missing file share one render. Files are written under a temporary name and renamed, so a
 * reader never sees half a file.
 */
export async function cachedPdf(key: PdfCacheKey, render: () => Promise<Buffer>, dir = path.resolve(PDF_CACHE_DIR)): Promise<Buffer> {
  const id = crypto
    .createHash('sha256')
    .update(JSON.stringify([PDF_LAYOUT_VERSION, key.week, key.scope, key.locale, key.generatedAt]))
    .digest('hex')
    .slice(0, 40);
  const file = path.join(dir, `${id}.pdf`);
  try {
    return await fs.promises.readFile(file);
  } catch {
    // Not cached yet.
  }
  const running = inFlight.get(id);
  if (running) return running;
  const job = (async () => {
    const pdf = await render();
    await fs.promises.mkdir(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    await fs.promises.writeFile(tmp, pdf);
    await fs.promises.rename(tmp, file);
    return pdf;
  })().finally(() => inFlight.delete(id));
  inFlight.set(id, job);
  return job;
}
