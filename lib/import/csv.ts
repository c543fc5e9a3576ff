/**
 * The status CSV format, both directions. Pure (no database, no server-only), so scripts and tests
 * can use it.
 *
 *   program,entity,code,status,plannedDate,liveDate,evidenceUrl,note,version
 *
 * - entity is `city` or `institution`; code is the GB/T 2260 city code or the institution code.
 * - A row is the full editable state of a status row: an empty cell means "no value" (clears it).
 * - Reading: UTF-8 with or without BOM, or GBK (what Excel on Chinese Windows writes for "CSV").
 *   Valid UTF-8 is taken as UTF-8; otherwise GBK; if neither decodes cleanly the file is refused,
 *   never guessed (a wrong guess would store mojibake). At most 2 MB and 5,000 data rows.
 * - Writing: lib/csv/format.ts, the app's one CSV writer (BOM, CRLF, RFC 4180, formula cells
 *   escaped with an apostrophe). Reading strips exactly that apostrophe again (unescapeFormula),
 *   so export -> import gives back every value unchanged.
 *
 * Parsing uses papaparse with the delimiter and line ending fixed (detected from the header line),
 * never guessed from the data.
 */
import Papa from 'papaparse';
import type zhCN from '../../messages/zh-CN.json';
import { toCsv, unescapeFormula } from '../csv/format';
import { CSV_COLUMNS, CSV_HEADER_LINE, IMPORT_LIMITS, type CsvColumn } from './format';

export { CSV_COLUMNS, CSV_HEADER_LINE, IMPORT_LIMITS, type CsvColumn };

type ImportErrors = (typeof zhCN)['import']['errors'];
export type ImportErrorKey = `import.errors.${keyof ImportErrors & string}`;

/** A file-level problem: the file as a whole is refused with this message key. */
export class CsvFileError extends Error {
  constructor(
    readonly key: ImportErrorKey,
    readonly values: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'CsvFileError';
  }
}

export type CsvEncoding = 'utf-8' | 'gbk';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Characters that never occur in a real status file but do occur when bytes are decoded with the
 * wrong encoding: C0/C1 controls other than tab/CR/LF (e.g. the NULs of UTF-16), the replacement
 * character, and private-use code points (Node's GBK decoder maps undefined bytes such as 0xFF
 * there instead of failing).
 */
const IMPLAUSIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uE000-\uF8FF]/;

function tryDecode(encoding: CsvEncoding, bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return IMPLAUSIBLE.test(text) ? null : text;
  } catch {
    return null;
  }
}

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length > IMPORT_LIMITS.maxBytes) throw new CsvFileError('import.errors.tooLarge');
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  const utf8 = tryDecode('utf-8', body);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  // A BOM promises UTF-8: a file that has one but does not decode as UTF-8 is damaged, not GBK.
  const gbk = hasBom ? null : tryDecode('gbk', body);
  if (gbk !== null) return { text: gbk, encoding: 'gbk' };
  throw new CsvFileError('import.errors.encoding');
}

/** One data row of the file; `row` is its record number counting the header as 1. */
export type CsvRecord = { row: number } & Record<CsvColumn, string>;

export interface ParsedCsv {
  records: CsvRecord[];
  /** Rows that could not be read as 9 cells (reported per row, the rest still checked). */
  rowErrors: Array<{ row: number; key: ImportErrorKey }>;
}

function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (lf === -1) return cr === -1 ? '\r\n' : '\r';
  if (cr !== -1 && cr < lf - 1) return '\r';
  return cr === lf - 1 ? '\r\n' : '\n';
}

/** Splits CSV text into records of strings (RFC 4180); empty lines are skipped. */
export function parseCsvText(text: string): { records: Array<{ row: number; cells: string[] }>; badRows: Set<number> } {
  const result = Papa.parse<string[]>(text, { delimiter: ',', newline: detectNewline(text), quoteChar: '"', skipEmptyLines: false });
  const badRows = new Set<number>();
  for (const e of result.errors) if (typeof e.row === 'number') badRows.add(e.row + 1);
  const records: Array<{ row: number; cells: string[] }> = [];
  result.data.forEach((cells, index) => {
    if (cells.every((c) => c.trim() === '')) return;
    records.push({ row: index + 1, cells });
  });
  return { records, badRows };
}

/** Reads a status file: decode, check the header and the limits, split into records. */
export function readStatusCsv(bytes: Uint8Array): ParsedCsv & { encoding: CsvEncoding } {
  const { text, encoding } = decodeCsvBytes(bytes);
  const { records, badRows } = parseCsvText(text);
  const [header, ...data] = records;
  if (!header) throw new CsvFileError('import.errors.empty');
  const names = header.cells.map((c) => c.trim().toLowerCase());
  if (names.length !== CSV_COLUMNS.length || names.some((n, i) => n !== CSV_COLUMNS[i]!.toLowerCase())) {
    throw new CsvFileError('import.errors.header', { header: CSV_HEADER_LINE });
  }
  if (data.length === 0) throw new CsvFileError('import.errors.empty');
  if (data.length > IMPORT_LIMITS.maxRows) throw new CsvFileError('import.errors.tooManyRows');
  const parsed: CsvRecord[] = [];
  const rowErrors: ParsedCsv['rowErrors'] = [];
  for (const { row, cells } of data) {
    if (badRows.has(row)) rowErrors.push({ row, key: 'import.errors.malformed' });
    else if (cells.length !== CSV_COLUMNS.length) rowErrors.push({ row, key: 'import.errors.columnCount' });
    else {
      const record = { row } as CsvRecord;
      CSV_COLUMNS.forEach((column, i) => {
        record[column] = unescapeFormula(cells[i]!);
      });
      parsed.push(record);
    }
  }
  return { records: parsed, rowErrors, encoding };
}

/** The bytes of an export: UTF-8 BOM, header, rows. */
export function encodeStatusCsv(rows: ReadonlyArray<Record<CsvColumn, string>>): Uint8Array {
  return new TextEncoder().encode(toCsv(CSV_COLUMNS, rows.map((r) => CSV_COLUMNS.map((c) => r[c]))));
}
