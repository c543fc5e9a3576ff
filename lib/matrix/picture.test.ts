import { describe, expect, it } from 'vitest';
import { buildMatrixSvg } from './picture';

describe('buildMatrixSvg', () => {
  const input = {
    title: 'Who scans whom on 2021-10-02',
    corner: 'Pays / accepts',
    columns: ['Alipay', 'WeChat Pay'],
    rows: [
      { label: 'UnionPay QuickPass', cells: [['49 / 337 cities', 'At risk'], ['31 / 31 cities']] },
      { label: 'Alipay', cells: [['Same rail'], ['No program covers this direction']] },
    ],
  };

  it('sizes the picture to its columns and the tallest cell of each row', () => {
    const { width, height, svg } = buildMatrixSvg(input);
    expect(width).toBe(190 + 2 * 250);
    // Title line, the header (two lines and padding), then each row: its tallest cell plus padding.
    expect(height).toBe(18 + (2 * 18 + 20) + (2 * 18 + 20) + (18 + 20));
    expect(svg).toContain(`width="${width}" height="${height}"`);
  });

  it('writes every word, escaped', () => {
    const { svg } = buildMatrixSvg({ ...input, title: 'A <b> & "c"' });
    for (const word of ['49 / 337 cities', 'At risk', 'No program covers this direction', 'UnionPay QuickPass']) expect(svg).toContain(word);
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg).not.toContain('<b>');
  });
});
