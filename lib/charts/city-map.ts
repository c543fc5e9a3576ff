/**
 * A province's cities coloured by status: drill-down data -> map data -> ECharts option (pure).
 */
import type { RolloutStatus } from '../generated/sqlite/client';
import type { CityCoverageDto } from '../coverage/queries';
import { ROLLOUT_STATUSES } from '../coverage/summarise';
import { OUT_OF_SCOPE_COLOR, STATUS_COLORS } from './colours';
import { localized } from '../i18n/localized';

export interface CityMapDatum {
  /** City code; the province file's features are keyed by code (nameProperty 'code'). */
  name: string;
  label: string;
  status: RolloutStatus;
  itemStyle: { areaColor: string };
}

export function toCityMapData(cities: CityCoverageDto[], locale: string): CityMapDatum[] {
  return cities.map((c) => ({
    name: c.code,
    label: localized(locale, c.name, c.nameEn),
    status: c.status,
    itemStyle: { areaColor: STATUS_COLORS[c.status] },
  }));
}

export interface CityMapLabels {
  status: Record<RolloutStatus, string>;
  outOfScope: string;
  ariaLabel: string;
}

/** Where the map sits in its box; the national layer is drawn larger with thinner borders. */
export interface CityMapLayout {
  layoutCenter: [string, string];
  layoutSize: string;
  borderWidth: number;
}

const PROVINCE_LAYOUT: CityMapLayout = { layoutCenter: ['50%', '50%'], layoutSize: '95%', borderWidth: 0.8 };

export function buildCityMapOption(
  mapName: string,
  data: CityMapDatum[],
  labels: CityMapLabels,
  highlight?: string | null,
  layout: CityMapLayout = PROVINCE_LAYOUT,
) {
  const byCode = new Map(data.map((d) => [d.name, d]));
  return {
    tooltip: {
      trigger: 'item' as const,
      formatter: (params: { name: string }) => {
        const d = byCode.get(params.name);
        return d ? `${d.label}：${labels.status[d.status]}` : labels.outOfScope;
      },
    },
    legend: { show: false },
    // Categorical legend drawn as a piecewise visualMap on the status index.
    visualMap: {
      type: 'piecewise' as const,
      left: 8,
      bottom: 8,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontSize: 11 },
      dimension: 'value',
      pieces: ROLLOUT_STATUSES.map((s, i) => ({ value: i, label: labels.status[s], color: STATUS_COLORS[s] })),
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
        selectedMode: false as const,
        layoutCenter: layout.layoutCenter,
        layoutSize: layout.layoutSize,
        itemStyle: { areaColor: OUT_OF_SCOPE_COLOR, borderColor: '#ffffff', borderWidth: layout.borderWidth },
        emphasis: {
          label: { show: true, formatter: (p: { name: string }) => byCode.get(p.name)?.label ?? '' },
          itemStyle: { areaColor: '#ffd666' },
        },
        label: { show: false },
        data: data.map((d) => ({
          ...d,
          value: ROLLOUT_STATUSES.indexOf(d.status),
          ...(highlight === d.name
            ? { itemStyle: { ...d.itemStyle, borderColor: '#000000', borderWidth: 2 }, label: { show: true, formatter: d.label } }
            : {}),
        })),
      },
    ],
  };
}

/** Name under which a province's city map is registered with ECharts. */
export function provinceMapName(provinceCode: string): string {
  return `province-${provinceCode}`;
}
