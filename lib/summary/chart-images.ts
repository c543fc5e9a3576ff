/**
 * The summary page's charts as images of their own: `/summary/<week>/charts/<id>` answers one
 * chart's SVG, so the page's HTML carries an <img> with its size and text (alt, caption) instead
 * of the picture itself, once in the HTML and again in the RSC payload as a data URI.
 *
 * The image URL names what the picture depends on: the week, the scope (`program`), the language
 * (`lang`) and the stored summary's generation time (`v`, the data version: a regenerated summary
 * gets a new one). Under the current version an answer never changes, so the browser keeps it for
 * good; the server draws it once per stored summary and language (renderChartsSvgCached). Every
 * request is checked like the page: readWeeklySummaryAs authorises the viewer.
 */
import 'server-only';
import type { Viewer } from '../auth/viewer';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { AppLocale } from '../i18n/config';
import type { SummaryChart } from './charts';
import { composeSummaryDocument } from './document';
import { asCrossProgramSummary, isCrossProgramSummary, readWeeklySummaryAs } from './generate';
import { renderChartsSvgCached } from './render-charts';
import { getSummaryArchive } from './service';
import { createSummaryText } from './text';

export interface SummaryChartImage {
  src: string;
  width: number;
  height: number;
}

/** The data version of a stored summary, as it appears in its charts' URLs. */
export function summaryDataVersion(generatedAt: string): string {
  return String(Date.parse(generatedAt));
}

/** The URL of one chart of a stored summary. */
export function summaryChartHref(week: string, program: string | null, chartId: string, locale: AppLocale, generatedAt: string): string {
  const params = new URLSearchParams();
  if (program) params.set('program', program);
  params.set('lang', locale);
  params.set('v', summaryDataVersion(generatedAt));
  return `/summary/${encodeURIComponent(week)}/charts/${encodeURIComponent(chartId)}?${params.toString()}`;
}

/** Each chart's image, by chart id, for the page. */
export function summaryChartImages(
  week: string,
  program: string | null,
  charts: readonly SummaryChart[],
  locale: AppLocale,
  generatedAt: string,
): Map<string, SummaryChartImage> {
  return new Map(charts.map((c) => [c.id, { src: summaryChartHref(week, program, c.id, locale, generatedAt), width: c.width, height: c.height }]));
}

export interface SummaryChartSvg {
  svg: string;
  /** True when the request named the stored summary's current data version. */
  isCurrent: boolean;
  /** A validator of the picture: the stored summary, the language and the chart. */
  etag: string;
}

/** One chart of the week's summary as SVG, for `viewer`; NOT_FOUND for a chart the summary does not have. */
export async function getSummaryChartSvg(
  db: Db,
  viewer: Viewer,
  request: { week: string; program: string | null; chartId: string; locale: AppLocale; version: string | null },
): Promise<SummaryChartSvg> {
  const { summary } = await readWeeklySummaryAs(db, getSummaryArchive(db), viewer, request.week, request.program);
  const text = createSummaryText(request.locale);
  const doc = composeSummaryDocument(asCrossProgramSummary(summary.payload), text, {
    generatedAt: summary.generatedAt,
    scope: isCrossProgramSummary(summary.payload) ? 'all' : 'program',
  });
  const charts = doc.programs.flatMap((p) => p.charts);
  if (!charts.some((c) => c.id === request.chartId)) throw new AppError('NOT_FOUND', 'no such chart');
  // The page's key (lib/summary/render-charts.ts): every chart of the stored summary, drawn once.
  const rendered = renderChartsSvgCached(`${summary.week}|${summary.scope}|${summary.generatedAt}`, charts, request.locale);
  const chart = rendered.find((c) => c.id === request.chartId);
  if (!chart) throw new AppError('NOT_FOUND', 'no such chart');
  const version = summaryDataVersion(summary.generatedAt);
  return {
    svg: chart.svg,
    isCurrent: request.version === version,
    etag: `"${summary.week}.${summary.scope}.${version}.${request.locale}.${chart.id}"`,
  };
}
