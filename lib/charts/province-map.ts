/**
 * Province choropleth: coverage DTO -> map series data -> ECharts option (pure, no ECharts import).
 */
import type { ProvinceCoverageDto } from '../coverage/queries';
import { piecewiseLegend, regionMapSeries, regionTooltip } from './choropleth';
import { COVERAGE_BINS, binOf, type CoverageBinKey } from './colours';
import { localized } from '../i18n/localized';

export interface ProvinceMapDatum {
  /** Province code: the map's features are keyed by code (nameProperty 'code'). */
  name: string;
  value: number;
  label: string;
  live: number;
  denominator: number;
  itemStyle: { areaColor: string };
}

export function toProvinceMapData(provinces: ProvinceCoverageDto[], locale: string): ProvinceMapDatum[] {
  return provinces
    .filter((p) => p.percent !== null)
    .map((p) => ({
      name: p.code,
      value: p.percent ?? 0,
      label: localized(locale, p.name, p.nameEn),
      live: p.live,
      denominator: p.denominator,
      itemStyle: { areaColor: binOf(p.percent ?? 0).color },
    }));
}

export interface ProvinceMapLabels {
  /** Legend text per bin key. */
  bins: Record<CoverageBinKey, string>;
  /** e.g. "{live} / {denominator} live ({percent}%)" already formatted per datum by the caller. */
  formatTooltip: (d: ProvinceMapDatum) => string;
  outOfScope: string;
  ariaLabel: string;
}

export function buildProvinceMapOption(mapName: string, data: ProvinceMapDatum[], labels: ProvinceMapLabels) {
  return {
    tooltip: regionTooltip(data, labels.formatTooltip, labels.outOfScope),
    // The piecewise legend drives colour; each datum also carries its own areaColor so the map
    // stays right if the legend is hidden (print) or a bin is toggled off.
    visualMap: piecewiseLegend(COVERAGE_BINS.map((b) => ({ ...b.piece, label: labels.bins[b.key], color: b.color }))),
    series: [
      {
        ...regionMapSeries(mapName, { layoutCenter: ['50%', '55%'], layoutSize: '110%', borderWidth: 0.8 }),
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd666' } },
        data: [...data, SOUTH_CHINA_SEA_INSET],
      },
    ],
  };
}

/**
 * ECharts adds the South China Sea islands inset as a region named 南海诸岛 to a map registered as
 * `china`; drawn in the default out-of-scope fill it would be invisible, so it gets its own style.
 */
export const SOUTH_CHINA_SEA_INSET = {
  name: '南海诸岛',
  itemStyle: { areaColor: '#d9d9d9', borderColor: '#8c8c8c', borderWidth: 0.6 },
  emphasis: { disabled: true },
  tooltip: { show: false },
} as const;
