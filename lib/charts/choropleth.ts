/**
 * Option pieces shared by the region maps (provinces by coverage, cities by status): regions keyed
 * by code, a tooltip that names regions outside the program's scope as such, the piecewise legend
 * in the lower left and the map series around the data. Pure; no ECharts import.
 */
import { OUT_OF_SCOPE_COLOR } from './colours';

/** Where the map sits in its box and how thick the region borders are. */
export interface MapLayout {
  layoutCenter: [string, string];
  layoutSize: string;
  borderWidth: number;
}

export function regionTooltip<T extends { name: string }>(data: readonly T[], describe: (d: T) => string, outOfScope: string) {
  const byCode = new Map(data.map((d) => [d.name, d]));
  return {
    trigger: 'item' as const,
    formatter: (params: { name: string }) => {
      const d = byCode.get(params.name);
      return d ? describe(d) : outOfScope;
    },
  };
}

export function piecewiseLegend(pieces: readonly object[]) {
  return {
    type: 'piecewise' as const,
    dimension: 'value',
    left: 8,
    bottom: 8,
    itemWidth: 14,
    itemHeight: 10,
    textStyle: { fontSize: 11 },
    pieces: [...pieces],
    seriesIndex: 0,
  };
}

/** The map series: regions outside the data drawn in the out-of-scope grey, no roaming or selection. */
export function regionMapSeries(mapName: string, layout: MapLayout) {
  return {
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
    label: { show: false },
  };
}
