/**
 * The whole effort at a glance: the who-scans-whom matrix and the program portfolio, with the
 * figures of the public 2021 record (docs/sources.md), equal to the partner API's coverage.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { E2E_PASSWORD } from '../support/settings';
import { SCREENSHOT, screenshotPath } from './support/screenshot';
import { DEMO_USERS, signIn } from './support/sign-in';
import { watchPage } from './support/watch-page';

const cell = (page: Page, payer: string, acceptor: string) => page.locator(`td[data-payer="${payer}"][data-acceptor="${acceptor}"]`);

async function apiCoverage(page: Page, slug: string, asOf: string) {
  const res = await page.request.get(`/api/v1/programs/${slug}/coverage?asOf=${asOf}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { live: number; denominator: number; percent: number | null; metric: { value: number | null } | null };
}

test('the matrix on 2021-10-02: QuickPass partly on Alipay, complete on WeChat Pay, Alipay online at 85 %, nothing between the wallets', SCREENSHOT, async ({ page }) => {
  const problems = watchPage(page);
  await signIn(page, DEMO_USERS.pm, '/matrix?asOf=2021-10-02');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('互扫矩阵');
  await expect(page.getByTestId('timeline-date')).toContainText('2021-10-02');

  const alipay = cell(page, 'UNIONPAY_QUICKPASS', 'ALIPAY');
  await expect(alipay.getByTestId('matrix-figure')).toHaveText('49 / 337 个城市（14.5%）');
  await expect(alipay.getByTestId('health-badge')).toBeVisible();
  await expect(alipay.getByTestId('matrix-sparkline')).toBeVisible();
  const wechat = cell(page, 'UNIONPAY_QUICKPASS', 'WECHAT_PAY');
  await expect(wechat.getByTestId('matrix-figure')).toHaveText('31 / 31 个城市（100%）');
  await expect(wechat).toContainText('2021-09-30 起覆盖全部省会城市');
  await expect(cell(page, 'ALIPAY', 'WECHAT_PAY').getByTestId('matrix-empty')).toHaveText('没有项目覆盖这一方向');
  await expect(cell(page, 'WECHAT_PAY', 'ALIPAY').getByTestId('matrix-empty')).toHaveText('没有项目覆盖这一方向');
  // Nobody scans QuickPass's payment code in 2021: that program has not started.
  await expect(cell(page, 'ALIPAY', 'UNIONPAY_QUICKPASS').getByTestId('matrix-empty')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('matrix.png'), fullPage: true });

  // Online checkout: Alipay's checkout accepts QuickPass at 85 % of Taobao merchants. The mode is in the URL.
  await page.locator('label', { hasText: '线上收银台' }).click();
  await expect(page).toHaveURL(/mode=ONLINE_CHECKOUT/);
  await expect(cell(page, 'UNIONPAY_QUICKPASS', 'ALIPAY').getByTestId('matrix-figure')).toHaveText('85% 的商户（目标 85%）');
  await page.reload();
  await expect(page.getByTestId('matrix-table')).toHaveAttribute('data-mode', 'ONLINE_CHECKOUT');
  expect(problems).toEqual([]);
});

test('scrubbing to 2021-12-02 completes the Alipay cell; a click opens the program at that date', async ({ page }) => {
  await signIn(page, DEMO_USERS.exec, '/matrix?asOf=2021-11-29');
  const alipay = cell(page, 'UNIONPAY_QUICKPASS', 'ALIPAY');
  await expect(alipay.getByTestId('matrix-figure')).not.toHaveText(/^337 \/ 337/);
  await page.getByRole('slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-date')).toContainText('2021-12-02');
  await expect(page).toHaveURL(/asOf=2021-12-02/);
  await expect(alipay.getByTestId('matrix-figure')).toHaveText('337 / 337 个城市（100%）');
  await expect(alipay).toContainText('2021-12-02 起全国覆盖');
  await expect(alipay.getByTestId('health-badge')).toHaveAttribute('data-health', 'COMPLETE');

  await alipay.getByTestId('matrix-program').click();
  await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('program') === 'alipay-unionpay-offline' && url.searchParams.get('asOf') === '2021-12-02');
  await expect(page.getByTestId('kpi-live')).toContainText('337');
});

test('the bank-apps row expands to the 28 institutions, 23 of them live on 2021-10-02', async ({ page }) => {
  await signIn(page, DEMO_USERS.icbc, '/matrix?asOf=2021-10-02');
  await expect(cell(page, 'BANK_APPS', 'ALIPAY').getByTestId('matrix-figure')).toHaveText('23 / 28 家机构（82.1%）');
  const expand = page.getByTestId('matrix-expand');
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expand.click();
  await expect(page).toHaveURL(/institutions=1/);
  const rows = page.getByTestId('matrix-institution-row');
  await expect(rows).toHaveCount(28);
  await expect(rows.locator('[data-live="true"]')).toHaveCount(23);
  await expect(page.locator('[data-testid="matrix-institution-row"][data-institution="MIPAY"]')).toContainText('未上线');
  await expect(page.locator('[data-testid="matrix-institution-row"][data-institution="ICBC"]')).toContainText('起已上线');
});

test('the numbers of both pages equal the partner API\'s coverage for the same program and date', async ({ page }) => {
  const asOf = '2021-11-15';
  await signIn(page, DEMO_USERS.pm, `/matrix?asOf=${asOf}`);
  for (const [payer, acceptor, slug] of [
    ['UNIONPAY_QUICKPASS', 'ALIPAY', 'alipay-unionpay-offline'],
    ['UNIONPAY_QUICKPASS', 'WECHAT_PAY', 'wechat-unionpay-offline'],
    ['BANK_APPS', 'ALIPAY', 'alipay-bank-apps'],
  ] as const) {
    const c = await apiCoverage(page, slug, asOf);
    await expect(cell(page, payer, acceptor).getByTestId('matrix-figure')).toContainText(`${c.live} / ${c.denominator} `);
    await expect(cell(page, payer, acceptor).getByTestId('matrix-figure')).toContainText(`${c.percent}%`);
  }
  await page.goto(`/portfolio?asOf=${asOf}`);
  for (const slug of ['alipay-unionpay-offline', 'wechat-unionpay-offline', 'alipay-bank-apps', 'alipay-online-quickpass']) {
    const c = await apiCoverage(page, slug, asOf);
    const progress = page.locator(`tr[data-program="${slug}"]`).getByTestId('portfolio-progress');
    if (c.metric) await expect(progress).toContainText(`${c.metric.value}%`);
    else await expect(progress).toContainText(`${c.live} / ${c.denominator} `);
  }
});

test('the portfolio lists every program by risk, the re-planned program in flight first while at risk', SCREENSHOT, async ({ page }) => {
  const problems = watchPage(page);
  await signIn(page, DEMO_USERS.exec, '/portfolio?asOf=2026-12-14');
  const rows = page.getByTestId('portfolio-table').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  const first = rows.first();
  await expect(first).toHaveAttribute('data-program', 'quickpass-payment-code-reverse');
  await expect(first).toHaveAttribute('data-health', 'AT_RISK');
  await expect(first.getByTestId('portfolio-targets')).toContainText('基线 2027-03-31');
  await expect(first.getByTestId('portfolio-targets')).toContainText('当前 2027-06-30');
  await expect(first.getByTestId('portfolio-replanned')).toBeVisible();
  await expect(first.getByTestId('portfolio-progress')).toContainText('/ 337 个城市');
  for (const i of [1, 2, 3, 4]) await expect(rows.nth(i)).toHaveAttribute('data-health', 'COMPLETE');
  await page.screenshot({ path: screenshotPath('portfolio.png'), fullPage: true });

  await first.getByTestId('portfolio-program').click();
  await page.waitForURL((url) => url.searchParams.get('program') === 'quickpass-payment-code-reverse' && url.searchParams.get('asOf') === '2026-12-14');
  expect(problems).toEqual([]);
});

test('managers and executives following several programs land on the portfolio; partners on the dashboard', async ({ browser }) => {
  for (const [email, landing] of [
    [DEMO_USERS.pm, '/portfolio'],
    [DEMO_USERS.exec, '/portfolio'],
    [DEMO_USERS.icbc, '/'],
  ] as const) {
    const page = await (await browser.newContext()).newPage();
    await page.goto('/sign-in');
    await page.locator('input[autocomplete="username"]').fill(email);
    await page.locator('input[autocomplete="current-password"]').fill(E2E_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === landing, { timeout: 30_000 });
    await expect(page.getByTestId('user-menu-name')).toBeVisible();
    await page.context().close();
  }
});

test('both pages are in the menu, and the weekly summary links to the portfolio', async ({ page }) => {
  await signIn(page, DEMO_USERS.exec, '/summary/2021-W39');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '项目组合' })).toHaveAttribute('href', '/portfolio');
  await expect(nav.getByRole('link', { name: '互扫矩阵' })).toHaveAttribute('href', '/matrix');
  await page.getByTestId('summary-portfolio-link').click();
  await page.waitForURL((url) => url.pathname === '/portfolio' && url.searchParams.get('asOf') === '2021-10-03');
  await expect(page.getByTestId('portfolio-table').locator('tbody tr')).toHaveCount(5);
});
