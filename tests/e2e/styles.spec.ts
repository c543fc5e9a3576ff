/**
 * A light first view: Ant Design's styles come from a cached static stylesheet (app/antd.css), not
 * from a large <style> inlined into every page, and the components look as the theme says
 * (components/ui/theme.ts). The signed-out pages load no Ant Design at all and stay under their
 * weight targets.
 */
import { gzipSync } from 'node:zlib';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { DEMO_USERS, signIn } from './support/sign-in';

/** Issue 11's targets for the sign-in page's and the dashboard's HTML, gzip. */
const SIGN_IN_HTML_GZIP_MAX = 15_000;
const DASHBOARD_HTML_GZIP_MAX = 60_000;
/** The signed-out pages' own stylesheets, gzip: globals and the plain controls, no Ant Design. */
const SIGN_IN_CSS_GZIP_MAX = 8_000;
/** What a page may still inline: antd entries the static sheet lacks (none, when it is current). */
const INLINE_STYLE_MAX = 2_000;
/** PRIMARY_COLOR (#1f5fae) in components/ui/theme.ts, as the browser reports it. */
const PRIMARY_RGB = 'rgb(31, 95, 174)';

async function fetchHtml(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(response.status()).toBe(200);
  return response.text();
}

function inlineStyleBytes(html: string): number {
  return [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].reduce((sum, m) => sum + (m[1] ?? '').length, 0);
}

/** The stylesheet files (not inline styles) whose rules style Ant Design's buttons in the app's theme. */
async function antdStylesheets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.styleSheets]
      .filter((sheet) => {
        if (!sheet.href) return false;
        const rules = [...sheet.cssRules].map((rule) => rule.cssText);
        return rules.some((text) => text.includes('.ant-btn')) && rules.some((text) => text.includes('.css-var-hutong'));
      })
      .map((sheet) => new URL(sheet.href!).pathname),
  );
}

test('the sign-in page is light: no Ant Design, a small cached stylesheet, HTML under 15 KB gzip, in the theme', async ({ page }) => {
  const html = await fetchHtml(page.request, '/sign-in');
  const gzipBytes = gzipSync(Buffer.from(html)).length;
  expect(gzipBytes, `sign-in HTML is ${gzipBytes} bytes gzip`).toBeLessThanOrEqual(SIGN_IN_HTML_GZIP_MAX);
  expect(inlineStyleBytes(html)).toBeLessThanOrEqual(INLINE_STYLE_MAX);
  // Only the namespaces the page uses reach it (lib/i18n/client-messages.ts), not the admin screens'.
  expect(html).toContain('signIn');
  expect(html).not.toContain('adminPrograms');

  await page.goto('/sign-in');
  // The signed-in layout's Ant Design sheet is not loaded (docs/decisions/045-plain-public-pages.md).
  expect(await antdStylesheets(page)).toEqual([]);
  const sheets = await page.evaluate(() => [...document.styleSheets].map((sheet) => sheet.href).filter((href): href is string => href !== null));
  expect(sheets.length).toBeGreaterThan(0);
  let cssBytes = 0;
  for (const href of sheets) {
    const css = await page.request.get(href, { headers: { 'Accept-Encoding': 'gzip' } });
    // Served as cacheable static files.
    expect(css.headers()['cache-control']).toContain('immutable');
    cssBytes += gzipSync(await css.body()).length;
  }
  expect(cssBytes, `sign-in CSS is ${cssBytes} bytes gzip`).toBeLessThanOrEqual(SIGN_IN_CSS_GZIP_MAX);

  const submit = page.locator('form button[type="submit"]');
  await expect(submit).toHaveCSS('background-color', PRIMARY_RGB);
  await expect(submit).toHaveCSS('color', 'rgb(255, 255, 255)');
  await expect(submit).toHaveCSS('border-radius', '6px');
  await expect(page.locator('input[autocomplete="username"]')).toHaveCSS('border-radius', '6px');
});

test('the not-found page is plain too, signed out and signed in', async ({ page }) => {
  for (const signedIn of [false, true]) {
    if (signedIn) await signIn(page, DEMO_USERS.pm);
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
    expect(await antdStylesheets(page)).toEqual([]);
    await expect(page.getByRole('link', { name: '返回总览' })).toHaveCSS('background-color', PRIMARY_RGB);
  }
});

test('the dashboard draws no Ant Design: no antd sheet, controls in the theme, HTML under 60 KB gzip', async ({ page }) => {
  await signIn(page, DEMO_USERS.pm, '/');
  const html = await fetchHtml(page.request, '/');
  const gzipBytes = gzipSync(Buffer.from(html)).length;
  expect(gzipBytes, `dashboard HTML is ${gzipBytes} bytes gzip`).toBeLessThanOrEqual(DASHBOARD_HTML_GZIP_MAX);
  expect(inlineStyleBytes(html)).toBeLessThanOrEqual(INLINE_STYLE_MAX);
  // Only the messages its own parts read (components/i18n/with-client-messages.tsx), not the admin screens'.
  expect(html).toContain('burnup');
  expect(html).not.toContain('adminPrograms');
  expect(html).not.toContain('apiTokens');
  // docs/decisions/045-plain-public-pages.md: the dashboard is plain markup in the theme.
  expect(await antdStylesheets(page)).toEqual([]);
  expect(await page.locator('[class*="ant-"]').count()).toBe(0);

  // The follow button is antd's middle size: primary to follow, default to unfollow. The CSV button
  // is a small default one.
  const follow = page.getByTestId('follow-program');
  const isFollowing = (await follow.getAttribute('data-following')) === 'true';
  await expect(follow).toHaveCSS('background-color', isFollowing ? 'rgb(255, 255, 255)' : PRIMARY_RGB);
  await expect(follow).toHaveCSS('border-color', isFollowing ? 'rgb(217, 217, 217)' : 'rgba(0, 0, 0, 0)');
  await expect(follow).toHaveCSS('height', '32px');
  await expect(follow).toHaveCSS('border-radius', '6px');
  const csv = page.getByTestId('csv-download');
  await expect(csv).toHaveCSS('height', '24px');
  await expect(csv).toHaveCSS('border-color', 'rgb(217, 217, 217)');
  // The health badge keeps antd's preset colours (with the theme's darker text), whatever the health.
  const badge = page.getByTestId('health-badge');
  const preset: Record<string, [string, string]> = {
    COMPLETE: [PRIMARY_RGB, 'rgb(223, 232, 237)'],
    ON_TRACK: ['rgb(35, 120, 4)', 'rgb(246, 255, 237)'],
    AT_RISK: ['rgb(173, 78, 0)', 'rgb(255, 251, 230)'],
    OFF_TRACK: ['rgb(207, 19, 34)', 'rgb(255, 242, 240)'],
  };
  const [text, ground] = preset[(await badge.getAttribute('data-health')) ?? ''] ?? ['?', '?'];
  await expect(badge).toHaveCSS('color', text);
  await expect(badge).toHaveCSS('background-color', ground);
});

/** Lighthouse counts a cumulative layout shift under 0.1 as good; the dashboard should have next to none. */
const DASHBOARD_LAYOUT_SHIFT_MAX = 0.05;

test('the dashboard arrives whole: map and table in the first HTML, nothing pushed down as it loads', async ({ page }) => {
  // Lighthouse's desktop screen, where the map and the table sit above the burn-up.
  await page.setViewportSize({ width: 1350, height: 940 });
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await signIn(page, DEMO_USERS.pm, '/');
  // A Suspense boundary still pending when the shell is sent (<template id="B:0">) is revealed by a
  // script after the first paint, which moves everything below it.
  const html = await fetchHtml(page.request, '/');
  expect(html).not.toMatch(/<template id="B:\d+"/);

  await page.goto('/');
  await expect(page.getByTestId('burnup-panel')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const shifts = await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts);
  const total = shifts.reduce((sum, value) => sum + value, 0);
  expect(total, `layout shifts ${JSON.stringify(shifts)}`).toBeLessThanOrEqual(DASHBOARD_LAYOUT_SHIFT_MAX);
});

test('a signed-in page: a primary button and a table cell look as the theme says, with nothing large inlined', async ({ page }) => {
  await signIn(page, DEMO_USERS.admin, '/admin/users');
  expect(inlineStyleBytes(await fetchHtml(page.request, '/admin/users'))).toBeLessThanOrEqual(INLINE_STYLE_MAX);
  expect((await antdStylesheets(page)).length).toBeGreaterThan(0);

  // antd's middle-size button: 32 px high, 15 px inline padding inside a 1 px border.
  const create = page.getByTestId('user-create');
  await expect(create).toHaveCSS('background-color', PRIMARY_RGB);
  await expect(create).toHaveCSS('height', '32px');
  await expect(create).toHaveCSS('padding-left', '15px');
  await expect(create).toHaveCSS('border-radius', '6px');

  // A middle-size table: cells padded 12 px by 8 px, header on antd's light fill, rows split by a
  // hairline in the split colour.
  const table = page.getByTestId('users-table');
  const cell = table.locator('tbody tr.ant-table-row td').first();
  await expect(cell).toHaveCSS('padding-top', '12px');
  await expect(cell).toHaveCSS('padding-left', '8px');
  await expect(cell).toHaveCSS('border-bottom-color', 'rgb(240, 240, 240)');
  await expect(table.locator('thead th').first()).toHaveCSS('background-color', 'rgb(250, 250, 250)');
});
