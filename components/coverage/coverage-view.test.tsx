// @vitest-environment happy-dom
/**
 * The dashboard's view state lives in the URL: date, province, map layer and city beside the
 * program. Drilling and switching layers add history entries (Back and Forward restore the view),
 * scrubbing the timeline replaces the date in place, and a shared URL opens the same view.
 *
 * Only the network (fetch, answered from fixtures in the API's shape) and Next's router hooks are
 * stand-ins; the chart canvases are too, as ECharts cannot draw in a DOM without a canvas.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CityCoverageDto, CoverageDto, ProvinceCoverageDto, ProvinceDrillDto } from '@/lib/coverage/queries';
import type { ProgramDto } from '@/lib/programs/queries';
import messages from '@/messages/zh-CN.json';
import type { CoverageViewData } from './coverage-view';
import { CoverageView } from './coverage-view';

// The map's code loads on demand: on a busy machine that takes longer than the 1 s default.
configure({ asyncUtilTimeout: 10_000 });

vi.mock('next/navigation', () => import('../../tests/helpers/next-navigation'));

// Each chart stand-in shows what it was given and offers the clicks the real chart offers.
vi.mock('@/components/charts/province-map', () => ({
  default: ({ provinces, onProvinceClick }: { provinces: ProvinceCoverageDto[]; onProvinceClick: (code: string) => void }) =>
    createElement(
      'div',
      { 'data-testid': 'province-map' },
      provinces.map((p) => createElement('button', { key: p.code, type: 'button', 'data-province-shape': p.code, onClick: () => onProvinceClick(p.code) }, p.name)),
    ),
}));
vi.mock('@/components/charts/city-map', () => ({
  default: ({ provinceCode, highlight }: { provinceCode: string; highlight: string | null }) =>
    createElement('div', { 'data-testid': 'city-map', 'data-province': provinceCode, 'data-highlight': highlight ?? '' }),
}));
vi.mock('@/components/charts/national-city-map', () => ({
  default: ({ cities }: { cities: CityCoverageDto[] | null }) => createElement('div', { 'data-testid': 'national-city-map', 'data-cities': cities?.length ?? 0 }),
}));

const SLUG = 'alipay-unionpay-offline';
const STEPS = ['2021-09-27', '2021-10-02'];
/** Live cities per date: each date's numbers are its own. */
const LIVE: Record<string, { beijing: number; guangdong: number }> = {
  '2021-09-27': { beijing: 0, guangdong: 1 },
  '2021-10-02': { beijing: 1, guangdong: 2 },
};

const program: ProgramDto = {
  slug: SLUG,
  nameZh: '支付宝受理银联二维码',
  nameEn: 'Alipay accepts UnionPay QR',
  unit: 'CITY',
  directionZh: '支付宝→银联',
  directionEn: 'Alipay→UnionPay',
  scopeRule: 'ALL_PREFECTURE_CITIES',
  startDate: '2021-09-27',
  baselineTargetDate: '2022-03-31',
  targetDate: '2022-03-31',
  targetValue: null,
  staleAfterDays: 30,
  isIllustrative: false,
  source: null,
};

const counts = (live: number, total: number) => ({ NOT_STARTED: total - live, PLANNED: 0, IN_PROGRESS: 0, PILOT: 0, LIVE: live, PAUSED: 0 });
const percent = (live: number, total: number) => Math.round((live / total) * 1000) / 10;
const province = (code: string, name: string, nameEn: string, live: number, total: number): ProvinceCoverageDto => ({
  code,
  name,
  nameEn,
  live,
  denominator: total,
  percent: percent(live, total),
  counts: counts(live, total),
});

function coverage(asOf: string): CoverageDto {
  const live = LIVE[asOf]!;
  const provinces = [province('11', '北京市', 'Beijing', live.beijing, 1), province('44', '广东省', 'Guangdong', live.guangdong, 3)];
  const all = live.beijing + live.guangdong;
  return { program, asOf, live: all, denominator: 4, percent: percent(all, 4), counts: counts(all, 4), provinces, metric: null };
}

function guangdong(asOf: string): ProvinceDrillDto {
  const live = LIVE[asOf]!.guangdong;
  const cities: CityCoverageDto[] = [
    { code: '4401', name: '广州市', nameEn: 'Guangzhou', status: live >= 1 ? 'LIVE' : 'PLANNED' },
    { code: '4403', name: '深圳市', nameEn: 'Shenzhen', status: live >= 2 ? 'LIVE' : 'PLANNED' },
    { code: '4406', name: '佛山市', nameEn: 'Foshan', status: 'PLANNED' },
  ];
  return { province: { code: '44', name: '广东省', nameEn: 'Guangdong' }, asOf, live, denominator: 3, percent: percent(live, 3), counts: counts(live, 3), cities };
}

/** The app's GET /api/coverage, answered from the fixtures above; every request is recorded. */
const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
  const url = new URL(String(input), 'http://localhost');
  const asOf = url.searchParams.get('asOf') ?? '';
  if (url.pathname !== '/api/coverage' || url.searchParams.get('program') !== SLUG || !LIVE[asOf]) {
    return new Response(JSON.stringify({ error: { code: 'NOT_FOUND' } }), { status: 404 });
  }
  const body: CoverageViewData = {
    coverage: coverage(asOf),
    drill: url.searchParams.get('province') === '44' ? guangdong(asOf) : null,
    cities: url.searchParams.get('layer') === 'cities' ? guangdong(asOf).cities : null,
  };
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
});

/**
 * Opens the dashboard at `url`. `drawn` is the view the server rendered: by default the URL's
 * (app/(dashboard)/page.tsx), or another one to prove the URL wins over it.
 */
function renderDashboard(url: string, drawn?: { asOf: string; province: string | null }) {
  window.history.replaceState(null, '', url);
  const params = new URL(url, 'http://localhost').searchParams;
  const asOf = drawn?.asOf ?? params.get('asOf') ?? STEPS.at(-1)!;
  const initialProvince = drawn ? drawn.province : params.get('province') === '44' ? '44' : null;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  return render(
    <NextIntlClientProvider locale="zh-CN" messages={messages} timeZone="Asia/Shanghai">
      <QueryClientProvider client={queryClient}>
        <CoverageView
          program={program}
          initial={{ coverage: coverage(asOf), drill: initialProvince ? guangdong(asOf) : null }}
          initialAsOf={asOf}
          initialProvince={initialProvince}
          rejectedProvince={null}
          steps={STEPS}
          annotations={[]}
          citiesGeoUrl="/geo/cities.json"
        />
      </QueryClientProvider>
    </NextIntlClientProvider>,
  );
}

const search = () => new URLSearchParams(window.location.search);
const breadcrumb = () => screen.getByTestId('map-breadcrumb').textContent ?? '';
const kpiLive = () => screen.getByTestId('kpi-live').textContent ?? '';
const coverageRequests = () => fetchMock.mock.calls.map(([input]) => new URL(String(input), 'http://localhost').searchParams.toString());

/** Back or Forward, as the browser does it: the URL changes, then popstate arrives. */
async function go(direction: 'back' | 'forward') {
  await act(async () => {
    const moved = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    window.history[direction]();
    await moved;
  });
}

beforeEach(() => {
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the dashboard keeps its view in the URL', () => {
  it('drilling into a province adds it to the URL; Back returns to the nation and Forward to the province', async () => {
    renderDashboard(`/?program=${SLUG}&asOf=2021-10-02`);
    expect(breadcrumb()).toBe('全国');
    const entries = window.history.length;

    fireEvent.click(screen.getByTestId('drill-44'));
    expect(search().get('province')).toBe('44');
    expect(search().get('program')).toBe(SLUG);
    expect(search().get('asOf')).toBe('2021-10-02');
    expect(window.history.length).toBe(entries + 1);
    await waitFor(() => expect(breadcrumb()).toContain('广东省'));
    expect(screen.getByTestId('city-table').querySelectorAll('tr[data-city]')).toHaveLength(3);
    expect(coverageRequests()).toEqual([`program=${SLUG}&asOf=2021-10-02&province=44`]);

    await go('back');
    expect(search().get('province')).toBeNull();
    await waitFor(() => expect(breadcrumb()).toBe('全国'));
    expect(screen.getByTestId('province-table').querySelectorAll('tr[data-province]')).toHaveLength(2);
    expect(screen.queryByTestId('city-table')).toBeNull();

    await go('forward');
    expect(search().get('province')).toBe('44');
    await waitFor(() => expect(breadcrumb()).toContain('广东省'));
    expect(screen.getByTestId('city-map').dataset.province).toBe('44');
  });

  it('a click on a province of the map drills down like the table, and the nation link goes back up', async () => {
    renderDashboard(`/?program=${SLUG}&asOf=2021-10-02`);
    fireEvent.click(await screen.findByRole('button', { name: '广东省' }));
    expect(search().get('province')).toBe('44');
    await waitFor(() => expect(breadcrumb()).toContain('广东省'));

    fireEvent.click(screen.getByRole('link', { name: '全国' }));
    expect(search().get('province')).toBeNull();
    expect(search().get('program')).toBe(SLUG);
    await waitFor(() => expect(breadcrumb()).toBe('全国'));
  });

  it('moving the timeline replaces the date in the URL without a history entry, and shows that date', async () => {
    renderDashboard(`/?program=${SLUG}&asOf=2021-10-02&province=44`);
    expect(kpiLive()).toContain('3');
    const entries = window.history.length;

    fireEvent.change(screen.getByRole('slider'), { target: { value: '0' } });
    expect(search().get('asOf')).toBe('2021-09-27');
    expect(search().get('province')).toBe('44');
    expect(window.history.length).toBe(entries);
    await waitFor(() => expect(screen.getByTestId('timeline-date').textContent).toContain('2021-09-27'));
    await waitFor(() => expect(kpiLive()).toContain('1'));
    expect(screen.getByTestId('city-table').querySelector('tr[data-city="4403"]')?.textContent).not.toContain('已上线');
    expect(coverageRequests()).toEqual([`program=${SLUG}&asOf=2021-09-27&province=44`]);
  });

  it('the map layer is in the URL: switching adds a history entry, Back switches back', async () => {
    renderDashboard(`/?program=${SLUG}&asOf=2021-10-02`);
    fireEvent.click(screen.getByTestId('map-layer-cities'));
    expect(search().get('layer')).toBe('cities');
    await waitFor(() => expect(screen.getByTestId('national-city-map').dataset.cities).toBe('3'));
    expect(screen.getByTestId('map-layer-cities').getAttribute('aria-pressed')).toBe('true');
    expect(coverageRequests()).toEqual([`program=${SLUG}&asOf=2021-10-02&layer=cities`]);

    await go('back');
    expect(search().get('layer')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('map-layer-provinces').getAttribute('aria-pressed')).toBe('true'));
    expect(screen.queryByTestId('national-city-map')).toBeNull();
  });

  it('a shared URL with a date, province and city opens that view, the city marked', () => {
    renderDashboard(`/?program=${SLUG}&asOf=2021-10-02&province=44&city=4403`);
    expect(breadcrumb()).toContain('广东省');
    expect(screen.getByTestId('timeline-date').textContent).toContain('2021-10-02');
    expect(screen.getByTestId('city-map').dataset.highlight).toBe('4403');
    expect(screen.getByTestId('city-table').querySelector('tr[data-city="4403"]')?.className).toContain('row-highlight');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a shared URL of a view the server did not draw loads that view', async () => {
    // The page drew the latest date's nation; the link asks for the city layer of an earlier date.
    renderDashboard(`/?program=${SLUG}&asOf=2021-09-27&layer=cities`, { asOf: '2021-10-02', province: null });
    expect(screen.getByTestId('timeline-date').textContent).toContain('2021-09-27');
    await waitFor(() => expect(screen.getByTestId('national-city-map').dataset.cities).toBe('3'));
    await waitFor(() => expect(kpiLive()).toContain('1'));
    expect(coverageRequests()).toEqual([`program=${SLUG}&asOf=2021-09-27&layer=cities`]);
  });
});
