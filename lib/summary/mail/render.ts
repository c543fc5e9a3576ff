/**
 * A stored summary as a mail in one language: subject, HTML with the charts as inline images
 * (rendered on the server by ECharts, PNG where sharp is available, SVG otherwise) and a plain-text
 * part with the same sentences. Words and charts are made once per language and shared by every
 * recipient reading it; only the greeting differs.
 */
import type { AppLocale } from '../../i18n/config';
import { composeSummaryDocument, type SummaryDocument } from '../document';
import { asCrossProgramSummary, isCrossProgramSummary } from '../generate';
import { renderSummaryHtml, type ChartImage } from '../html';
import { renderChartsSvg, svgToPng } from '../render-charts';
import { createSummaryText, type SummaryText } from '../text';
import type { StoredSummary } from '../types';
import type { MailAttachment } from './transport';

export interface PreparedSummaryMail {
  locale: AppLocale;
  text: SummaryText;
  doc: SummaryDocument;
  subject: string;
}

export interface MailCharts {
  attachments: MailAttachment[];
  images: Map<string, ChartImage>;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  attachments: MailAttachment[];
}

/** Content-ID of a chart; the domain part keeps it globally unique as RFC 2392 asks. */
export function chartCid(chartId: string, week: string): string {
  return `${chartId}.${week}@hutong`;
}

/** The words of the mail in one language (cheap: no chart is drawn here). */
export function prepareSummaryMail(stored: StoredSummary, locale: AppLocale): PreparedSummaryMail {
  const text = createSummaryText(locale);
  const summary = asCrossProgramSummary(stored.payload);
  const doc = composeSummaryDocument(summary, text, {
    generatedAt: stored.generatedAt,
    scope: isCrossProgramSummary(stored.payload) ? 'all' : 'program',
  });
  const only = isCrossProgramSummary(stored.payload) ? null : stored.payload;
  const subject = only
    ? text.mail('subjectProgram', { week: summary.week, start: summary.weekStart, end: summary.weekEnd, program: text.name(only.program) })
    : text.mail('subject', { week: summary.week, start: summary.weekStart, end: summary.weekEnd });
  return { locale, text, doc, subject };
}

/** The charts as inline attachments: PNG where sharp is available, SVG otherwise. */
export async function renderMailCharts(prepared: PreparedSummaryMail): Promise<MailCharts> {
  const charts = renderChartsSvg(
    prepared.doc.programs.flatMap((p) => p.charts),
    prepared.locale,
  );
  const attachments: MailAttachment[] = [];
  const images = new Map<string, ChartImage>();
  for (const chart of charts) {
    const png = await svgToPng(chart.svg);
    const cid = chartCid(chart.id, prepared.doc.week);
    attachments.push(
      png
        ? { filename: `${chart.id}.png`, content: png, contentType: 'image/png', cid }
        : { filename: `${chart.id}.svg`, content: Buffer.from(chart.svg, 'utf8'), contentType: 'image/svg+xml', cid },
    );
    images.set(chart.id, { src: `cid:${cid}`, alt: chart.title, width: chart.width, height: chart.height });
  }
  return { attachments, images };
}

/** The plain-text part: the same sentences as the HTML, without the charts. */
export function renderSummaryPlainText(doc: SummaryDocument, preamble: string[], postscript: string[]): string {
  const out: string[] = [...preamble, '', doc.title, doc.period, '', `${doc.overview.title}:`];
  for (const r of doc.overview.rows) out.push(`- ${r.program}: ${r.coverage} (${r.change}); ${r.healthLabel}. ${r.outlook}`);
  for (const p of doc.programs) {
    out.push('', `== ${p.title}${p.illustrativeLabel ? ` (${p.illustrativeLabel})` : ''} [${p.healthLabel}] ==`, p.coverage, p.change, p.projection.text);
    if (p.velocity) out.push(p.velocity);
    out.push(p.target);
    for (const list of p.lists) {
      out.push('', `${list.title}:`);
      if (list.items.length === 0) out.push(`  ${list.empty}`);
      for (const item of list.items) out.push(`  - ${item.tag ? `${item.tag}: ` : ''}${item.text}`);
      if (list.more) out.push(`  ${list.more}`);
    }
  }
  out.push('', doc.generated, ...postscript);
  return `${out.join('\n')}\n`;
}

export function renderSummaryMail(
  prepared: PreparedSummaryMail,
  charts: MailCharts,
  recipient: { name: string },
  weekUrl: string,
  portfolioUrl: string,
): RenderedMail {
  const { text, doc } = prepared;
  const preamble = [
    text.mail('greeting', { name: recipient.name }),
    text.mail('intro', { start: doc.weekStart, end: doc.weekEnd }),
  ];
  const html = renderSummaryHtml(doc, {
    mode: 'mail',
    images: charts.images,
    preamble,
    postscript: [
      { text: `${text.mail('viewOnline')} ${weekUrl}`, href: weekUrl },
      { text: `${text.mail('portfolioOnline')} ${portfolioUrl}`, href: portfolioUrl },
      { text: text.mail('chartsNote') },
      { text: text.mail('footer') },
    ],
  });
  const plain = renderSummaryPlainText(doc, preamble, [
    `${text.mail('viewOnline')} ${weekUrl}`,
    `${text.mail('portfolioOnline')} ${portfolioUrl}`,
    text.mail('footer'),
  ]);
  return { subject: prepared.subject, html, text: plain, attachments: charts.attachments };
}
