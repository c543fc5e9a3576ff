/**
 * A province's cities coloured by status: drill-down data -> map data -> ECharts option (pure).
 */
import type { RolloutStatus } from '../generated/sqlite/client';
import type { CityCoverageDto } from '../coverage/queries';
import { ROLLOUT_STATUSES } from '../coverage/summarise';
import { piecewiseLegend, regionMapSeries, regionTooltip, type MapLayout } from './choropleth';
import { STATUS_COLORS } from './colours';
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

/** A province's cities fill the box; the national layer passes its own (larger, thinner borders). */
const PROVINCE_LAYOUT: MapLayout = { layoutCenter: ['50%', '50%'], layoutSize: '95%', borderWidth: 0.8 };

export function buildCityMapOption(
  mapName: string,
  data: CityMapDatum[],
  labels: CityMapLabels,
  highlight?: string | null,
  layout: MapLayout = PROVINCE_LAYOUT,
) {
  const byCode = new Map(data.map((d) => [d.name, d]));
  return {
    tooltip: regionTooltip(data, (d) => `${d.label}：${labels.status[d.status]}`, labels.outOfScope),
    legend: { show: false },
    // Categorical legend drawn as a piecewise visualMap on the status index.
    visualMap: piecewiseLegend(ROLLOUT_STATUSES.map((s, i) => ({ value: i, label: labels.status[s], color: STATUS_COLORS[s] }))),
    series: [
      {
        ...regionMapSeries(mapName, layout),
        emphasis: {
          label: { show: true, formatter: (p: { name: string }) => byCode.get(p.name)?.label ?? '' },
          itemStyle: { areaColor: '#ffd666' },
        },
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
