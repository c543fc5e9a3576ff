// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressFacts, ProvinceMapFacts } from '@/lib/charts/describe';
import { TIME_ZONE } from '@/lib/i18n/config';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { useChartText } from './use-chart-text';

const burnup: ProgressFacts = {
  current: 49,
  goal: 337,
  asOf: '2021-10-02',
  targetDate: '2022-03-31',
  outlook: 'projected',
  weeks: 8,
  completionDate: '2024-01-29',
};
const map: ProvinceMapFacts = {
  live: 49,
  denominator: 337,
  provinces: 31,
  complete: 2,
  none: 20,
  leaders: [
    { code: '11', name: '北京市', nameEn: 'Beijing', percent: 100 },
    { code: '44', name: '广东省', nameEn: 'Guangdong', percent: 9.5 },
  ],
};

function Sentences() {
  const text = useChartText();
  return (
    <>
      <p data-testid="burnup">{text.progress(burnup, 'CITY')}</p>
      <p data-testid="map">{text.provinceMap(map, '2021-10-02')}</p>
      <p data-testid="cities">{text.cityStatuses('广东省', '2021-10-02', [{ status: 'PILOT', count: 2 }, { status: 'LIVE', count: 3 }])}</p>
    </>
  );
}

function renderIn(locale: 'en' | 'zh-CN') {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === 'en' ? en : zhCN} timeZone={TIME_ZONE}>
      <Sentences />
    </NextIntlClientProvider>,
  );
}

describe('chart text equivalents', () => {
  afterEach(cleanup);

  it('say the burn-up figure in English', () => {
    renderIn('en');
    expect(screen.getByTestId('burnup').textContent).toBe(
      "49 of 337 cities live on 2021-10-02; target 2022-03-31; at the last 8 weeks' pace, complete on 2024-01-29.",
    );
    expect(screen.getByTestId('map').textContent).toBe(
      '49 of 337 cities live on 2021-10-02 in 31 provinces; every city live in 2, none in 20. Best covered: Beijing 100% and Guangdong 9.5%.',
    );
    expect(screen.getByTestId('cities').textContent).toBe('广东省 on 2021-10-02, 5 cities: Pilot 2 and Live 3.');
  });

  it('and in Chinese', () => {
    renderIn('zh-CN');
    expect(screen.getByTestId('burnup').textContent).toBe('2021-10-02 已上线 49 / 337 个城市；目标日期 2022-03-31；按最近 8 周的速度，预计 2024-01-29 完成。');
    expect(screen.getByTestId('map').textContent).toContain('覆盖率最高：北京市 100%和广东省 9.5%。');
    expect(screen.getByTestId('cities').textContent).toBe('广东省 2021-10-02，共 5 个城市：试点 2 个和已上线 3 个。');
  });
});
