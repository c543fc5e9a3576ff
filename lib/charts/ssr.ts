/**
 * Server-side rendering of the dashboard's national map: ECharts' SVG renderer in SSR mode
 * (lib/charts/province-map-svg.ts), so the first view shows the map as SVG with no chart code in the
 * browser. The browser loads ECharts (components/charts/echarts-core.ts) only when the user turns
 * to the map (pointer, focus, a new date or layer); until then a click on a province drills down
 * through the SSR metadata each region carries (its data index, turned into `data-code` here).
 *
 * The outlines themselves are not in the page: each region is a `<use>` of the static sprite
 * (lib/charts/map-shapes.ts) with its fill, so the page carries colours and codes only.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import type { ProvinceCoverageDto } from '@/lib/coverage/queries';
import { versionedGeoUrl } from '@/lib/coverage/geo-assets';
import { PROVINCE_SHAPES_FILE, readShapeIds, referToShapes } from './map-shapes';
import { drawProvinceMapSvg, type ProvinceMapSvgLabels } from './province-map-svg';
import { toProvinceMapData } from './province-map';

let shapeIds: Set<string> | null = null;

/** The outlines the sprite in public/geo holds (none when it cannot be read: paths stay inline). */
function spriteShapeIds(): Set<string> {
  if (!shapeIds) {
    try {
      shapeIds = readShapeIds(fs.readFileSync(path.resolve(process.cwd(), 'public', 'geo', PROVINCE_SHAPES_FILE), 'utf8'));
    } catch {
      shapeIds = new Set();
    }
  }
  return shapeIds;
}

// The same view is asked for again and again (the default date of each program): a few cached.
const cache = new Map<string, string>();
const CACHE_SIZE = 32;

/**
 * The province choropleth as an SVG string, laid out at SSR_MAP_WIDTH × SSR_MAP_HEIGHT with a
 * viewBox so it scales to its container.
 */
export function renderProvinceMapSvg(provinces: ProvinceCoverageDto[], locale: string, labels: ProvinceMapSvgLabels): string {
  const data = toProvinceMapData(provinces, locale);
  const key = JSON.stringify([locale, labels.bins, data.map((d) => [d.name, d.value])]);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let svg = drawProvinceMapSvg(data, labels);
  // Scale with the box: drop the fixed size, keep the aspect ratio through the viewBox.
  svg = svg.replace(
    /<svg([^>]*?) width="\d+" height="\d+"/,
    `<svg$1 width="100%" height="100%" preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false"`,
  );
  // Each in-scope province gets its code, so a click drills down without any chart code: ECharts
  // marks every region with its index in the series data, which starts with `data`.
  svg = svg.replace(/ecmeta_data_index="(\d+)"/g, (all, i: string) => {
    const code = data[Number(i)]?.name;
    return code ? `${all} data-code="${code}"` : all;
  });
  svg = referToShapes(svg, spriteShapeIds(), versionedGeoUrl(PROVINCE_SHAPES_FILE));
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, svg);
  return svg;
}
