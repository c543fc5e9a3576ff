/**
 * Server-side rendering of the dashboard's national map: ECharts' SVG renderer in SSR mode
 * (`ssr: true`), so the first view shows the map as SVG with no chart code in the browser. The
 * browser loads ECharts (components/charts/echarts-core.ts) only when the user turns to the map
 * (pointer, focus, a new date or layer); until then a click on a province drills down through the
 * SSR metadata each region's path carries (its data index, turned into `data-code` here).
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { VisualMapPiecewiseComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { NATIONAL_MAP } from './map-names';
import type { ProvinceCoverageDto } from '@/lib/coverage/queries';
import { buildProvinceMapOption, toProvinceMapData, type ProvinceMapLabels } from './province-map';

echarts.use([MapChart, SVGRenderer, VisualMapPiecewiseComponent]);

/** The size the SVG is laid out at; the browser scales it to the box (viewBox). */
export const SSR_MAP_WIDTH = 760;
export const SSR_MAP_HEIGHT = 480;

function ensureNationalMap(): void {
  if (echarts.getMap(NATIONAL_MAP)) return;
  const file = path.resolve(process.cwd(), 'public', 'geo', 'china-provinces.json');
  const geoJson = JSON.parse(fs.readFileSync(file, 'utf8')) as Parameters<typeof echarts.registerMap>[1];
  echarts.registerMap(NATIONAL_MAP, geoJson);
}

// The same view is asked for again and again (the default date of each program): a few cached.
const cache = new Map<string, string>();
const CACHE_SIZE = 32;

/**
 * The province choropleth as an SVG string, laid out at SSR_MAP_WIDTH × SSR_MAP_HEIGHT with a
 * viewBox so it scales to its container.
 */
export function renderProvinceMapSvg(
  provinces: ProvinceCoverageDto[],
  locale: string,
  labels: Pick<ProvinceMapLabels, 'bins' | 'outOfScope' | 'ariaLabel'>,
): string {
  const data = toProvinceMapData(provinces, locale);
  const key = JSON.stringify([locale, labels.bins, data.map((d) => [d.name, d.value])]);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  ensureNationalMap();
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: SSR_MAP_WIDTH, height: SSR_MAP_HEIGHT });
  let svg: string;
  try {
    // No tooltip on the server: hovering the map loads the browser's chart, which has them.
    const option: Partial<ReturnType<typeof buildProvinceMapOption>> = buildProvinceMapOption(NATIONAL_MAP, data, {
      ...labels,
      formatTooltip: () => '',
    });
    delete option.tooltip;
    instance.setOption(option);
    svg = instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
  // Scale with the box: drop the fixed size, keep the aspect ratio through the viewBox.
  svg = svg.replace(
    /<svg([^>]*?) width="\d+" height="\d+"/,
    `<svg$1 width="100%" height="100%" preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false"`,
  );
  // Each in-scope province's path gets its code, so a click drills down without any chart code:
  // ECharts marks every region with its index in the series data, which starts with `data`.
  svg = svg.replace(/ecmeta_data_index="(\d+)"/g, (all, i: string) => {
    const code = data[Number(i)]?.name;
    return code ? `${all} data-code="${code}"` : all;
  });
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, svg);
  return svg;
}
