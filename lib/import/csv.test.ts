import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  CSV_HEADER_LINE,
  CsvFileError,
  IMPORT_LIMITS,
  decodeCsvBytes,
  encodeStatusCsv,
  readStatusCsv,
  type CsvColumn,
} from './csv';
import { escapeFormula, serializeCsv } from '../csv/format';

type Row = Record<CsvColumn, string>;

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A GBK encoder for tests, built by decoding every two-byte GBK sequence once. */
const gbkTable = (() => {
  const decoder = new TextDecoder('gbk', { fatal: true });
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if ([...ch].length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // not a GBK character
      }
    }
  }
  return table;
})();

function encodeGbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

function fileError(run: () => unknown): CsvFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const row = (over: Partial<Row> = {}): Row => ({
  program: 'alipay-unionpay-offline',
  entity: 'city',
  code: '4403',
  status: 'LIVE',
  plannedDate: '',
  liveDate: '2021-10-02',
  evidenceUrl: '',
  note: '深圳，首批',
  version: '3',
  ...over,
});

const strip = (records: Array<{ row: number } & Row>): Row[] => records.map((r) => Object.fromEntries(CSV_COLUMNS.map((c) => [c, r[c]])) as Row);

// Characters that make CSV hard: separators, quotes, line breaks, formula starters, Chinese.
const tricky = fc.constantFrom(',', '"', '\n', '\r\n', '\r', "'", '=', '+', '-', '@', '\t', '＝', '＋', '－', '＠', ' ', '互', '通', '银', '行', '，', '“', '”', '😀', 'a', 'Z', '0', '\uFEFF');
const cell = fc.array(fc.oneof(tricky, fc.string({ maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join(''));
// C0 controls other than tab/CR/LF are refused on reading (they mean a wrong encoding), so arbitrary
// rows are drawn without them.
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uE000-\uF8FF]/g, '');
const arbitraryRow: fc.Arbitrary<Row> = fc
  .tuple(...CSV_COLUMNS.map(() => cell))
  .map((cells) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, clean(cells[i]!)])) as Row)
  .filter((r) => CSV_COLUMNS.some((c) => r[c].trim() !== ''));

describe('status CSV round trip', () => {
  it('export then import gives back arbitrary rows exactly (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRow, { minLength: 1, maxLength: 20 }), (rows) => {
        const bytes = encodeStatusCsv(rows);
        const parsed = readStatusCsv(bytes);
        expect(parsed.rowErrors).toEqual([]);
        expect(parsed.encoding).toBe('utf-8');
        expect(strip(parsed.records)).toEqual(rows);
      }),
      { numRuns: 500, seed: 20211002 },
    );
  }, 60_000);

  it('writes UTF-8 with BOM, CRLF line ends and the header first', () => {
    const bytes = encodeStatusCsv([row({ note: '第一行\n第二行' })]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text.startsWith(`${CSV_HEADER_LINE}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"第一行\n第二行"');
  });

  it('reads files without BOM, with LF line ends, and with row numbers as a spreadsheet counts them', () => {
    const text = `${CSV_HEADER_LINE}\n${serializeCsv([CSV_COLUMNS.map((c) => row()[c])]).trim()}\n\n${serializeCsv([CSV_COLUMNS.map((c) => row({ code: '4401' })[c])]).trim()}\n`;
    const parsed = readStatusCsv(utf8(text));
    expect(parsed.records.map((r) => [r.row, r.code])).toEqual([
      [2, '4403'],
      [4, '4401'],
    ]);
  });
});

describe('formula escaping on export', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+86 10 1234', "'+86 10 1234"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠x', "'＠x"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ["'=already", "''=already"],
    ['a=b', 'a=b'],
    ['普通备注', '普通备注'],
  ])('%j is written as %j', (value, expected) => {
    expect(serializeCsv([[value]])).toBe(`${expected}\r\n`);
  });

  it('escapes every cell that starts like a formula (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'), fc.string(), (start, rest) => {
        expect(escapeFormula(start + rest).startsWith("'")).toBe(true);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('encodings', () => {
  it('reads a GBK file (Excel on Chinese Windows) correctly', () => {
    const text = `${CSV_HEADER_LINE}\r\n${CSV_COLUMNS.map((c) => row({ note: '工商银行，已上线“扫一扫”' })[c]).map((v) => (v.includes(',') || v.includes('，') ? `"${v}"` : v)).join(',')}\r\n`;
    const parsed = readStatusCsv(encodeGbk(text));
    expect(parsed.encoding).toBe('gbk');
    expect(parsed.records[0]?.note).toBe('工商银行，已上线“扫一扫”');
  });

  it('reads arbitrary GBK text exactly (fast-check)', () => {
    const gbkChars = [...gbkTable.keys()].filter((c) => !/[\uE000-\uF8FF]/.test(c));
    const gbkNote = fc.array(fc.constantFrom(...gbkChars.slice(0, 4000), ',', '"', '\n', 'a'), { minLength: 1, maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(gbkNote, (note) => {
        const text = serializeCsv([CSV_COLUMNS, CSV_COLUMNS.map((c) => row({ note })[c])]);
        const parsed = readStatusCsv(encodeGbk(text));
        // Pure-ASCII notes are also valid UTF-8, which is then (correctly) what they are read as.
        expect(parsed.records[0]?.note).toBe(note);
      }),
      { numRuns: 300, seed: 2021 },
    );
  }, 60_000);

  it('refuses bytes that are neither UTF-8 nor GBK, with the encoding message', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...CSV_HEADER_LINE].flatMap((c) => [c.charCodeAt(0), 0])]);
    const samples = [
      utf16,
      new Uint8Array([0x70, 0x72, 0x6f, 0xff, 0xff, 0x81]),
      new Uint8Array([0xef, 0xbb, 0xbf, ...encodeGbk('工商银行')]), // BOM says UTF-8, body is GBK: damaged
      new Uint8Array([0x00, 0x01, 0x02, 0x03]),
    ];
    for (const bytes of samples) expect(fileError(() => decodeCsvBytes(bytes)).key).toBe('import.errors.encoding');
  });

  it('refuses random garbage clearly or reads it as something that is then checked, never throws otherwise (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (bytes) => {
        try {
          readStatusCsv(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(CsvFileError);
        }
      }),
      { numRuns: 500, seed: 99 },
    );
  }, 60_000);
});

describe('limits and structure', () => {
  it('refuses files over 2 MB', () => {
    const big = new Uint8Array(IMPORT_LIMITS.maxBytes + 1).fill(0x61);
    expect(fileError(() => readStatusCsv(big)).key).toBe('import.errors.tooLarge');
  });

  it('accepts 5,000 rows and refuses 5,001', () => {
    const line = CSV_COLUMNS.map((c) => row()[c]).join(',');
    const file = (n: number) => utf8(`${CSV_HEADER_LINE}\r\n${Array.from({ length: n }, () => line).join('\r\n')}\r\n`);
    expect(readStatusCsv(file(5000)).records).toHaveLength(5000);
    expect(fileError(() => readStatusCsv(file(5001))).key).toBe('import.errors.tooManyRows');
  }, 30_000);

  it('refuses a wrong header and an empty file, naming the expected header', () => {
    const e = fileError(() => readStatusCsv(utf8('city,status\r\n4403,LIVE\r\n')));
    expect(e.key).toBe('import.errors.header');
    expect(e.values.header).toBe(CSV_HEADER_LINE);
    expect(fileError(() => readStatusCsv(utf8(''))).key).toBe('import.errors.empty');
    expect(fileError(() => readStatusCsv(utf8(`${CSV_HEADER_LINE}\r\n`))).key).toBe('import.errors.empty');
  });

  it('reports rows with the wrong number of cells or an unclosed quote, by row', () => {
    const good = CSV_COLUMNS.map((c) => row()[c]).join(',');
    const parsed = readStatusCsv(utf8(`${CSV_HEADER_LINE}\r\n${good}\r\na,b,c\r\n${good}\r\n"unclosed,${good}`));
    expect(parsed.records.map((r) => r.row)).toEqual([2, 4]);
    expect(parsed.rowErrors).toEqual([
      { row: 3, key: 'import.errors.columnCount' },
      { row: 5, key: 'import.errors.malformed' },
    ]);
  });
});
