/**
 * Server-side rendering of the summary's charts with ECharts' SVG renderer (`ssr: true`): one
 * SVG string per chart, for the page (as images), the PDF and the mail (converted to PNG, which
 * mail clients display where many refuse SVG).
 *
 * The browser's charts load ECharts through components/charts/echarts-core.ts; this is the
 * server's counterpart, tree-shaken the same way (echarts/core plus the parts drawn), never the
 * full 'echarts' bundle. No `server-only`: the CLI renders the mail's charts too.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as echarts from 'echarts/core';
import { LineChart, MapChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { AppLocale } from '../i18n/config';
import { NATIONAL_MAP, type SummaryChart } from './charts';
import { localized } from '../i18n/localized';

echarts.use([
  AriaComponent,
  GridComponent,
  LegacyGridContainLabel,
  LegendComponent,
  LineChart,
  MapChart,
  MarkLineComponent,
  MarkPointComponent,
  SVGRenderer,
  TooltipComponent,
  VisualMapComponent,
]);

/** The map data the browser fetches from /geo/, read from the same file. */
const NATIONAL_MAP_FILE = path.join('public', 'geo', 'china-provinces.json');

function ensureNationalMap(): void {
  if (echarts.getMap(NATIONAL_MAP)) return;
  const file = path.resolve(process.cwd(), NATIONAL_MAP_FILE);
  const geoJson = JSON.parse(fs.readFileSync(file, 'utf8')) as Parameters<typeof echarts.registerMap>[1];
  echarts.registerMap(NATIONAL_MAP, geoJson);
}

export interface RenderedChart extends Omit<SummaryChart, 'option'> {
  svg: string;
}

export function renderChartSvg(chart: SummaryChart, locale: AppLocale): RenderedChart {
  if (chart.kind === 'map') ensureNationalMap();
  const instance = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: chart.width,
    height: chart.height,
    locale: localized(locale, 'ZH', 'EN'),
  });
  try {
    instance.setOption(chart.option);
    const { id, kind, programSlug, title, width, height } = chart;
    return { id, kind, programSlug, title, width, height, svg: instance.renderToSVGString() };
  } finally {
    instance.dispose();
  }
}

export function renderChartsSvg(charts: readonly SummaryChart[], locale: AppLocale): RenderedChart[] {
  return charts.map((c) => renderChartSvg(c, locale));
}

export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/**
 * SVG to PNG at twice the size (sharp, via librsvg and the system's fonts; `fonts-noto-cjk` gives
 * the Chinese glyphs). Null when sharp is not installed: the mail then carries the SVG instead.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer | null> {
  let sharp: (typeof import('sharp'))['default'];
  try {
    sharp = (await import('sharp')).default;
  } catch {
    return null;
  }
  return sharp(Buffer.from(svg, 'utf8'), { density: 72 * scale })
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer();
}

/**
 * Archived weeks never change, so their charts can be drawn once per language and kept: a small
 * in-process cache keyed by the stored record (week, scope, generation time) and the language.
 */
const CACHE_LIMIT = 24;
const cache = new Map<string, RenderedChart[]>();

export function renderChartsSvgCached(key: string, charts: readonly SummaryChart[], locale: AppLocale): RenderedChart[] {
  const cacheKey = `${key}|${locale}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const rendered = renderChartsSvg(charts, locale);
  cache.set(cacheKey, rendered);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return rendered;
}
