/**
 * A summary document as one self-contained HTML page, for the mail body and for the PDF (printed
 * by Chromium). Inline styles and tables only, because mail clients drop most CSS; the print
 * variant adds an A4 page rule and page-break hints. Every text goes through escapeHtml.
 */
import { HEALTH_COLORS, escapeHtml } from '../charts/timeline-marks';
import { CHART_FONT_FAMILY } from './charts';
import type { DocList, DocProgram, SummaryDocument, Tone } from './document';
import { localized } from '../i18n/localized';

export interface ChartImage {
  /** `cid:...` for mail, a data: URI for print. */
  src: string;
  alt: string;
  width: number;
  height: number;
}

export interface HtmlOptions {
  mode: 'mail' | 'print';
  /** Chart id to image; charts without one are left out. */
  images: ReadonlyMap<string, ChartImage>;
  /** Paragraphs before the title (the mail's greeting and introduction). */
  preamble?: string[];
  /** Paragraphs after everything (the mail's link and footer). */
  postscript?: Array<{ text: string; href?: string }>;
}

const FONT = CHART_FONT_FAMILY;
const TEXT = '#1f1f1f';
const MUTED = '#595959';
const BORDER = '#d9d9d9';
const TONE_COLORS: Readonly<Record<Tone, string>> = { good: '#237804', bad: '#cf1322', warning: '#ad4e00', muted: MUTED };

const e = escapeHtml;

function badge(health: DocProgram['health'], label: string): string {
  const color = health ? HEALTH_COLORS[health] : MUTED;
  return `<span style="display:inline-block;padding:1px 8px;border:1px solid ${color};border-radius:4px;color:${color};font-size:12px;white-space:nowrap">${e(label)}</span>`;
}

function renderList(list: DocList, locale: SummaryDocument['locale']): string {
  const heading = `<h3 style="margin:14px 0 6px;font-size:14px">${e(list.title)}</h3>`;
  if (list.items.length === 0) return `${heading}<p style="margin:0;color:${MUTED};font-size:13px">${e(list.empty)}</p>`;
  const more = list.more ? `<p style="margin:4px 0 0;color:${MUTED};font-size:13px">${e(list.more)}</p>` : '';
  if (list.layout === 'inline') {
    return `${heading}<p style="margin:0;font-size:13px;line-height:1.7">${list.items.map((i) => e(i.text)).join(localized(locale, '、', ', '))}</p>${more}`;
  }
  const items = list.items
    .map((i) => {
      const tag = i.tag ? `<span style="color:${i.tone ? TONE_COLORS[i.tone] : MUTED};font-weight:600">${e(i.tag)}</span> ` : '';
      return `<li style="margin:2px 0">${tag}${e(i.text)}</li>`;
    })
    .join('');
  return `${heading}<ul style="margin:0;padding-left:20px;font-size:13px;line-height:1.6">${items}</ul>${more}`;
}

function renderProgram(p: DocProgram, locale: SummaryDocument['locale'], options: HtmlOptions): string {
  const images = p.charts
    .map((c) => options.images.get(c.id))
    .filter((img): img is ChartImage => img !== undefined)
    .map(
      (img) =>
        `<figure class="chart" style="margin:10px 0"><img src="${e(img.src)}" alt="${e(img.alt)}" width="${img.width}" style="display:block;width:100%;max-width:${img.width}px;height:auto;border:0" /><figcaption style="font-size:12px;color:${MUTED}">${e(img.alt)}</figcaption></figure>`,
    )
    .join('');
  const illustrative = p.illustrativeLabel
    ? ` <span style="font-size:12px;font-weight:400;color:#ad4e00;border:1px solid #ffd591;background:#fff7e6;padding:0 6px;border-radius:4px">${e(p.illustrativeLabel)}</span>`
    : '';
  const lines = [
    `<p style="margin:6px 0;font-size:14px">${e(p.coverage)} · ${e(p.change)}</p>`,
    `<p style="margin:6px 0;font-size:14px;color:${TONE_COLORS[p.projection.tone]};font-weight:${p.projection.tone === 'bad' ? 700 : 400}">${e(p.projection.text)}</p>`,
    `<p style="margin:6px 0;font-size:13px;color:${MUTED}">${[p.velocity, p.target].filter((x): x is string => x !== null).map(e).join(' · ')}</p>`,
  ];
  return `<section class="program" data-program="${e(p.slug)}" style="margin-top:24px;padding-top:12px;border-top:2px solid ${TEXT}">
<h2 style="margin:0 0 6px;font-size:18px">${e(p.title)}${illustrative} ${badge(p.health, p.healthLabel)}</h2>
${lines.join('\n')}
${images}
${p.lists.map((l) => renderList(l, locale)).join('\n')}
</section>`;
}

function renderOverview(doc: SummaryDocument): string {
  const h = doc.overview.headers;
  const th = (text: string) => `<th align="left" style="padding:6px 8px;border-bottom:1px solid ${BORDER};font-size:12px;color:${MUTED}">${e(text)}</th>`;
  const rows = doc.overview.rows
    .map(
      (r) => `<tr data-program="${e(r.slug)}">
<td style="padding:6px 8px;border-bottom:1px solid ${BORDER};font-size:13px;font-weight:600">${e(r.program)}</td>
<td style="padding:6px 8px;border-bottom:1px solid ${BORDER};font-size:13px;white-space:nowrap">${e(r.coverage)}</td>
<td style="padding:6px 8px;border-bottom:1px solid ${BORDER};font-size:13px;white-space:nowrap">${e(r.change)}</td>
<td style="padding:6px 8px;border-bottom:1px solid ${BORDER}">${badge(r.health, r.healthLabel)}</td>
<td style="padding:6px 8px;border-bottom:1px solid ${BORDER};font-size:13px;color:${TONE_COLORS[r.outlookTone]}">${e(r.outlook)}</td>
</tr>`,
    )
    .join('\n');
  return `<h2 style="margin:18px 0 6px;font-size:16px">${e(doc.overview.title)}</h2>
<table role="presentation" cellspacing="0" cellpadding="0" style="width:100%;border-collapse:collapse">
<thead><tr>${th(h.program)}${th(h.coverage)}${th(h.change)}${th(h.health)}${th(h.outlook)}</tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

const PRINT_CSS = `@page { size: A4; margin: 14mm 12mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h2, h3 { break-after: avoid; }
figure.chart, tr, li { break-inside: avoid; }
section.program { break-before: auto; }`;

export function renderSummaryHtml(doc: SummaryDocument, options: HtmlOptions): string {
  const lang = localized(doc.locale, 'zh-CN', 'en');
  const preamble = (options.preamble ?? []).map((p) => `<p style="margin:0 0 8px;font-size:14px">${e(p)}</p>`).join('\n');
  const postscript = (options.postscript ?? [])
    .map((p) =>
      p.href
        ? `<p style="margin:4px 0;font-size:13px"><a href="${e(p.href)}" style="color:#1f5fae">${e(p.text)}</a></p>`
        : `<p style="margin:4px 0;font-size:12px;color:${MUTED}">${e(p.text)}</p>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${e(doc.title)}</title>
${options.mode === 'print' ? `<style>${PRINT_CSS}</style>` : ''}
</head>
<body style="margin:0;padding:0;background:#ffffff;color:${TEXT};font-family:${FONT}">
<div style="max-width:760px;margin:0 auto;padding:${options.mode === 'print' ? '0' : '16px'}">
${preamble}
<h1 style="margin:0 0 4px;font-size:22px">${e(doc.title)}</h1>
<p style="margin:0 0 4px;font-size:13px;color:${MUTED}">${e(doc.period)}</p>
${renderOverview(doc)}
${doc.programs.map((p) => renderProgram(p, doc.locale, options)).join('\n')}
<p style="margin:24px 0 8px;font-size:12px;color:${MUTED}">${e(doc.generated)}</p>
${postscript}
</div>
</body>
</html>
`;
}
