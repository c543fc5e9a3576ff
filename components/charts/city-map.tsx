'use client';

import { useMemo } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import type { CityCoverageDto } from '@/lib/coverage/queries';
import { buildCityMapOption, provinceMapName, toCityMapData } from '@/lib/charts/city-map';
import { describeCityStatuses } from '@/lib/charts/describe';
import { ROLLOUT_STATUSES } from '@/lib/coverage/summarise';
import { ChartFrame } from './chart-frame';
import { useChartText } from './use-chart-text';
import { useRegionClick } from './use-echart';

interface Props {
  provinceCode: string;
  /** The province's name and the date, as the text equivalent says them. */
  provinceName: string;
  asOf: string;
  cities: CityCoverageDto[];
  highlight?: string | null;
  onCityClick?: (code: string) => void;
  /** File name of the PNG download. */
  downloadName: string;
  height?: number;
}

export default function CityMap({ provinceCode, provinceName, asOf, cities, highlight, onCityClick, downloadName, height = 480 }: Props) {
  const t = useTranslations('dashboard.map');
  const ts = useTranslations('status');
  const locale = useLocale();
  const mapName = provinceMapName(provinceCode);
  const option = useMemo(() => {
    const status = Object.fromEntries(ROLLOUT_STATUSES.map((s) => [s, ts(s)])) as Record<(typeof ROLLOUT_STATUSES)[number], string>;
    return buildCityMapOption(mapName, toCityMapData(cities, locale), { status, outOfScope: t('outOfScope'), ariaLabel: t('cityAria') }, highlight);
  }, [cities, locale, t, ts, mapName, highlight]);
  const onClick = useRegionClick(cities, onCityClick);
  const text = useChartText();
  const description = useMemo(() => text.cityStatuses(provinceName, asOf, describeCityStatuses(cities)), [text, provinceName, asOf, cities]);

  return (
    <ChartFrame
      option={option}
      maps={{ [mapName]: `/geo/cities/${provinceCode}.json` }}
      onClick={onClick}
      height={height}
      ariaLabel={t('cityAria')}
      description={description}
      errorText={t('loadError')}
      testId="city-map"
      downloadName={downloadName}
    />
  );
}
