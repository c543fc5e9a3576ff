import type { NextRequest } from 'next/server';
import { authorize } from '@/lib/auth/permissions';
import { requireRequestContext } from '@/lib/auth/session';
import { searchDivisions } from '@/lib/cities/queries';
import { searchQuery } from '@/lib/cities/schema';
import { getDb } from '@/lib/db';
import { errorResponse, jsonOk } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

const RESULT_LIMIT = 10;

/** Provinces and cities by name, pinyin or code, for the dashboard's search box. */
export async function GET(request: NextRequest) {
  try {
    const ctx = await requireRequestContext();
    authorize(ctx.viewer, 'coverage.read');
    const { q } = searchQuery.parse({ q: request.nextUrl.searchParams.get('q') ?? '' });
    const db = await getDb();
    return jsonOk({ items: await searchDivisions(db, q, RESULT_LIMIT) });
  } catch (error) {
    return errorResponse(error);
  }
}
