import fs from 'node:fs';
import { createSummaryText } from './lib/summary/text';
import { composeSummaryDocument } from './lib/summary/document';
import { renderPrintableHtml, renderPdf } from './lib/summary/pdf';
import { asCrossProgramSummary } from './lib/summary/generate';
async function main() {
  const stored = JSON.parse(fs.readFileSync('/tmp/ssr/w39.json', 'utf8'));
  for (const locale of ['zh-CN', 'en'] as const) {
    const doc = composeSummaryDocument(asCrossProgramSummary(stored.payload), createSummaryText(locale), { generatedAt: stored.generatedAt, scope: 'all' });
    const html = renderPrintableHtml(doc);
    fs.writeFileSync(`/tmp/ssr/${locale}.html`, html);
    const t0 = Date.now();
    const pdf = await renderPdf(html, { chromiumPath: undefined });
    console.log(locale, pdf.length, Date.now() - t0);
    fs.writeFileSync(`/tmp/ssr/${locale}.pdf`, pdf);
  }
}
main();
