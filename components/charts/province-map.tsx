'use client';

import { useMemo } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import type { ProvinceCoverageDto } from '@/lib/coverage/queries';
import { describeProvinceMap } from '@/lib/charts/describe';
import { buildProvinceMapOption, toProvinceMapData } from '@/lib/charts/province-map';
import { NATIONAL_MAP } from '@/lib/charts/map-names';
import { ChartFrame } from './chart-frame';
import { StaticProvinceMap } from './static-province-map';
import { useChartText } from './use-chart-text';
import { useRegionClick } from './use-echart';

interface Props {
  provinces: ProvinceCoverageDto[];
  /** The date the colours are for (said in the text equivalent). */
  asOf: string;
  onProvinceClick?: (code: string) => void;
  /** File name of the PNG download. */
  downloadName: string;
  height?: number;
  /** The same map as the server drew it, shown (and clickable) while ECharts loads. */
  placeholderSvg?: string | null;
}

export type ProvinceMapProps = Props;

export default function ProvinceMap({ provinces, asOf, onProvinceClick, downloadName, height = 480, placeholderSvg }: Props) {
  const t = useTranslations('dashboard.map');
  const locale = useLocale();
  const option = useMemo(() => {
    const data = toProvinceMapData(provinces, locale);
    return buildProvinceMapOption(NATIONAL_MAP, data, {
      bins: {
        none: t('bins.none'),
        low: t('bins.low'),
        mid: t('bins.mid'),
        high: t('bins.high'),
        almost: t('bins.almost'),
        full: t('bins.full'),
      },
      formatTooltip: (d) =>
        t('tooltip', { name: d.label, live: d.live, denominator: d.denominator, percent: d.value }),
      outOfScope: t('outOfScope'),
      ariaLabel: t('aria'),
    });
  }, [provinces, locale, t]);
  const onClick = useRegionClick(provinces, onProvinceClick);
  const text = useChartText();
  const description = useMemo(() => text.provinceMap(describeProvinceMap(provinces), asOf), [text, provinces, asOf]);

  return (
    <ChartFrame
      option={option}
      maps={{ [NATIONAL_MAP]: '/geo/china-provinces.json' }}
      onClick={onClick}
      height={height}
      ariaLabel={t('aria')}
      description={description}
      errorText={t('loadError')}
      testId="province-map"
      downloadName={downloadName}
      placeholder={
        placeholderSvg ? (
          <StaticProvinceMap svg={placeholderSvg} onProvinceClick={onProvinceClick} height={height} placeholder />
        ) : null
      }
    />
  );
}
