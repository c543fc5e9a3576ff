import { describe, expect, it } from 'vitest';
import { STATUS_COLORS } from './colours';
import { buildCityMapOption, provinceMapName, toCityMapData } from './city-map';

const cities = [
  { code: '4401', name: '广州市', nameEn: 'Guangzhou', status: 'LIVE' as const },
  { code: '4403', name: '深圳市', nameEn: 'Shenzhen', status: 'PAUSED' as const },
  { code: '4405', name: '汕头市', nameEn: 'Shantou', status: 'NOT_STARTED' as const },
];
const labels = {
  status: { NOT_STARTED: '未启动', PLANNED: '已计划', IN_PROGRESS: '实施中', PILOT: '试点', LIVE: '已上线', PAUSED: '已暂停' },
  outOfScope: '不在范围内',
  ariaLabel: '地图',
};

describe('city map', () => {
  it('colours each city by its status, keyed by code', () => {
    const data = toCityMapData(cities, 'zh-CN');
    expect(data.map((d) => [d.name, d.itemStyle.areaColor])).toEqual([
      ['4401', STATUS_COLORS.LIVE],
      ['4403', STATUS_COLORS.PAUSED],
      ['4405', STATUS_COLORS.NOT_STARTED],
    ]);
  });

  it('names the status in the tooltip and outlines a searched-for city', () => {
    const option = buildCityMapOption(provinceMapName('44'), toCityMapData(cities, 'zh-CN'), labels, '4403');
    expect(option.series[0]!.map).toBe('province-44');
    expect(option.tooltip.formatter({ name: '4403' })).toBe('深圳市：已暂停');
    expect(option.tooltip.formatter({ name: '429004' })).toBe('不在范围内');
    const shenzhen = option.series[0]!.data.find((d) => d.name === '4403');
    expect(shenzhen?.itemStyle).toMatchObject({ borderWidth: 2 });
    expect(option.visualMap.pieces).toHaveLength(6);
  });
});
