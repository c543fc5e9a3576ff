'use client';

import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslations } from 'next-intl';
import type { RefObject } from 'react';
import type { ECharts } from 'echarts/core';

/** Saves the chart as it is drawn, as a PNG at twice the screen resolution on a white ground. */
export function ChartDownloadButton({ chart, filename }: { chart: RefObject<ECharts | null>; filename: string }) {
  const t = useTranslations('dashboard.download');
  return (
    <Tooltip title={t('png')}>
      <Button
        size="small"
        aria-label={t('png')}
        icon={<DownloadOutlined />}
        style={{ position: 'absolute', top: 0, right: 0, zIndex: 1 }}
        onClick={() => {
          const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
          if (!url) return;
          const a = document.createElement('a');
          a.href = url;
          a.download = filename;
          a.click();
        }}
      />
    </Tooltip>
  );
}
