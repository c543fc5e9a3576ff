import { notFound } from 'next/navigation';
import { areBenchRoutesOn } from '@/lib/bench/reference';

export const dynamic = 'force-dynamic';

/**
 * The minimal dynamic page `npm run bench` compares the dashboard and sign-in pages with
 * (HUTONG_BENCH_ROUTES): the root layout and one line, rendered per request.
 */
export default function BenchReferencePage() {
  if (!areBenchRoutesOn()) notFound();
  return <p>{new Date().toISOString()}</p>;
}
