'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useRouter, useSearchParams } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useState, type ComponentType } from 'react';
import type { CityCoverageDto, CoverageDto, ProvinceDrillDto } from '@/lib/coverage/queries';
import type { ProgramDto } from '@/lib/programs/queries';
import { coverageKeys, coverageUrl, type MapLayer } from '@/lib/coverage/query-keys';
import { isIsoDate } from '@/lib/time';
import { CityTable } from './city-table';
import { CsvDownloadButton } from './csv-download-button';
import { DivisionSearch } from './division-search';
import { LiveAnnouncement } from './live-announcement';
import { KpiCards } from './kpi-cards';
import { ProvinceTable } from './province-table';
import { Timeline, type TimelineAnnotation } from './timeline';
import styles from './coverage-view.module.css';
import { Panel } from './panel';
import { StaticProvinceMap } from '@/components/charts/static-province-map';
import type { ProvinceMapProps } from '@/components/charts/province-map';
import { localized } from '@/lib/i18n/localized';
import { describeProvinceMap } from '@/lib/charts/describe';
import { useChartText } from '@/components/charts/use-chart-text';
import { Notice, Skeleton, Stack } from '@/components/ui/plain';

// Maps (ECharts + GeoJSON) load after the KPIs, timeline and tables have painted.
const mapLoading = () => <Skeleton active height={480} />;
const CityMap = dynamic(() => import('@/components/charts/city-map'), { ssr: false, loading: mapLoading });
const NationalCityMap = dynamic(() => import('@/components/charts/national-city-map'), { ssr: false, loading: mapLoading });

export interface CoverageViewData {
  coverage: CoverageDto;
  drill: ProvinceDrillDto | null;
  /** Every city's status, only when the national city layer asked for it. */
  cities?: CityCoverageDto[] | null;
}

interface Props {
  program: ProgramDto;
  initial: CoverageViewData;
  /** The date and province the server rendered (from the URL or defaults). */
  initialAsOf: string;
  initialProvince: string | null;
  /** A province code from the URL that the server could not resolve (already warned about). */
  rejectedProvince: string | null;
  steps: string[];
  annotations: TimelineAnnotation[];
  /** The viewer may edit city statuses: the city table links each row to its edit page. */
  canEditCities?: boolean;
  /** Versioned URL of the national city map data (lib/coverage/geo-assets.ts). */
  citiesGeoUrl: string;
  /**
   * The province map for the initial view, drawn on the server (lib/charts/ssr.ts). Shown until
   * the map is wanted, so the first visit loads no chart code; null when not drawn.
   */
  initialMapSvg?: string | null;
}

async function fetchView(program: string, asOf: string, province: string | null, layer: MapLayer): Promise<CoverageViewData> {
  const res = await fetch(coverageUrl(program, asOf, province, layer));
  if (!res.ok) throw new Error(`coverage ${res.status}`);
  return (await res.json()) as CoverageViewData;
}

/**
 * The interactive part of the dashboard: timeline, KPIs, map with drill-down and tables, all for
 * one date. View state lives in the URL (asOf, province, city) so every view is a shareable link;
 * scrubbing updates it with history.replaceState (no server round trip per step), drilling with
 * pushState so Back returns to the nation.
 */
export function CoverageView({ program, initial, initialAsOf, initialProvince, rejectedProvince, steps, annotations, canEditCities = false, citiesGeoUrl, initialMapSvg = null }: Props) {
  const t = useTranslations('dashboard');
  const tText = useTranslations('chartText');
  const chartText = useChartText();
  const locale = useLocale();
  const router = useRouter();
  const searchParams = useSearchParams();
  const urlAsOf = searchParams.get('asOf');
  const asOf = urlAsOf && isIsoDate(urlAsOf) ? urlAsOf : initialAsOf;
  const urlProvince = searchParams.get('province');
  const province =
    program.unit === 'CITY' && urlProvince && /^\d{2}$/.test(urlProvince) && urlProvince !== rejectedProvince ? urlProvince : null;
  const highlight = searchParams.get('city');
  // The national city layer: every prefecture city at once. Its data (and the 214 kB map file) load
  // only when asked for, after the province map, which stays the default.
  const layer: MapLayer = program.unit === 'CITY' && !province && searchParams.get('layer') === 'cities' ? 'cities' : 'provinces';

  const setUrl = useCallback(
    (changes: Record<string, string | null>, mode: 'push' | 'replace') => {
      const params = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) params.delete(k);
        else params.set(k, v);
      }
      const url = `${window.location.pathname}?${params.toString()}`;
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    },
    [],
  );

  const hrefWith = (changes: Record<string, string | null>) => {
    const params = new URLSearchParams(searchParams.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) params.delete(k);
      else params.set(k, v);
    }
    return `?${params.toString()}`;
  };

  const isInitial = asOf === initialAsOf && province === initialProvince && layer === 'provinces';
  const query = useQuery({
    queryKey: coverageKeys.view(program.slug, asOf, province, layer),
    queryFn: () => fetchView(program.slug, asOf, province, layer),
    initialData: isInitial ? initial : undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const data = query.data ?? initial;

  // The browser's province map (ECharts, about 210 kB) loads once the map is wanted: the pointer
  // or focus reaches the map's panel, or the view leaves the one the server drew. Until then the
  // server's SVG stands in (it drills down on click too).
  const [mapWanted, setMapWanted] = useState(false);
  // Not for programs without a map. Once the view has left the server's, the province map's code
  // loads too (ECharts is loading for the other maps anyway), so Back to the nation draws at once.
  const wantsLiveMap = program.unit === 'CITY' && (mapWanted || !isInitial || !initialMapSvg);
  const [ProvinceMap, setProvinceMap] = useState<ComponentType<ProvinceMapProps> | null>(null);
  useEffect(() => {
    if (!wantsLiveMap || ProvinceMap) return;
    let cancelled = false;
    import('@/components/charts/province-map')
      .then((m) => {
        if (!cancelled) setProvinceMap(() => m.default);
      })
      .catch(() => {
        // Stays on the server's map (or the skeleton); the tables hold the same numbers.
      });
    return () => {
      cancelled = true;
    };
  }, [wantsLiveMap, ProvinceMap]);
  const wantMap = useCallback(() => setMapWanted(true), []);

  const { coverage, drill } = data;
  // While another date loads, the previous date's cities stay on the map (keepPreviousData).
  const cities = layer === 'cities' ? (data.cities ?? null) : null;
  const fileBase = `hutong-${program.slug}-${asOf}${drill ? `-${drill.province.code}` : ''}`;
  // The date and the headline figure, for the live region that follows the timeline.
  const announcement =
    program.unit === 'PERCENT'
      ? coverage.metric?.value != null
        ? tText('announcePERCENT', { date: coverage.asOf, value: coverage.metric.value })
        : tText('announceNoValue', { date: coverage.asOf })
      : tText(`announce${program.unit}`, { date: coverage.asOf, live: coverage.live, denominator: coverage.denominator, percent: coverage.percent ?? 0 });

  return (
    <Stack data-loading={query.isFetching ? 'true' : 'false'}>
      <Panel size="small">
        <Timeline steps={steps} value={asOf} annotations={annotations} onChange={(d) => setUrl({ asOf: d }, 'replace')} />
        <LiveAnnouncement message={announcement} testId="timeline-announcement" />
      </Panel>
      {query.isError && <Notice type="error" title={t('loadError')} />}
      <KpiCards coverage={coverage} />
      {program.unit === 'CITY' ? (
        <div className={styles.columns}>
          <div onPointerEnter={wantMap} onFocus={wantMap} onTouchStart={wantMap}>
            <Panel
              title={
                <div className={styles.title}>
                  <nav aria-label={t('breadcrumb')} data-testid="map-breadcrumb" className={styles.breadcrumb}>
                    <ol>
                      <li>
                        {drill ? (
                          <a
                            href={hrefWith({ province: null, city: null })}
                            onClick={(e) => {
                              e.preventDefault();
                              setUrl({ province: null, city: null }, 'push');
                            }}
                          >
                            {t('nation')}
                          </a>
                        ) : (
                          <span aria-current="page">{t('nation')}</span>
                        )}
                      </li>
                      {drill && <li aria-current="page">{localized(locale, drill.province.name, drill.province.nameEn)}</li>}
                    </ol>
                  </nav>
                  {!drill && (
                    <div role="group" aria-label={t('layer.label')} className={styles.layerSwitch} data-testid="map-layer">
                      {(['provinces', 'cities'] as const).map((l) => (
                        <button
                          key={l}
                          type="button"
                          aria-pressed={layer === l}
                          data-testid={`map-layer-${l}`}
                          onClick={() => setUrl({ layer: l === 'cities' ? 'cities' : null }, 'push')}
                        >
                          {t(`layer.${l}`)}
                        </button>
                      ))}
                    </div>
                  )}
                </div>
              }
              extra={
                <DivisionSearch
                  onSelect={(hit) =>
                    setUrl(
                      hit.kind === 'province'
                        ? { province: hit.code, city: null }
                        : { province: hit.provinceCode, city: hit.code },
                      'push',
                    )
                  }
                />
              }
            >
              {drill ? (
                <CityMap
                  key={drill.province.code}
                  provinceCode={drill.province.code}
                  provinceName={localized(locale, drill.province.name, drill.province.nameEn)}
                  asOf={asOf}
                  cities={drill.cities}
                  highlight={highlight}
                  onCityClick={(code) => router.push(`/cities/${code}`)}
                  downloadName={`${fileBase}.png`}
                />
              ) : layer === 'cities' ? (
                <NationalCityMap
                  cities={cities}
                  asOf={asOf}
                  geoUrl={citiesGeoUrl}
                  onCityClick={(code) => router.push(`/cities/${code}`)}
                  downloadName={`${fileBase}-cities.png`}
                />
              ) : ProvinceMap ? (
                <ProvinceMap
                  provinces={coverage.provinces}
                  asOf={coverage.asOf}
                  onProvinceClick={(code) => setUrl({ province: code, city: null }, 'push')}
                  downloadName={`${fileBase}.png`}
                  placeholderSvg={isInitial ? initialMapSvg : null}
                />
              ) : isInitial && initialMapSvg ? (
                <StaticProvinceMap
                  svg={initialMapSvg}
                  description={chartText.provinceMap(describeProvinceMap(coverage.provinces), coverage.asOf)}
                  onProvinceClick={(code) => setUrl({ province: code, city: null }, 'push')} />
              ) : (
                mapLoading()
              )}
              <p className="muted map-hint">
                {drill ? t('map.cityHint') : layer === 'cities' ? t('map.nationalCitiesHint') : t('map.provinceHint')}
              </p>
            </Panel>
          </div>
          <div>
            {drill ? (
              <Panel
                title={t('citiesTitle', { province: localized(locale, drill.province.name, drill.province.nameEn), live: drill.live, denominator: drill.denominator })}
                extra={
                  <CsvDownloadButton
                    filename={`${fileBase}.csv`}
                    header={[t('csv.code'), t('csv.city'), t('csv.status'), t('csv.asOf')]}
                    rows={drill.cities.map((c) => [c.code, localized(locale, c.name, c.nameEn), c.status, asOf])}
                  />
                }
              >
                <CityTable
                  cities={drill.cities}
                  highlight={highlight}
                  editHref={canEditCities ? (code) => `/programs/${encodeURIComponent(program.slug)}/cities/${code}/edit` : undefined}
                />
              </Panel>
            ) : (
              <Panel
                title={t('tableTitle')}
                extra={
                  <CsvDownloadButton
                    filename={`${fileBase}.csv`}
                    header={[t('csv.code'), t('csv.province'), t('csv.live'), t('csv.denominator'), t('csv.percent'), t('csv.asOf')]}
                    rows={coverage.provinces.map((p) => [p.code, localized(locale, p.name, p.nameEn), p.live, p.denominator, p.percent, asOf])}
                  />
                }
              >
                <ProvinceTable
                  provinces={coverage.provinces}
                  onSelect={(code) => setUrl({ province: code, city: null }, 'push')}
                  hrefFor={(code) => hrefWith({ province: code, city: null })}
                />
              </Panel>
            )}
          </div>
        </div>
      ) : (
        <Notice type="info" role="note" title={program.unit === 'INSTITUTION' ? t('institutionNote') : t('metricNote')} />
      )}
    </Stack>
  );
}
