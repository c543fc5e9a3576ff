'use client';

import DownloadOutlined from '@ant-design/icons-svg/es/asn/DownloadOutlined';
import { useTranslations } from 'next-intl';
import type { RefObject } from 'react';
import type { ECharts } from 'echarts/core';
import { Icon } from '@/components/ui/icon';
import { Button } from '@/components/ui/plain';

/** Saves the chart as it is drawn, as a PNG at twice the screen resolution on a white ground. */
export function ChartDownloadButton({ chart, filename }: { chart: RefObject<ECharts | null>; filename: string }) {
  const t = useTranslations('dashboard.download');
  return (
    <Button
      size="small"
      aria-label={t('png')}
      title={t('png')}
      icon={<Icon icon={DownloadOutlined} />}
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
  );
}
