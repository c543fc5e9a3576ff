/**
 * The reference answers of `npm run bench` (docs/decisions/047-bench-references.md): what the
 * minimal route handler and the minimal page return. They read nothing, so the throughput measured
 * on them is what the framework itself costs on this machine; each Hutong figure is reported as a
 * share of it.
 */
import 'server-only';
import { getEnv } from '../env';

/** About as large as a coverage answer for one program (~3 KB of JSON). */
export const REFERENCE_JSON_BYTES = 3000;

/** The reference routes exist only when HUTONG_BENCH_ROUTES is set; otherwise they answer 404. */
export function areBenchRoutesOn(): boolean {
  return getEnv().benchRoutes;
}

/** A fixed JSON body of ~3 KB shaped like a list of province counts. */
export function buildReferenceJson(): { items: Array<{ code: string; live: number; total: number }> } {
  const items: Array<{ code: string; live: number; total: number }> = [];
  for (let i = 0; JSON.stringify({ items }).length < REFERENCE_JSON_BYTES; i++) {
    items.push({ code: String(11 + i), live: i % 7, total: 10 + (i % 13) });
  }
  return { items };
}
