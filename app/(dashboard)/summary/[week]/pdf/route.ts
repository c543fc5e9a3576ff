import { NextResponse, type NextRequest } from 'next/server';
import { requireRequestContext } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { logError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/respond';
import { LOCALE_COOKIE, resolveLocale } from '@/lib/i18n/config';
import { composeSummaryDocument } from '@/lib/summary/document';
import { asCrossProgramSummary, isCrossProgramSummary, readWeeklySummaryAs } from '@/lib/summary/generate';
import { PdfBusyError, PdfUnavailableError, cachedPdf, renderPdf, renderPrintableHtml } from '@/lib/summary/pdf';
import { getSummaryArchive } from '@/lib/summary/service';
import { createSummaryText } from '@/lib/summary/text';

export const dynamic = 'force-dynamic';

/**
 * The week's summary as an A4 PDF in the reader's language, printed by headless Chromium from the
 * same document as the page and the mail, once per stored summary and language (then from the
 * cache). 429 with Retry-After when the render queue is full; 503 when this server cannot run
 * Chromium (the page then offers the browser's print dialog instead of this link). Neither
 * answer names the server's configuration; the log has the detail.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ week: string }> }) {
  try {
    const ctx = await requireRequestContext();
    const { week } = await params;
    const program = request.nextUrl.searchParams.get('program')?.trim().slice(0, 64) || null;
    const locale = resolveLocale(request.cookies.get(LOCALE_COOKIE)?.value);
    const db = await getDb();
    const { summary } = await readWeeklySummaryAs(db, getSummaryArchive(db), ctx.viewer, week, program);
    const pdf = await cachedPdf({ week: summary.week, scope: summary.scope, locale, generatedAt: summary.generatedAt }, () => {
      const doc = composeSummaryDocument(asCrossProgramSummary(summary.payload), createSummaryText(locale), {
        generatedAt: summary.generatedAt,
        scope: isCrossProgramSummary(summary.payload) ? 'all' : 'program',
      });
      return renderPdf(renderPrintableHtml(doc), { chromiumPath: getEnv().chromiumPath });
    });
    const name = `hutong-summary-${summary.week}${summary.scope === '*' ? '' : `-${summary.scope}`}.pdf`;
    return new NextResponse(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof PdfBusyError) {
      return NextResponse.json(
        { error: { code: 'RATE_LIMITED', message: 'Many PDFs are being made right now; try again shortly.', details: null } },
        { status: 429, headers: { 'Cache-Control': 'no-store', 'Retry-After': String(error.retryAfterSeconds) } },
      );
    }
    if (error instanceof PdfUnavailableError) {
      const errorId = logError(error, { where: 'summary.pdf' });
      return NextResponse.json(
        { error: { code: 'UNAVAILABLE', message: 'PDF cannot be made on this server.', details: { errorId } } },
        { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '3600' } },
      );
    }
    return errorResponse(error);
  }
}
