/**
 * The one CSV writer, for every download and export: UTF-8 with a BOM (so Excel reads Chinese),
 * CRLF line ends, RFC 4180 quoting, and cells that a spreadsheet would run as a formula (OWASP CSV
 * injection) neutralised with a leading apostrophe: cells starting with = + - @, their full-width
 * forms ＝ ＋ － ＠ (some spreadsheet apps treat those as formula starts too), tab or CR.
 *
 * Escaping is reversible, so an exported file imports back unchanged (lib/import/csv.ts reads with
 * unescapeFormula): a cell whose apostrophes are followed by such a character gets one more.
 */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^'*[=+\-@\t\r＝＋－＠]/;
const ESCAPED_FORMULA_START = /^'+[=+\-@\t\r＝＋－＠]/;

/** The value a spreadsheet will show as text: one apostrophe in front of a would-be formula. */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The value as typed before escapeFormula. */
export function unescapeFormula(value: string): string {
  return ESCAPED_FORMULA_START.test(value) ? value.slice(1) : value;
}

function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export type CsvCell = string | number | boolean | null | undefined;

/** One cell: numbers stay numbers (a negative number is data, not a formula). */
function formatCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return quoteCell(escapeFormula(value));
}

/** Records as CSV text without the BOM (what a file upload carries after decoding). */
export function serializeCsv(records: ReadonlyArray<readonly CsvCell[]>): string {
  return records.map((cells) => cells.map(formatCell).join(',')).join('\r\n') + '\r\n';
}

/** A whole file: BOM, header, rows. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return UTF8_BOM + serializeCsv([header, ...rows]);
}
