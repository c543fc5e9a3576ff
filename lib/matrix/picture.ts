/**
 * The matrix as a picture: a plain SVG grid of text (title, column headers, one row per paying
 * side, each cell a few lines), which the browser rasterises for the PNG download. Pure, so the
 * layout is tested without a browser; the caller passes every word already translated.
 */

export interface PictureRow {
  label: string;
  /** One entry per column; each a list of lines. */
  cells: string[][];
}

export interface PictureInput {
  title: string;
  corner: string;
  columns: string[];
  rows: PictureRow[];
}

const LINE = 18;
const PAD = 10;
const LABEL_WIDTH = 190;
const CELL_WIDTH = 250;
const FONT = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function text(x: number, y: number, value: string, bold = false): string {
  return `<text x="${x}" y="${y}"${bold ? ' font-weight="600"' : ''}>${escapeXml(value)}</text>`;
}

/** SVG source with explicit width and height (what a canvas needs to draw it). */
export function buildMatrixSvg(input: PictureInput): { svg: string; width: number; height: number } {
  const width = LABEL_WIDTH + CELL_WIDTH * input.columns.length;
  const headerHeight = LINE * 2 + PAD * 2;
  const rowHeights = input.rows.map((r) => Math.max(1, ...r.cells.map((c) => c.length)) * LINE + PAD * 2);
  const height = headerHeight + LINE + rowHeights.reduce((a, b) => a + b, 0);
  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(PAD, LINE, input.title, true),
  ];
  let y = LINE + PAD;
  parts.push(`<rect x="0" y="${y}" width="${width}" height="${headerHeight - PAD}" fill="#fafafa"/>`);
  parts.push(text(PAD, y + LINE + 4, input.corner));
  input.columns.forEach((c, i) => parts.push(text(LABEL_WIDTH + i * CELL_WIDTH + PAD, y + LINE + 4, c, true)));
  y += headerHeight - PAD;
  input.rows.forEach((row, r) => {
    const h = rowHeights[r]!;
    parts.push(`<line x1="0" x2="${width}" y1="${y}" y2="${y}" stroke="#d9d9d9"/>`);
    parts.push(text(PAD, y + PAD + LINE - 4, row.label, true));
    row.cells.forEach((lines, i) => {
      const x = LABEL_WIDTH + i * CELL_WIDTH;
      parts.push(`<line x1="${x}" x2="${x}" y1="${y}" y2="${y + h}" stroke="#f0f0f0"/>`);
      lines.forEach((line, l) => parts.push(text(x + PAD, y + PAD + LINE * (l + 1) - 4, line)));
    });
    y += h;
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${escapeXml(FONT)}" font-size="13" fill="#1f1f1f">${parts.join('')}</svg>`;
  return { svg, width, height };
}
