/**
 * The national province map drawn by ECharts' SVG renderer in SSR mode (`ssr: true`), as a raw SVG
 * string at SSR_MAP_WIDTH × SSR_MAP_HEIGHT. The dashboard's server-drawn map (lib/charts/ssr.ts)
 * and the map-shapes sprite (scripts/build-map-shapes.ts) both draw through here, so the sprite's
 * outlines are exactly the ones the page would otherwise inline. No `server-only`: the script
 * runs under tsx.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { VisualMapPiecewiseComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { NATIONAL_MAP } from './map-names';
import { buildProvinceMapOption, type ProvinceMapDatum, type ProvinceMapLabels } from './province-map';

echarts.use([MapChart, SVGRenderer, VisualMapPiecewiseComponent]);

/** The size the SVG is laid out at; the browser scales it to the box (viewBox). */
export const SSR_MAP_WIDTH = 760;
export const SSR_MAP_HEIGHT = 480;

function ensureNationalMap(root: string): void {
  if (echarts.getMap(NATIONAL_MAP)) return;
  const file = path.resolve(root, 'public', 'geo', 'china-provinces.json');
  const geoJson = JSON.parse(fs.readFileSync(file, 'utf8')) as Parameters<typeof echarts.registerMap>[1];
  echarts.registerMap(NATIONAL_MAP, geoJson);
}

export type ProvinceMapSvgLabels = Pick<ProvinceMapLabels, 'bins' | 'outOfScope' | 'ariaLabel'>;

/** ECharts' SVG of the province choropleth, unchanged. */
export function drawProvinceMapSvg(data: ProvinceMapDatum[], labels: ProvinceMapSvgLabels, root: string = process.cwd()): string {
  ensureNationalMap(root);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: SSR_MAP_WIDTH, height: SSR_MAP_HEIGHT });
  try {
    // No tooltip on the server: hovering the map loads the browser's chart, which has them.
    const option: Partial<ReturnType<typeof buildProvinceMapOption>> = buildProvinceMapOption(NATIONAL_MAP, data, {
      ...labels,
      formatTooltip: () => '',
    });
    delete option.tooltip;
    instance.setOption(option);
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
