import { NextResponse, type NextRequest } from 'next/server';
import { matchesIfNoneMatch } from '@/lib/api/handler';
import { authorize } from '@/lib/auth/permissions';
import { requireRequestContext } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getCachedCoverageView } from '@/lib/coverage/cached';
import { coverageQuery } from '@/lib/coverage/schema';
import { errorResponse, jsonOk, NO_STORE } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/**
 * The dashboard's data for one date (and optionally one province): read by the timeline. Cached by
 * the program's history version (lib/coverage/cached.ts), with its ETag, and 304 to an
 * `If-None-Match` naming it, like the partner API.
 */
export async function GET(request: NextRequest) {
  try {
    const ctx = await requireRequestContext();
    authorize(ctx.viewer, 'coverage.read');
    const query = coverageQuery.parse(Object.fromEntries(request.nextUrl.searchParams));
    const db = await getDb();
    const answer = await getCachedCoverageView(db, query.program, {
      asOf: query.asOf,
      province: query.province,
      withCities: query.layer === 'cities' && !query.province,
    });
    if (!answer) throw new AppError('NOT_FOUND', 'program not found');
    if (query.province && !answer.value.drill) throw new AppError('NOT_FOUND', 'province not found');
    if (matchesIfNoneMatch(request.headers.get('if-none-match'), answer.etag)) {
      return new NextResponse(null, { status: 304, headers: { ...NO_STORE, ETag: answer.etag } });
    }
    return jsonOk(answer.value, { headers: { ETag: answer.etag } });
  } catch (error) {
    return errorResponse(error);
  }
}
