/**
 * Province choropleth: coverage DTO -> map series data -> ECharts option (pure, no ECharts import).
 */
import type { ProvinceCoverageDto } from '../coverage/queries';
import { COVERAGE_BINS, OUT_OF_SCOPE_COLOR, binOf, type CoverageBinKey } from './colours';
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
  const byCode = new Map(data.map((d) => [d.name, d]));
  return {
    tooltip: {
      trigger: 'item' as const,
      formatter: (params: { name: string }) => {
        const d = byCode.get(params.name);
        return d ? labels.formatTooltip(d) : labels.outOfScope;
      },
    },
    visualMap: {
      type: 'piecewise' as const,
      dimension: 'value',
      left: 8,
      bottom: 8,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontSize: 11 },
      pieces: COVERAGE_BINS.map((b) => ({ ...b.piece, label: labels.bins[b.key], color: b.color })),
      // The piecewise legend drives colour; each datum also carries its own areaColor so the map
      // stays right if the legend is hidden (print) or a bin is toggled off.
      seriesIndex: 0,
    },
    series: [
      {
        type: 'map' as const,
        map: mapName,
        nameProperty: 'code',
        roam: false,
        // No dot at each region's centre: the colour is the value.
        showLegendSymbol: false,
        layoutCenter: ['50%', '55%'],
        layoutSize: '110%',
        selectedMode: false as const,
        itemStyle: { areaColor: OUT_OF_SCOPE_COLOR, borderColor: '#ffffff', borderWidth: 0.8 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd666' } },
        label: { show: false },
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
