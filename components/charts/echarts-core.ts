/**
 * The browser's one module that imports ECharts: tree-shaken from echarts/core with only the charts and
 * components Hutong draws, plus the map registry. Loaded lazily by the chart components so the
 * KPIs and tables paint before any chart code arrives.
 */
import * as echarts from 'echarts/core';
import { LineChart, MapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendPlainComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// The smallest parts that draw what Hutong shows (measured, gzip: 217 kB with Aria and the full
// Legend and VisualMap, 210 kB without). No Aria: each chart's container is role="img" with its own
// label, and a table beside it holds the same data. Only plain legends and piecewise visual maps
// are used. The canvas renderer stays: the SVG one is no smaller (214 kB) and the map tests and
// PNG export rely on the canvas.
echarts.use([
  CanvasRenderer,
  GridComponent,
  LegendPlainComponent,
  LineChart,
  MapChart,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
]);

export { echarts };

const pending = new Map<string, Promise<void>>();

/** Fetches GeoJSON from public/geo once per page and registers it under `name`. */
export function ensureMap(name: string, url: string): Promise<void> {
  if (echarts.getMap(name)) return Promise.resolve();
  let p = pending.get(name);
  if (!p) {
    p = fetch(url)
      .then((res) => {
        if (!res.ok) throw new Error(`map data ${url}: HTTP ${res.status}`);
        return res.json();
      })
      .then((geoJson) => {
        echarts.registerMap(name, geoJson);
      })
      .catch((error: unknown) => {
        pending.delete(name);
        throw error;
      });
    pending.set(name, p);
  }
  return p;
}
