import { describe, expect, it } from 'vitest';
import { escapeFormula, toCsv, unescapeFormula, UTF8_BOM } from './format';

describe('CSV for spreadsheets', () => {
  it('starts with a BOM and ends lines with CRLF', () => {
    const csv = toCsv(['省份', '已上线'], [['广东省', 21]]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toBe(`${UTF8_BOM}省份,已上线\r\n广东省,21\r\n`);
  });

  it('quotes commas, quotes and newlines', () => {
    expect(toCsv(['a'], [['x,"y"\nz']])).toBe(`${UTF8_BOM}a\r\n"x,""y""\nz"\r\n`);
  });

  it('neutralises formula starts, full-width ones included, but not numbers', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1', '＋1', '－1', '＠x']) {
      expect(escapeFormula(bad)).toBe(`'${bad}`);
    }
    expect(toCsv(['n'], [[-5]])).toBe(`${UTF8_BOM}n\r\n-5\r\n`);
    expect(escapeFormula('深圳')).toBe('深圳');
  });

  it('escapes reversibly, so a cell already starting with an apostrophe survives export and import', () => {
    for (const value of ['=1+1', "'=1+1", "''@x", "'plain", '深圳', '']) {
      expect(unescapeFormula(escapeFormula(value))).toBe(value);
    }
    expect(escapeFormula("'=1+1")).toBe("''=1+1");
  });
});
