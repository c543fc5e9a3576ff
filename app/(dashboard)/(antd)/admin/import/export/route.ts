import type { NextRequest } from 'next/server';
import { requireRequestContext } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { exportStatusCsv } from '@/lib/import/export';
import { errorResponse } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/**
 * GET /admin/import/export?program=<slug>: the program's statuses as CSV, in the import format.
 * Authorised in lib (exportStatusCsv): partners get only their institution's rows. Read-only.
 */
export async function GET(request: NextRequest) {
  try {
    const ctx = await requireRequestContext();
    const file = await exportStatusCsv(await getDb(), ctx, { programSlug: request.nextUrl.searchParams.get('program') ?? '' });
    return new Response(Buffer.from(file.bytes), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        // ASCII file names only (slug + date), so no filename* encoding is needed.
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
