/**
 * CSV as spreadsheet users open it: UTF-8 with a BOM (so Excel reads Chinese), CRLF line ends,
 * RFC 4180 quoting, and cells that a spreadsheet would run as a formula neutralised with a
 * leading apostrophe (OWASP CSV injection), including the full-width forms ＝＋－＠ that some
 * spreadsheet apps also treat as formula starts.
 */
export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export type CsvCell = string | number | boolean | null | undefined;

/** One cell: numbers stay numbers (a negative number is data, not a formula). */
export function formatCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return quoteCell(escapeFormula(value));
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const lines = [header.map((h) => formatCell(h)), ...rows.map((r) => r.map(formatCell))];
  return UTF8_BOM + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
