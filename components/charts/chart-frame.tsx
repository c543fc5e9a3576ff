'use client';

import { useId, type ReactNode } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { Notice, Skeleton } from '@/components/ui/plain';
import { ChartDownloadButton } from './chart-download-button';
import { useEChart, type EChartClick } from './use-echart';

interface Props {
  /** From a pure option builder of lib/charts; null while the data is not there yet. */
  option: EChartsCoreOption | null;
  /** Maps to register before the first setOption: name -> GeoJSON URL. */
  maps?: Record<string, string>;
  onClick?: (params: EChartClick) => void;
  /** Still loading although ECharts is ready (e.g. outlines drawn, statuses on their way). */
  isPending?: boolean;
  height: number;
  /** The chart's accessible name: the canvas is one image to assistive tech. */
  ariaLabel: string;
  /**
   * What the picture says, in words (lib/charts/describe.ts): the figures a sighted reader takes
   * from it. Read out after the name, and kept in the page for readers who cannot see the canvas.
   */
  description: string;
  errorText: string;
  testId: string;
  /** PNG file name; no download button without one. */
  downloadName?: string;
  /** What is drawn, as data-* attributes, for tests and tools that cannot read the canvas. */
  data?: Record<`data-${string}`, string | number>;
  /** Shown instead of the skeleton while loading: the same chart as the server drew it. */
  placeholder?: ReactNode;
}

/**
 * Every chart on a page: ECharts drawing `option` (useEChart), on a surface with role=img and
 * its text equivalent, data-testid and data-state, a skeleton while ECharts and the data load, an
 * error alert, and the PNG download once it is drawn.
 */
export function ChartFrame({ option, maps, onClick, isPending = false, height, ariaLabel, description, errorText, testId, downloadName, data, placeholder }: Props) {
  const { ref: chartRef, state: chartState, chart, isAnimated } = useEChart(option, { maps, onClick });
  const state = isPending && chartState === 'ready' ? 'loading' : chartState;
  const descriptionId = useId();
  return (
    <div style={{ position: 'relative', height }}>
      {state === 'ready' && downloadName && <ChartDownloadButton chart={chart} filename={downloadName} />}
      <div
        ref={chartRef}
        role="img"
        aria-label={ariaLabel}
        aria-describedby={descriptionId}
        data-testid={testId}
        data-state={state}
        data-animation={isAnimated ? 'on' : 'off'}
        {...data}
        style={{ width: '100%', height: '100%' }}
      />
      <p id={descriptionId} className="visually-hidden" data-testid={`${testId}-text`}>
        {description}
      </p>
      {state === 'loading' &&
        (placeholder ? (
          <div style={{ position: 'absolute', inset: 0 }}>{placeholder}</div>
        ) : (
          <div style={{ position: 'absolute', inset: 0 }}>
            <Skeleton active height={height} />
          </div>
        ))}
      {state === 'error' && (
        <Notice style={{ position: 'absolute', inset: 16, height: 'fit-content' }} type="error" title={errorText} />
      )}
    </div>
  );
}
