import { describe, expect, it } from 'vitest';
import type { ProvinceCoverageDto } from '../coverage/queries';
import { binOf } from './colours';
import { renderProvinceMapSvg } from './ssr';

const counts = { NOT_STARTED: 0, PLANNED: 0, IN_PROGRESS: 0, PILOT: 0, LIVE: 0, PAUSED: 0 };
const provinces: ProvinceCoverageDto[] = [
  { code: '44', name: '广东省', nameEn: 'Guangdong', live: 21, denominator: 21, percent: 100, counts },
  { code: '65', name: '新疆维吾尔自治区', nameEn: 'Xinjiang', live: 0, denominator: 14, percent: 0, counts },
  { code: '51', name: '四川省', nameEn: 'Sichuan', live: 3, denominator: 21, percent: 14.3, counts },
];
const labels = {
  bins: { none: '0%', low: '0-25%', mid: '25-50%', high: '50-75%', almost: '75-99%', full: '100%' },
  outOfScope: 'out of scope',
  ariaLabel: 'map',
};

/** The `fill` of every region (a `<use>` of the outlines sprite) marked with `code`. */
function fillsOf(svg: string, code: string): string[] {
  const paths = svg.match(new RegExp(`<use[^>]*data-code="${code}"[^>]*>`, 'g')) ?? [];
  return paths.map((p) => /fill="([^"]+)"/.exec(p)?.[1] ?? '');
}

describe('server-rendered province map', () => {
  const svg = renderProvinceMapSvg(provinces, 'zh-CN', labels);

  it('is one scalable SVG with the legend', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="100%"');
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('0-25%');
  });

  it('marks each in-scope province with its code and fills it with its bin colour', () => {
    for (const p of provinces) {
      const fills = fillsOf(svg, p.code);
      expect(fills.length).toBeGreaterThan(0);
      for (const fill of fills) expect(fill.toLowerCase()).toBe(binOf(p.percent ?? 0).color.toLowerCase());
    }
  });

  it('leaves provinces outside the data unmarked, so a click on them does nothing', () => {
    expect(fillsOf(svg, '11')).toEqual([]);
  });

  it('draws every outline from the cached sprite, so the page carries colours, not shapes', () => {
    const uses = svg.match(/<use href="[^"]+"/g) ?? [];
    expect(uses.length).toBeGreaterThanOrEqual(34);
    for (const use of uses) expect(use).toMatch(/^<use href="\/geo\/china-provinces-shapes\.svg\?v=[0-9a-f]{12}#s[0-9a-f]{12}"$/);
    // What stays inline is the legend: no long path data.
    const longest = Math.max(...Array.from(svg.matchAll(/ d="([^"]*)"/g), (m) => m[1]!.length));
    expect(longest).toBeLessThan(200);
    expect(svg.length).toBeLessThan(20_000);
  });
});
