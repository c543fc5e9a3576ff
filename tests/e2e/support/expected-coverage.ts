/**
 * Prints, as JSON, the coverage the database holds for a program as of a date, computed the naive
 * way (every history row replayed in JS) and independently of the app's SQL. Browser tests
 * compare what the page shows with this. Usage: tsx expected-coverage.ts <slug> <YYYY-MM-DD>
 */
import { createDb } from '../../../lib/db';
import { parseDatabaseUrl } from '../../../lib/env';

async function main() {
  const [slug, asOf] = process.argv.slice(2);
  if (!slug || !asOf) throw new Error('usage: expected-coverage.ts <slug> <YYYY-MM-DD>');
  const db = createDb(parseDatabaseUrl(process.env.DATABASE_URL));
  const program = await db.program.findUniqueOrThrow({ where: { slug } });
  const end = new Date(`${asOf}T00:00:00+08:00`).getTime() + 86_400_000;
  const rows = await db.cityStatus.findMany({ where: { programId: program.id }, include: { city: true } });
  const history = await db.statusChange.findMany({ where: { programId: program.id, entityType: 'CITY' } });
  const latest = new Map<string, { at: number; version: number; status: string }>();
  for (const h of history) {
    const at = h.changedAt.getTime();
    if (at >= end) continue;
    const prev = latest.get(h.entityCode);
    if (!prev || at > prev.at || (at === prev.at && h.version > prev.version)) {
      latest.set(h.entityCode, { at, version: h.version, status: h.toStatus });
    }
  }
  const provinces: Record<string, { live: number; total: number }> = {};
  let live = 0;
  for (const r of rows) {
    const p = (provinces[r.city.provinceCode] ??= { live: 0, total: 0 });
    p.total += 1;
    if (latest.get(r.cityCode)?.status === 'LIVE') {
      p.live += 1;
      live += 1;
    }
  }
  process.stdout.write(JSON.stringify({ live, denominator: rows.length, provinces }));
  await db.$disconnect();
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
