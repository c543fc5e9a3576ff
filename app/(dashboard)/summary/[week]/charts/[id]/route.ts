import { NextResponse, type NextRequest } from 'next/server';
import { matchesIfNoneMatch } from '@/lib/api/handler';
import { requireRequestContext } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { errorResponse } from '@/lib/http/respond';
import { LOCALE_COOKIE, resolveLocale } from '@/lib/i18n/config';
import { getSummaryChartSvg } from '@/lib/summary/chart-images';

export const dynamic = 'force-dynamic';

/**
 * One chart of the week's summary as SVG, for the page's <img> (lib/summary/chart-images.ts).
 * Checked like the page; kept by the browser (privately) for good under the summary's current
 * data version, revalidated by ETag otherwise. The picture runs no script and loads nothing.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ week: string; id: string }> }) {
  try {
    const ctx = await requireRequestContext();
    const { week, id } = await params;
    const search = request.nextUrl.searchParams;
    const program = search.get('program')?.trim().slice(0, 64) || null;
    const locale = resolveLocale(search.get('lang') ?? request.cookies.get(LOCALE_COOKIE)?.value);
    const db = await getDb();
    const chart = await getSummaryChartSvg(db, ctx.viewer, { week, program, chartId: id, locale, version: search.get('v') });
    const headers = {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': chart.isCurrent ? 'private, max-age=31536000, immutable' : 'private, no-cache',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'X-Content-Type-Options': 'nosniff',
      ETag: chart.etag,
    };
    if (matchesIfNoneMatch(request.headers.get('if-none-match'), chart.etag)) {
      return new NextResponse(null, { status: 304, headers });
    }
    return new NextResponse(chart.svg, { headers });
  } catch (error) {
    return errorResponse(error);
  }
}
