import { expect, test } from '../support/fixtures';
import { SCREENSHOT, screenshotPath } from './support/screenshot';
import { DEMO_USERS, signIn } from './support/sign-in';
import { watchPage } from './support/watch-page';
import { expectedCoverage } from './support/expected';
import { scrollChartIntoView } from './support/scroll';

test('the dashboard shows the database numbers for 2021-10-02, on the map, the KPIs and the table', SCREENSHOT, async ({ page }) => {
  const problems = watchPage(page);
  const slug = 'alipay-unionpay-offline';
  const asOf = '2021-10-02';
  const expected = expectedCoverage(slug, asOf);
  expect(expected.denominator).toBe(337);

  await signIn(page, DEMO_USERS.pm);
  await page.goto(`/?program=${slug}&asOf=${asOf}`);
  await expect(page.getByTestId('kpi-live')).toContainText(String(expected.live));
  await expect(page.getByTestId('kpi-live')).toContainText(`/ ${expected.denominator}`);
  await expect(page.getByTestId('kpi-as-of')).toContainText(asOf);

  // The server drew the map (SVG, no chart code yet), coloured per province: Beijing is live.
  const map = page.getByTestId('province-map');
  await expect(map).toHaveAttribute('data-state', 'static');
  expect(await map.locator('svg use[data-code]').count()).toBeGreaterThanOrEqual(31);
  // Each outline is drawn from the cached sprite the region points at.
  const sichuan = await map.locator('svg use[data-code="51"]').first().boundingBox();
  expect(sichuan?.width ?? 0).toBeGreaterThan(20);
  expect(sichuan?.height ?? 0).toBeGreaterThan(20);
  const liveCode = Object.entries(expected.provinces).find(([, p]) => p.live > 0)![0];
  const emptyCode = Object.entries(expected.provinces).find(([, p]) => p.live === 0)![0];
  const liveFill = await map.locator(`svg use[data-code="${liveCode}"]`).first().getAttribute('fill');
  const emptyFill = await map.locator(`svg use[data-code="${emptyCode}"]`).first().getAttribute('fill');
  expect(liveFill).toMatch(/^#/);
  expect(liveFill).not.toBe(emptyFill);
  // Pointing at it loads the browser's chart (tooltips, PNG download): ECharts reports ready and
  // painted a canvas of real size.
  await map.hover();
  await expect(map).toHaveAttribute('data-state', 'ready');
  const box = await map.locator('canvas').first().boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(300);
  expect(box?.height ?? 0).toBeGreaterThan(300);

  // Every province row equals the database.
  const rows = page.getByTestId('province-table').locator('tr[data-province]');
  await expect(rows).toHaveCount(Object.keys(expected.provinces).length);
  for (const [code, p] of Object.entries(expected.provinces)) {
    const row = page.getByTestId('province-table').locator(`tr[data-province="${code}"]`);
    // Columns: province, code, live, denominator, percent.
    await expect(row.locator('td').nth(2)).toHaveText(String(p.live));
    await expect(row.locator('td').nth(3)).toHaveText(String(p.total));
  }
  // The burn-up below draws as it scrolls into view; the full-page picture shows it drawn.
  const burnup = page.getByTestId('burnup-chart');
  await scrollChartIntoView(burnup);
  await expect(burnup).toHaveAttribute('data-state', 'ready');
  await page.evaluate(() => window.scrollTo(0, 0)); // else the sticky header is drawn mid-page
  await page.screenshot({ path: screenshotPath('dashboard.png'), fullPage: true });

  // The burn-up's weekly table is drawn when the reader opens it; its as-of row holds the same count.
  await expect(page.getByTestId('burnup-table')).toHaveCount(0);
  await page.getByText(/^每周数据（\d+ 行）/).click();
  const asOfRow = page.getByTestId('burnup-table').locator('tbody tr', { hasText: '截至日' });
  await expect(asOfRow.locator('td').first()).toContainText(asOf);
  await expect(asOfRow.locator('td').nth(1)).toHaveText(String(expected.live));
  expect(problems).toEqual([]);
});

test('a click on a province of the server-drawn map drills down', async ({ page }) => {
  await signIn(page, DEMO_USERS.pm);
  await page.goto('/?program=alipay-unionpay-offline&asOf=2021-10-02');
  const map = page.getByTestId('province-map');
  await expect(map).toHaveAttribute('data-state', 'static');
  // Sichuan: one compact shape, so the middle of its box is on it.
  await map.locator('svg use[data-code="51"]').first().click();
  await expect(page).toHaveURL(/province=51/);
  await expect(page.getByTestId('map-breadcrumb')).toContainText('四川省');
  await expect(page.getByTestId('city-map')).toHaveAttribute('data-state', 'ready');
});

test('while the browser chart loads, the server-drawn map under it still drills down on click', async ({ page }) => {
  await signIn(page, DEMO_USERS.pm);
  // Hold ECharts (the chunk that registers maps) back, as a slow network would.
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    const res = await route.fetch();
    const body = await res.text();
    if (body.includes('registerMap')) await new Promise((r) => setTimeout(r, 4000));
    await route.fulfill({ response: res, body });
  });
  await page.goto('/?program=alipay-unionpay-offline&asOf=2021-10-02');
  const map = page.getByTestId('province-map');
  await expect(map).toHaveAttribute('data-state', 'static');
  await map.hover();
  await expect(map).toHaveAttribute('data-state', 'loading');
  await page.locator('svg use[data-code="51"]').first().click();
  await expect(page).toHaveURL(/province=51/);
  // The held-back chunk may still be in flight: its handler must not outlive the test.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('the map’s outlines come once, from a file the browser keeps, not inside every page', async ({ page }) => {
  await signIn(page, DEMO_USERS.pm);
  const res = await page.request.get('/?program=alipay-unionpay-offline&asOf=2021-10-02');
  const html = await res.text();
  const href = /<use href="([^"#]+)#s[0-9a-f]{12}"/.exec(html)?.[1];
  expect(href).toMatch(/^\/geo\/china-provinces-shapes\.svg\?v=[0-9a-f]{12}$/);
  const sprite = await page.request.get(href!);
  expect(sprite.status()).toBe(200);
  expect(sprite.headers()['content-type']).toContain('image/svg+xml');
  expect(sprite.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  // No outline's path data in the page (neither in the HTML nor in the RSC payload).
  const outlines = Array.from((await sprite.text()).matchAll(/ d="([^"]+)"/g), (m) => m[1]!);
  expect(outlines.length).toBeGreaterThanOrEqual(34);
  expect(outlines.filter((d) => html.includes(d.slice(0, 120))).length).toBe(0);
});

test('an unknown program and a bad date get clear messages, not an error page', async ({ page }) => {
  await signIn(page, DEMO_USERS.pm);
  await page.goto('/?program=no-such-program');
  await expect(page.getByText('no-such-program')).toBeVisible();
  await page.goto('/?program=alipay-bank-apps&asOf=2021-02-30');
  await expect(page.getByText('2021-02-30')).toBeVisible();
  await expect(page.getByTestId('kpi-live')).toBeVisible();
});

test('security headers are on every page', async ({ request }) => {
  const res = await request.get('/');
  const headers = res.headers();
  expect(headers['content-security-policy']).toContain("object-src 'none'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-powered-by']).toBeUndefined();
});
