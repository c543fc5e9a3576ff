'use client';

import { Alert, Skeleton } from 'antd';
import type { ReactNode, RefObject } from 'react';
import type { ECharts } from 'echarts/core';
import { ChartDownloadButton } from './chart-download-button';
import type { ChartState } from './use-echart';

interface Props {
  /** The element ECharts draws into (from useEChart). */
  chartRef: RefObject<HTMLDivElement | null>;
  chart: RefObject<ECharts | null>;
  state: ChartState;
  height: number;
  /** The chart's accessible name: the canvas is one image to assistive tech. */
  ariaLabel: string;
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
 * The box around every chart: the drawing surface (role=img, data-testid, data-state), a skeleton
 * while ECharts and the data load, an error alert, and the PNG download once it is drawn.
 */
export function ChartFrame({ chartRef, chart, state, height, ariaLabel, errorText, testId, downloadName, data, placeholder }: Props) {
  return (
    <div style={{ position: 'relative', height }}>
      {state === 'ready' && downloadName && <ChartDownloadButton chart={chart} filename={downloadName} />}
      <div
        ref={chartRef}
        role="img"
        aria-label={ariaLabel}
        data-testid={testId}
        data-state={state}
        {...data}
        style={{ width: '100%', height: '100%' }}
      />
      {state === 'loading' &&
        (placeholder ? (
          <div style={{ position: 'absolute', inset: 0 }}>{placeholder}</div>
        ) : (
          <div style={{ position: 'absolute', inset: 0 }}>
            <Skeleton.Node active style={{ width: '100%', height }} />
          </div>
        ))}
      {state === 'error' && (
        <Alert style={{ position: 'absolute', inset: 16, height: 'fit-content' }} type="error" showIcon title={errorText} />
      )}
    </div>
  );
}
