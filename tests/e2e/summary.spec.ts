/**
 * The executive's journey: the latest finished week on opening the summaries, the archive of
 * weeks, one week's summary (numbers equal to the API's),
 * the printed A4 PDF with its Chinese text (checked with pdftotext from poppler-utils), the PDF
 * download printed on the server, the same week in English, and a week that does not exist.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { lastFinishedWeek } from '../../lib/summary/iso-week';
import { DEMO_USERS, signIn } from './support/sign-in';

interface ApiProgram {
  program: { slug: string };
  coverage: { live: number; denominator: number; percent: number | null };
  change: { live: number };
  wentLive: Array<{ code: string; name: string }>;
  liveCodes: string[];
  projection: { health: string; completionDate: string | null; targetDate: string } | null;
}

interface ApiSummary {
  week: string;
  programs: ApiProgram[];
}

const NAMED_CITIES_20211002 = ['1100', '1200', '4401', '4403', '5101', '5000', '6101'];

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function apiSummary(page: Page, week: string): Promise<ApiSummary> {
  const res = await page.request.get(`/api/v1/summaries/${week}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as ApiSummary;
}

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO_USERS.exec);
});

test('the summaries open on the latest finished week; the archive is one tap away', async ({ page }) => {
  const latest = lastFinishedWeek(new Date());
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '汇总' }).click();
  await expect(page).toHaveURL(/\/summary$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`互通周报 · ${latest.id}`);
  await expect(page.getByTestId('summary-next')).toHaveCount(0);
  await expect(page.getByTestId('summary-pdf')).toHaveAttribute('href', `/summary/${latest.id}/pdf`);

  await page.getByTestId('summary-archive').click();
  await expect(page).toHaveURL(/\/summary\/archive$/);
  const row = page.getByTestId('summary-weeks').locator(`tr[data-week="${latest.id}"]`);
  // Opening the latest week archived it.
  await expect(row).toContainText('已存档');
  await row.getByRole('link', { name: latest.id }).click();
  await expect(page).toHaveURL(new RegExp(`/summary/${latest.id}$`));
});

test('an executive opens 2021-W39 from the list: the numbers are the API’s and the Alipay statement’s', async ({ page }) => {
  await page.goto('/summary/archive?year=2021');
  const row = page.getByTestId('summary-weeks').locator('tr[data-week="2021-W39"]');
  await expect(row).toContainText('2021-09-27 – 2021-10-03');
  await row.getByRole('link', { name: '2021-W39' }).click();
  await expect(page).toHaveURL(/\/summary\/2021-W39$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('互通周报 · 2021-W39');

  const api = await apiSummary(page, '2021-W39');
  const cities = api.programs.find((p) => p.program.slug === 'alipay-unionpay-offline')!;
  const banks = api.programs.find((p) => p.program.slug === 'alipay-bank-apps')!;
  // The public statement of 2021-10-02: the named cities live, 23 banks and institutions.
  expect(cities.liveCodes).toEqual(expect.arrayContaining(NAMED_CITIES_20211002));
  expect(banks.coverage).toMatchObject({ live: 23, denominator: 28 });

  const overview = page.getByTestId('summary-overview');
  for (const p of api.programs) {
    const line = overview.locator(`tr[data-program="${p.program.slug}"]`);
    if (p.coverage.denominator > 0) {
      await expect(line.getByTestId('summary-line-coverage')).toContainText(`${p.coverage.live} / ${p.coverage.denominator}（${p.coverage.percent}%）`);
      await expect(line.getByTestId('summary-line-change')).toHaveText(p.change.live === 0 ? '持平' : `+${p.change.live}`);
    }
  }
  const section = page.getByTestId('summary-program-alipay-unionpay-offline');
  await expect(section.getByTestId('summary-coverage')).toContainText(`已上线 ${cities.coverage.live} / ${cities.coverage.denominator} 个城市`);
  await expect(section.getByTestId('summary-projection')).toContainText(`全国覆盖要到 ${cities.projection!.completionDate} 才能实现`);
  await expect(section.getByTestId('summary-list-wentLive')).toContainText(cities.wentLive.map((e) => e.name).join('、'));
  await expect(page.getByTestId('summary-generated')).toContainText('已存档');

  // The burn-up and the national map are images drawn on the server, each of its own URL (the
  // page carries their size and text, not the pictures).
  for (const kind of ['burnup', 'map']) {
    const img = section.getByTestId(`summary-chart-${kind}`).locator('img');
    await expect(img).toBeVisible();
    await expect(img).toHaveAttribute('src', new RegExp(`^/summary/\\d{4}-W\\d{2}/charts/${kind}-alipay-unionpay-offline\\?`));
    await expect(img).toHaveAttribute('alt', /\S/);
    await expect(img).toHaveAttribute('width', /^\d+$/);
    await expect(img).toHaveAttribute('height', /^\d+$/);
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  }
  const html = await (await page.request.get(page.url())).text();
  expect(html).not.toContain('data:image/svg+xml');
});

test('the week prints to an A4 PDF with its Chinese text, in the browser and from the server', async ({ page }, testInfo) => {
  await page.goto('/summary/2021-W48');
  await expect(page.getByTestId('summary-doc')).toBeVisible();
  await expect(page.getByTestId('summary-program-alipay-unionpay-offline').getByTestId('summary-projection')).toHaveText(
    '已于 2021-12-02 实现全国覆盖，比目标日期 2022-03-31 提前 119 天。',
  );

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByTestId('summary-print')).toBeHidden();
  const printed = testInfo.outputPath('summary-2021-W48-print.pdf');
  await page.pdf({ path: printed, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const text = pdfText(printed);
  expect(text).toContain('互通周报 · 2021-W48');
  expect(text).toContain('各项目概览');
  expect(text).toContain('已于 2021-12-02 实现全国覆盖');
  // The app's header (navigation, user menu) is not printed.
  expect(text).not.toContain('退出登录');
  await page.emulateMedia({ media: 'screen' });

  // The download is printed by Chromium on the server from the same document.
  const link = page.getByTestId('summary-pdf');
  await expect(link).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('hutong-summary-2021-W48.pdf');
  const downloaded = testInfo.outputPath('summary-2021-W48-download.pdf');
  await download.saveAs(downloaded);
  expect(fs.readFileSync(downloaded).subarray(0, 5).toString()).toBe('%PDF-');
  const serverText = pdfText(downloaded);
  expect(serverText).toContain('互通周报 · 2021-W48');
  expect(serverText).toContain('已于 2021-12-02 实现全国覆盖，比目标日期 2022-03-31 提前 119 天。');
});

test('the same week in English has the same numbers', async ({ page, context }) => {
  const api = await apiSummary(page, '2021-W39');
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: page.url() }]);
  await page.goto('/summary/2021-W39');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hutong weekly summary · 2021-W39');
  for (const p of api.programs.filter((x) => x.coverage.denominator > 0)) {
    await expect(page.getByTestId('summary-overview').locator(`tr[data-program="${p.program.slug}"]`).getByTestId('summary-line-coverage')).toHaveText(
      `${p.coverage.live} / ${p.coverage.denominator} (${p.coverage.percent}%)`,
    );
  }
  await expect(page.getByTestId('summary-program-alipay-unionpay-offline').getByTestId('summary-projection')).toContainText(
    'At this pace nationwide coverage arrives on',
  );
});

test('a week that cannot exist is a clear page and a 422, never an error', async ({ page }) => {
  await page.goto('/summary/2021-W99');
  await expect(page.getByText('周报不存在')).toBeVisible();
  const res = await page.request.get('/api/v1/summaries/2021-W99');
  expect(res.status()).toBe(422);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');
  expect((await page.request.get('/api/v1/summaries/2099-W01')).status()).toBe(404);
});
