import fs from 'node:fs';
import { createTestDb } from './tests/helpers/test-db';
import { seedDatabase } from './prisma/seed';
import { createFileSummaryArchive } from './lib/summary/archive-file';
import { readWeeklySummary, asCrossProgramSummary } from './lib/summary/generate';
import { createSummaryText } from './lib/summary/text';
import { listSummaryCharts } from './lib/summary/charts';
import { renderChartsSvg, svgToPng } from './lib/summary/render-charts';
async function main() {
  const t = await createTestDb();
  await seedDatabase(t.db, { demo: true, demoPassword: 'test-password-123' });
  const archive = createFileSummaryArchive('/tmp/scratch-archive-' + Date.now());
  const { summary } = await readWeeklySummary(t.db, archive, '2021-W39', null);
  fs.writeFileSync('/tmp/ssr/w39.json', JSON.stringify(summary, null, 1));
  for (const locale of ['zh-CN', 'en'] as const) {
    const text = createSummaryText(locale);
    const cross = asCrossProgramSummary(summary.payload);
    for (const p of cross.programs) console.log(locale, p.program.slug, '|', text.coverageSentence(p), '|', text.changeSentence(p), '|', text.projectionSentence(p), '|', text.velocitySentence(p));
    const t0 = Date.now();
    const charts = renderChartsSvg(listSummaryCharts(cross, text), locale);
    console.log('render', Date.now() - t0);
    for (const c of charts) { fs.writeFileSync(`/tmp/ssr/${locale}-${c.id}.svg`, c.svg); const png = await svgToPng(c.svg); fs.writeFileSync(`/tmp/ssr/${locale}-${c.id}.png`, png!); }
    console.log('png', Date.now() - t0);
  }
  await t.cleanup();
}
main();
