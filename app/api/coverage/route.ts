import type { NextRequest } from 'next/server';
import { authorize } from '@/lib/auth/permissions';
import { requireRequestContext } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getCoverageAsOf, getNationalCitiesAsOf, getProvinceCitiesAsOf } from '@/lib/coverage/queries';
import { coverageQuery } from '@/lib/coverage/schema';
import { errorResponse, jsonOk } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** The dashboard's data for one date (and optionally one province): read by the timeline. */
export async function GET(request: NextRequest) {
  try {
    const ctx = await requireRequestContext();
    authorize(ctx.viewer, 'coverage.read');
    const query = coverageQuery.parse(Object.fromEntries(request.nextUrl.searchParams));
    const db = await getDb();
    const wantsCities = query.layer === 'cities' && !query.province;
    const [coverage, drill, cities] = await Promise.all([
      getCoverageAsOf(db, query.program, query.asOf),
      query.province ? getProvinceCitiesAsOf(db, query.program, query.province, query.asOf) : null,
      wantsCities ? getNationalCitiesAsOf(db, query.program, query.asOf) : null,
    ]);
    if (!coverage) throw new AppError('NOT_FOUND', 'program not found');
    if (query.province && !drill) throw new AppError('NOT_FOUND', 'province not found');
    return jsonOk({ coverage, drill, cities });
  } catch (error) {
    return errorResponse(error);
  }
}
