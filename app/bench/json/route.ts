import { NextResponse } from 'next/server';
import { areBenchRoutesOn, buildReferenceJson } from '@/lib/bench/reference';

export const dynamic = 'force-dynamic';

/** The minimal route handler `npm run bench` compares the coverage API with (HUTONG_BENCH_ROUTES). */
export function GET() {
  if (!areBenchRoutesOn()) return new NextResponse(null, { status: 404 });
  return NextResponse.json(buildReferenceJson(), { headers: { 'Cache-Control': 'no-store' } });
}
