import { describe, expect, it } from 'vitest';
import type { ProvinceCoverageDto } from '../coverage/queries';
import { COVERAGE_BINS, binOf } from './colours';
import { buildProvinceMapOption, toProvinceMapData } from './province-map';

const counts = { NOT_STARTED: 0, PLANNED: 0, IN_PROGRESS: 0, PILOT: 0, LIVE: 0, PAUSED: 0 };
const fixture: ProvinceCoverageDto[] = [
  { code: '44', name: '广东省', nameEn: 'Guangdong', live: 21, denominator: 21, percent: 100, counts },
  { code: '65', name: '新疆维吾尔自治区', nameEn: 'Xinjiang', live: 0, denominator: 14, percent: 0, counts },
  { code: '51', name: '四川省', nameEn: 'Sichuan', live: 3, denominator: 21, percent: 14.3, counts },
];

describe('coverage bins', () => {
  it('gives 0% and 100% bins of their own and covers every value in between', () => {
    expect(binOf(0).key).toBe('none');
    expect(binOf(0.1).key).toBe('low');
    expect(binOf(25).key).toBe('low');
    expect(binOf(25.1).key).toBe('mid');
    expect(binOf(99.9).key).toBe('almost');
    expect(binOf(100).key).toBe('full');
    for (let p = 0; p <= 100; p += 0.1) expect(COVERAGE_BINS).toContain(binOf(Math.round(p * 10) / 10));
  });
});

describe('province map', () => {
  it('keys data by province code and colours each province by its bin', () => {
    const data = toProvinceMapData(fixture, 'zh-CN');
    expect(data.map((d) => [d.name, d.value, d.label, d.itemStyle.areaColor])).toEqual([
      ['44', 100, '广东省', binOf(100).color],
      ['65', 0, '新疆维吾尔自治区', binOf(0).color],
      ['51', 14.3, '四川省', binOf(14.3).color],
    ]);
    expect(toProvinceMapData(fixture, 'en')[0]?.label).toBe('Guangdong');
  });

  it('joins the map by code on the national map and puts numbers with denominators in the tooltip', () => {
    const data = toProvinceMapData(fixture, 'en');
    const option = buildProvinceMapOption('china', data, {
      bins: { none: '0', low: 'l', mid: 'm', high: 'h', almost: 'a', full: 'f' },
      formatTooltip: (d) => `${d.label}: ${d.live} / ${d.denominator} (${d.value}%)`,
      outOfScope: 'out of scope',
      ariaLabel: 'map',
    });
    const series = option.series[0]!;
    expect(series.map).toBe('china');
    expect(series.nameProperty).toBe('code');
    expect(option.visualMap.pieces).toHaveLength(COVERAGE_BINS.length);
    expect(option.tooltip.formatter({ name: '51' })).toBe('Sichuan: 3 / 21 (14.3%)');
    expect(option.tooltip.formatter({ name: '81' })).toBe('out of scope');
    // The South China Sea inset is drawn visibly, without a value.
    expect(series.data.at(-1)).toMatchObject({ name: '南海诸岛', emphasis: { disabled: true } });
  });
});
