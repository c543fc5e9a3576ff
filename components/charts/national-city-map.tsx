'use client';

import { useMemo } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import type { CityCoverageDto } from '@/lib/coverage/queries';
import { buildCityMapOption, toCityMapData } from '@/lib/charts/city-map';
import { ROLLOUT_STATUSES } from '@/lib/coverage/summarise';
import { describeCityStatuses } from '@/lib/charts/describe';
import { ChartFrame } from './chart-frame';
import { useChartText } from './use-chart-text';
import { NATIONAL_CITIES_MAP } from '@/lib/charts/map-names';
import { useRegionClick } from './use-echart';

interface Props {
  /** Every in-scope city with its status on the date shown; null while they load. */
  cities: CityCoverageDto[] | null;
  /** The date the colours are for (said in the text equivalent). */
  asOf: string;
  /** Versioned URL of public/geo/china-cities.json (cached immutably). */
  geoUrl: string;
  onCityClick?: (code: string) => void;
  downloadName: string;
  height?: number;
}

/** The national city layer: every prefecture city coloured by its status at once. */
export default function NationalCityMap({ cities, asOf, geoUrl, onCityClick, downloadName, height = 480 }: Props) {
  const t = useTranslations('dashboard.map');
  const ts = useTranslations('status');
  const locale = useLocale();
  const option = useMemo(() => {
    if (!cities) return null;
    const status = Object.fromEntries(ROLLOUT_STATUSES.map((s) => [s, ts(s)])) as Record<(typeof ROLLOUT_STATUSES)[number], string>;
    return buildCityMapOption(
      NATIONAL_CITIES_MAP,
      toCityMapData(cities, locale),
      { status, outOfScope: t('outOfScope'), ariaLabel: t('nationalCitiesAria') },
      null,
      { layoutCenter: ['50%', '55%'], layoutSize: '110%', borderWidth: 0.3 },
    );
  }, [cities, locale, t, ts]);
  const onClick = useRegionClick(cities, onCityClick);
  const text = useChartText();
  const description = useMemo(() => (cities ? text.cityStatuses(null, asOf, describeCityStatuses(cities)) : ''), [text, asOf, cities]);

  return (
    <ChartFrame
      option={option}
      maps={{ [NATIONAL_CITIES_MAP]: geoUrl }}
      onClick={onClick}
      // Ready only once the statuses are drawn too, not just the outlines.
      isPending={!cities}
      height={height}
      ariaLabel={t('nationalCitiesAria')}
      description={description}
      errorText={t('loadError')}
      testId="national-city-map"
      downloadName={downloadName}
      data={{ 'data-cities': cities?.length ?? 0, 'data-live': cities?.filter((c) => c.status === 'LIVE').length ?? 0 }}
    />
  );
}
