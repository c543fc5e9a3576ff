import fs from 'node:fs';
import { expect, test } from '../support/fixtures';
import { SCREENSHOT, screenshotPath } from './support/screenshot';
import { signIn } from './support/sign-in';
import { expectedCoverage } from './support/expected';
import { scrollChartIntoView } from './support/scroll';

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

test('drill from the nation to Guangdong to Shenzhen, and a deep link reproduces the view', SCREENSHOT, async ({ page, context }) => {
  const expected = expectedCoverage(SLUG, '2021-10-02');
  await page.goto(`/?program=${SLUG}&asOf=2021-10-02`);
  await page.getByTestId('drill-44').click();
  await expect(page.getByTestId('map-breadcrumb')).toContainText('广东省');
  await expect(page.getByTestId('city-map')).toHaveAttribute('data-state', 'ready');
  const guangdong = expected.provinces['44']!;
  await expect(page.getByTestId('city-table').locator('tr[data-city]')).toHaveCount(guangdong.total);
  await expect(page).toHaveURL(/province=44/);
  // The burn-up draws when it comes near the viewport: bring it in, so the picture shows it drawn.
  const burnup = page.getByTestId('burnup-chart');
  await scrollChartIntoView(burnup);
  await expect(burnup).toHaveAttribute('data-state', 'ready');
  await page.evaluate(() => window.scrollTo(0, 0)); // else the sticky header is drawn mid-page
  await page.screenshot({ path: screenshotPath('province.png'), fullPage: true });

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
  await page.getByTestId('city-table').locator('tr[data-city="4403"] a').first().click();
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

test('the burn-up shows the target line, a projection and the health rule', SCREENSHOT, async ({ page }) => {
  await page.goto('/?program=quickpass-payment-code-reverse');
  const chart = page.getByTestId('burnup-chart');
  // The chart loads as it scrolls into view.
  await scrollChartIntoView(chart);
  await expect(chart).toHaveAttribute('data-state', 'ready');
  // Re-planned program: both the baseline and the current target are drawn, and the projection.
  await expect(chart).toHaveAttribute('data-lines', /2027-03-31/);
  await expect(chart).toHaveAttribute('data-lines', /2027-06-30/);
  await expect(chart).toHaveAttribute('data-series', /\|.*\|/);
  await expect(page.getByTestId('health-badge')).toBeVisible();
  await expect(page.getByTestId('health-rule')).not.toBeEmpty();
  await expect(page.getByTestId('burnup-projection')).toContainText(/\d{4}-\d{2}-\d{2}/);
  await page.getByTestId('burnup-panel').screenshot({ path: screenshotPath('burnup.png') });
});

test('the national city layer colours every city for the timeline date, and a city opens its page', async ({ page }) => {
  const before = expectedCoverage(SLUG, '2021-09-27');
  const after = expectedCoverage(SLUG, '2021-10-02');
  const geo: Array<{ url: string; cacheControl: string | undefined }> = [];
  page.on('response', (res) => {
    if (res.url().includes('/geo/china-cities.json')) geo.push({ url: res.url(), cacheControl: res.headers()['cache-control'] });
  });
  await page.goto(`/?program=${SLUG}&asOf=2021-09-27`);
  // The province map comes first (drawn on the server); the city layer's data is not requested
  // until it is chosen.
  await expect(page.getByTestId('province-map')).toHaveAttribute('data-state', 'static');
  expect(geo).toHaveLength(0);

  await page.getByTestId('map-layer-cities').click();
  await expect(page).toHaveURL(/layer=cities/);
  await expect(page.getByTestId('map-layer-cities')).toHaveAttribute('aria-pressed', 'true');
  const map = page.getByTestId('national-city-map');
  await expect(map).toHaveAttribute('data-state', 'ready');
  await expect(map).toHaveAttribute('data-cities', String(before.denominator));
  await expect(map).toHaveAttribute('data-live', String(before.live));
  // Fetched by content hash and cached for good.
  expect(geo[0]?.url).toMatch(/china-cities\.json\?v=[0-9a-f]{12}$/);
  expect(geo[0]?.cacheControl).toContain('immutable');

  // Scrubbing recolours the cities for the new date; the province table stays beside the map.
  await page.getByRole('slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-date')).toContainText('2021-10-02');
  await expect(map).toHaveAttribute('data-live', String(after.live));
  await expect(page.getByTestId('province-table').locator('tr[data-province]')).toHaveCount(31);

  // A deep link reproduces the layer.
  await page.goto(page.url());
  const again = page.getByTestId('national-city-map');
  await expect(again).toHaveAttribute('data-state', 'ready');
  await expect(again).toHaveAttribute('data-live', String(after.live));

  // The middle of the map is a prefecture city of north-west China: clicking it opens its page.
  // The canvas paints a frame after the data is set, so the click is retried until it lands; the
  // city page is rendered on the server, which takes a few seconds on a busy machine.
  await expect(async () => {
    await again.scrollIntoViewIfNeeded();
    const box = await again.boundingBox();
    if (!box) throw new Error('no map box');
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.55);
    await expect(page).toHaveURL(/\/cities\/\d{4}$/, { timeout: 8_000 });
  }).toPass({ timeout: 30_000 });
});

test('the burn-up follows the timeline date without reloading the page', async ({ page }) => {
  await page.goto(`/?program=${SLUG}&asOf=2021-09-27`);
  const chart = page.getByTestId('burnup-chart');
  await scrollChartIntoView(chart);
  await expect(chart).toHaveAttribute('data-state', 'ready');
  await expect(chart).toHaveAttribute('data-lines', /2021-09-27/);
  const documents: string[] = [];
  page.on('request', (req) => {
    if (req.resourceType() === 'document') documents.push(req.url());
  });
  await page.getByRole('slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-date')).toContainText('2021-10-02');
  // The "as of" line and the projection move to the new date.
  await expect(chart).toHaveAttribute('data-lines', /2021-10-02/);
  await expect(chart).not.toHaveAttribute('data-lines', /2021-09-27/);
  await expect(page.getByTestId('burnup-projection')).toBeVisible();
  expect(documents).toEqual([]);
});

test('program managers get an edit link on each city row; executives do not', async ({ page }) => {
  await page.goto(`/?program=${SLUG}&asOf=2021-10-02&province=44`);
  const edit = page.getByTestId('edit-city-4403');
  await expect(edit).toHaveAttribute('href', `/programs/${SLUG}/cities/4403/edit`);
  await edit.click();
  await expect(page).toHaveURL(new RegExp(`/programs/${SLUG}/cities/4403/edit$`));

  await page.context().clearCookies();
  await signIn(page, 'exec@hutong.test');
  await page.goto(`/?program=${SLUG}&asOf=2021-10-02&province=44`);
  await expect(page.getByTestId('city-table').locator('tr[data-city]').first()).toBeVisible();
  await expect(page.locator('[data-testid^="edit-city-"]')).toHaveCount(0);
});

test('the institutions page charts live institutions over time, ending at today’s count and denominator', async ({ page }) => {
  await page.goto('/institutions');
  const chart = page.getByTestId('institutions-over-time');
  await expect(chart).toHaveAttribute('data-state', 'ready');
  // Every enrolled institution of the bank-apps program has been live since 2021-12-02.
  await expect(chart).toHaveAttribute('data-final', /alipay-bank-apps:28\/28/);
  await expect(page.getByTestId('institutions-over-time-alipay-bank-apps')).toContainText('28 / 28');
  // The rule behind the "unconfirmed" flag is written where the flag is shown, and a finished
  // rollout's live rows are not flagged.
  await expect(page.getByTestId('stale-rule')).not.toBeEmpty();
  // The matrix repeats its header for scrolling; any copy will do.
  await expect(page.getByTestId('rollout-complete-alipay-bank-apps').first()).toBeVisible();
});
