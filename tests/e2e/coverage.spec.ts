import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { expectedCoverage } from './support/expected';

const SLUG = 'alipay-unionpay-offline';

test.beforeEach(async ({ page }) => {
  await signIn(page, 'pm@hutong.test');
});

test('scrubbing the timeline to 2021-10-02 shows the public figures', async ({ page }) => {
  const expected = expectedCoverage(SLUG, '2021-10-02');
  await page.goto(`/?program=${SLUG}&asOf=2021-09-27`);
  await expect(page.getByTestId('timeline-date')).toContainText('2021-09-27');
  await page.getByRole('slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-date')).toContainText('2021-10-02');
  await expect(page.getByTestId('kpi-live')).toContainText(`${expected.live}`);
  await expect(page.getByTestId('kpi-live')).toContainText('/ 337');
  await expect(page).toHaveURL(/asOf=2021-10-02/);
  // The named cities of the Alipay statement are live in their provinces' rows.
  for (const code of ['11', '12', '50']) {
    await expect(page.locator(`tr[data-province="${code}"] td`).nth(2)).toHaveText('1');
  }
});

test('drill from the nation to Guangdong to Shenzhen, and a deep link reproduces the view', async ({ page, context }) => {
  const expected = expectedCoverage(SLUG, '2021-10-02');
  await page.goto(`/?program=${SLUG}&asOf=2021-10-02`);
  await page.getByTestId('drill-44').click();
  await expect(page.getByTestId('map-breadcrumb')).toContainText('广东省');
  await expect(page.getByTestId('city-map')).toHaveAttribute('data-state', 'ready');
  const guangdong = expected.provinces['44']!;
  await expect(page.getByTestId('city-table').locator('tr[data-city]')).toHaveCount(guangdong.total);
  await expect(page).toHaveURL(/province=44/);
  await page.screenshot({ path: 'docs/screenshots/province.png', fullPage: true });

  // The same URL in a fresh tab shows the same view.
  const deep = await context.newPage();
  await deep.goto(page.url());
  await expect(deep.getByTestId('map-breadcrumb')).toContainText('广东省');
  await expect(deep.getByTestId('kpi-as-of')).toContainText('2021-10-02');
  await expect(deep.getByTestId('city-table').locator('tr[data-city]')).toHaveCount(guangdong.total);
  await deep.close();

  // Back to the nation with the browser's Back button, then forward into Shenzhen's page.
  await page.goBack();
  await expect(page.getByTestId('province-map')).toHaveAttribute('data-state', 'ready');
  await page.goForward();
  await page.getByTestId('city-table').locator('tr[data-city="4403"] a').click();
  await expect(page).toHaveURL(/\/cities\/4403/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('深圳');
});

test('the search box finds a city by pinyin and highlights it in its province', async ({ page }) => {
  await page.goto(`/?program=${SLUG}&asOf=2021-10-02`);
  await page.getByTestId('division-search').locator('input').fill('shenzhen');
  await page.getByTestId('search-hit-4403').click();
  await expect(page).toHaveURL(/province=44/);
  await expect(page).toHaveURL(/city=4403/);
  await expect(page.locator('tr[data-city="4403"]')).toHaveClass(/row-highlight/);
});

test('the CSV download has exactly the rows of the table', async ({ page }) => {
  await page.goto(`/?program=${SLUG}&asOf=2021-10-02`);
  const rows = page.getByTestId('province-table').locator('tr[data-province]');
  await expect(rows).toHaveCount(31);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-download').click()]);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines).toHaveLength(32);
  for (const line of lines.slice(1)) {
    const [code, , live, denominator] = line.split(',');
    const row = page.locator(`tr[data-province="${code}"]`);
    await expect(row.locator('td').nth(2)).toHaveText(live!);
    await expect(row.locator('td').nth(3)).toHaveText(denominator!);
  }
});

test('the burn-up shows the target line, a projection and the health rule', async ({ page }) => {
  await page.goto('/?program=quickpass-payment-code-reverse');
  const chart = page.getByTestId('burnup-chart');
  await expect(chart).toHaveAttribute('data-state', 'ready');
  // Re-planned program: both the baseline and the current target are drawn, and the projection.
  await expect(chart).toHaveAttribute('data-lines', /2027-03-31/);
  await expect(chart).toHaveAttribute('data-lines', /2027-06-30/);
  await expect(chart).toHaveAttribute('data-series', /\|.*\|/);
  await expect(page.getByTestId('health-badge')).toBeVisible();
  await expect(page.getByTestId('health-rule')).not.toBeEmpty();
  await expect(page.getByTestId('burnup-projection')).toContainText(/\d{4}-\d{2}-\d{2}/);
  await page.getByTestId('burnup-panel').screenshot({ path: 'docs/screenshots/burnup.png' });
});
