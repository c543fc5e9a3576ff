'use client';

import { useMemo } from 'react';
import { Alert, Skeleton } from 'antd';
import { useLocale, useTranslations } from 'next-intl';
import type { ProvinceCoverageDto } from '@/lib/coverage/queries';
import { buildProvinceMapOption, toProvinceMapData } from '@/lib/charts/province-map';
import { NATIONAL_MAP } from './map-names';
import { useEChart } from './use-echart';

interface Props {
  provinces: ProvinceCoverageDto[];
  height?: number;
}

export default function ProvinceMap({ provinces, height = 480 }: Props) {
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
  const { ref, state } = useEChart(option, { maps: { [NATIONAL_MAP]: '/geo/china-provinces.json' } });

  return (
    <div style={{ position: 'relative', height }}>
      <div
        ref={ref}
        role="img"
        aria-label={t('aria')}
        data-testid="province-map"
        data-state={state}
        style={{ width: '100%', height: '100%' }}
      />
      {state === 'loading' && (
        <div style={{ position: 'absolute', inset: 0 }}>
          <Skeleton.Node active style={{ width: '100%', height }} />
        </div>
      )}
      {state === 'error' && (
        <Alert style={{ position: 'absolute', inset: 16, height: 'fit-content' }} type="error" showIcon title={t('loadError')} />
      )}
    </div>
  );
}
