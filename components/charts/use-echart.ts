'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { usePrefersReducedMotion } from '@/components/ui/use-reduced-motion';

export type ChartState = 'loading' | 'ready' | 'error';

export interface EChartClick {
  name: string;
  data?: unknown;
  componentType?: string;
}

interface UseEChartOptions {
  /** Maps to register before the first setOption: name -> GeoJSON URL. */
  maps?: Record<string, string>;
  onClick?: (params: EChartClick) => void;
}

/**
 * Init on a ref, setOption, resize with the container, dispose on unmount. ECharts itself is
 * imported lazily here so it never blocks the first paint of the page around the chart.
 */
export function useEChart(option: EChartsCoreOption | null, { maps, onClick }: UseEChartOptions = {}) {
  const ref = useRef<HTMLDivElement | null>(null);
  const chartRef = useRef<import('echarts/core').ECharts | null>(null);
  const clickRef = useRef(onClick);
  const [state, setState] = useState<ChartState>('loading');
  const isMotionReduced = usePrefersReducedMotion();
  const mapsKey = JSON.stringify(maps ?? {});

  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    (async () => {
      try {
        const { echarts, ensureMap } = await import('./echarts-core');
        const wanted = JSON.parse(mapsKey) as Record<string, string>;
        await Promise.all(Object.entries(wanted).map(([name, url]) => ensureMap(name, url)));
        if (disposed || !ref.current) return;
        const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
        chartRef.current = chart;
        chart.on('click', (params) => clickRef.current?.(params as EChartClick));
        observer = new ResizeObserver(() => chart.resize());
        observer.observe(ref.current);
        setState('ready');
      } catch {
        if (!disposed) setState('error');
      }
    })();
    return () => {
      disposed = true;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
  }, [mapsKey]);

  useEffect(() => {
    if (state !== 'ready' || !option || !chartRef.current) return;
    chartRef.current.setOption(isMotionReduced ? { ...option, animation: false } : option, { notMerge: true });
  }, [state, option, isMotionReduced]);

  // Said on the chart's surface (data-animation), for tests and tools that cannot see motion.
  return { ref, state, chart: chartRef, isAnimated: !isMotionReduced };
}

/**
 * A map click that reaches `onCode` only for the regions in scope: the others are drawn (grey)
 * but lead nowhere. Regions are named by their code in the map data.
 */
export function useRegionClick(regions: ReadonlyArray<{ code: string }> | null, onCode: ((code: string) => void) | undefined) {
  const inScope = useMemo(() => new Set((regions ?? []).map((r) => r.code)), [regions]);
  return (params: EChartClick) => {
    if (inScope.has(params.name)) onCode?.(params.name);
  };
}
