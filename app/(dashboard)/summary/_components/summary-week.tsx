import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { resolveLocale } from '@/lib/i18n/config';
import { listPrograms } from '@/lib/programs/queries';
import { composeSummaryDocument } from '@/lib/summary/document';
import { asCrossProgramSummary, isCrossProgramSummary, readWeeklySummaryAs } from '@/lib/summary/generate';
import { isWeekFinished, shiftIsoWeek } from '@/lib/summary/iso-week';
import { findChromium } from '@/lib/summary/pdf';
import { summaryChartImages } from '@/lib/summary/chart-images';
import { getSummaryArchive } from '@/lib/summary/service';
import { createSummaryText } from '@/lib/summary/text';
import { NotFoundResult } from '@/components/ui/not-found-result';
import { SummaryActions } from './summary-actions';
import { SummaryDocumentView } from './summary-document-view';

/** The link to the list of every week. */
export const SUMMARY_ARCHIVE_HREF = '/summary/archive';

/** `?program=` of a summary URL: one program's summary, or null for all programs. */
export function programParam(raw: string | string[] | undefined): string | null {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value.slice(0, 64) : null;
}

function weekHref(week: string, program: string | null): string {
  return program ? `/summary/${week}?program=${encodeURIComponent(program)}` : `/summary/${week}`;
}

interface Props {
  viewer: Viewer;
  /** The requested week id, as typed in the URL (validated here). */
  week: string;
  program: string | null;
}

/**
 * One week's summary, for /summary (the latest finished week) and /summary/[week]: read from the archive, or generated and archived on this first view (an
 * idempotent write: the same week is never stored twice, see lib/summary/archive.ts).
 */
export async function SummaryWeek({ viewer, week, program }: Props) {
  const locale = resolveLocale(await getLocale());
  const text = createSummaryText(locale);
  const { t } = text;
  const tPortfolio = await getTranslations('portfolio');
  const db = await getDb();

  let result;
  try {
    result = await readWeeklySummaryAs(db, getSummaryArchive(db), viewer, week, program);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'VALIDATION' || error.code === 'NOT_FOUND')) {
      return (
        <NotFoundResult
          title={t('week.invalidTitle')}
          message={t('week.invalid', { week: week.slice(0, 20) })}
          backHref={SUMMARY_ARCHIVE_HREF}
          backLabel={t('week.back')}
          testId="summary-invalid"
        />
      );
    }
    throw error;
  }

  const { summary, request } = result;
  const doc = composeSummaryDocument(asCrossProgramSummary(summary.payload), text, {
    generatedAt: summary.generatedAt,
    scope: isCrossProgramSummary(summary.payload) ? 'all' : 'program',
  });
  // Each chart is an image of its own (/summary/<week>/charts/<id>), drawn and cached there: the
  // page carries its size and text, not the picture.
  const charts = summaryChartImages(request.week.id, program, doc.programs.flatMap((p) => p.charts), locale, summary.generatedAt);
  const started = (await listPrograms(db)).filter((p) => p.startDate <= request.week.end);
  const previous = shiftIsoWeek(request.week, -1);
  const next = shiftIsoWeek(request.week, 1);
  const hasPrevious = started.some((p) => p.startDate <= previous.end);
  const hasNext = isWeekFinished(next, new Date());
  const pdfHref = `/summary/${request.week.id}/pdf${program ? `?program=${encodeURIComponent(program)}` : ''}`;
  const canMakePdf = findChromium(getEnv().chromiumPath) !== null;

  return (
    <div className="summary-page">
      <SummaryActions
        archiveHref={SUMMARY_ARCHIVE_HREF}
        labels={{
          back: t('week.back'),
          previous: t('week.previous'),
          next: t('week.next'),
          print: t('week.print'),
          downloadPdf: t('week.downloadPdf'),
          nav: t('title'),
        }}
        previousHref={hasPrevious ? weekHref(previous.id, program) : null}
        nextHref={hasNext ? weekHref(next.id, program) : null}
        pdfHref={canMakePdf ? pdfHref : null}
      />
      {!canMakePdf && (
        <p className="summary-notice" role="note" data-testid="summary-pdf-unavailable">
          {t('week.pdfUnavailable')}
        </p>
      )}
      {started.length > 1 && (
        <nav className="summary-programs" aria-label={t('overview.program')}>
          <Link prefetch={false} href={weekHref(request.week.id, null)} aria-current={program === null ? 'page' : undefined}>
            {t('week.allPrograms')}
          </Link>
          {started.map((p) => (
            <Link prefetch={false} key={p.slug} href={weekHref(request.week.id, p.slug)} aria-current={program === p.slug ? 'page' : undefined}>
              {text.name(p)}
            </Link>
          ))}
        </nav>
      )}
      <p className="summary-portfolio-link">
        <Link prefetch={false} href={`/portfolio?asOf=${request.week.end}`} data-testid="summary-portfolio-link">
          {tPortfolio('summaryLink')}
        </Link>
      </p>
      <SummaryDocumentView doc={doc} charts={charts} />
    </div>
  );
}
