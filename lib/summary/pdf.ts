/**
 * The summary as an A4 PDF, printed by a headless Chromium (playwright-core, never a downloaded
 * browser) from the same self-contained HTML as the mail. Chromium embeds the fonts it used, so
 * the Chinese text is in the file itself (fonts-noto-cjk on the server).
 *
 * Without Chromium or playwright-core the PDF cannot be made here: findChromium says so up front
 * (the page then offers the browser's own print dialog) and renderPdf throws PdfUnavailableError.
 */
import fs from 'node:fs';
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

// One Chromium at a time: each takes a few hundred MB, and a burst of downloads must not take the
// server down with it. Later requests wait their turn.
let queue: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
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
  return oneAtATime(async () => {
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
}
