/**
 * axe-core over every page: each kind of user's pages, in Chinese and English, on a desktop and
 * a 390 px phone, and the states people reach on them (the open phone menu, an open dialog, a form
 * with errors, the conflict shown when someone else saved first, the province drill-down, the
 * search list). Any serious or critical violation of WCAG 2.x A/AA fails the test, with the rule,
 * the page, the language, the viewport and the first elements it found.
 *
 * Each user signs in once and walks the pages in each language (a cookie); each page, once loaded,
 * is checked at desktop width and again narrowed to a phone. So the whole tour costs one sign-in
 * per role and two loads per page.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import type { AppLocale } from '../../lib/i18n/config';
import { CITIES_PROGRAM, DESKTOP, PHONE, TOURS, setLocaleCookie } from './page-tour';
import { expectedCoverage } from './support/expected';
import { DEMO_USERS, signIn } from './support/sign-in';
import { scrollChartIntoView } from './support/scroll';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BLOCKING = new Set(['serious', 'critical']);

const LOCALES: readonly AppLocale[] = ['zh-CN', 'en'];

/** Until CSS transitions and finite animations are over, so colours are read as they settle. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
}

/** The serious and critical violations on the page as it is now, one line per rule. */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const url = new URL(page.url());
  return results.violations
    .filter((v) => v.impact && BLOCKING.has(v.impact))
    .map((v) => {
      const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
      const why = v.nodes[0]?.any[0]?.message ?? v.nodes[0]?.all[0]?.message ?? '';
      return `${where} ${url.pathname}${url.search}: ${v.id} (${v.impact}, ${v.nodes.length} elements) ${targets}: ${why}`;
    });
}

/**
 * The page as it is now on a desktop, then the same page narrowed to a phone (the layout follows
 * the viewport through CSS and resize observers), so each state is reached once for both.
 */
async function onDesktopAndPhone(page: Page, where: string): Promise<string[]> {
  await page.setViewportSize(DESKTOP);
  const found = await seriousViolations(page, `[${where} desktop]`);
  await page.setViewportSize(PHONE);
  found.push(...(await seriousViolations(page, `[${where} phone]`)));
  await page.setViewportSize(DESKTOP);
  return found;
}

/** Runs `visit` once per language on the same signed-in page (the language is a cookie). */
async function inEachLanguage(page: Page, baseURL: string, visit: (locale: AppLocale) => Promise<void>) {
  for (const locale of LOCALES) {
    await setLocaleCookie(page.context(), baseURL, locale);
    await visit(locale);
  }
}

for (const tour of TOURS) {
  test(`${tour.role}: every page`, async ({ page, baseURL }) => {
    // Up to fourteen pages, twice over, two axe runs each.
    test.setTimeout(tour.stops.length * 2 * 8_000 + 30_000);
    await signIn(page, tour.email);
    const found: string[] = [];
    await inEachLanguage(page, String(baseURL), async (locale) => {
      for (const stop of tour.stops) {
        await page.goto(stop.path);
        await expect(page.locator('#main')).toBeVisible();
        found.push(...(await onDesktopAndPhone(page, locale)));
      }
    });
    expect(found).toEqual([]);
  });
}

test('sign-in, and sign-in with a wrong password', async ({ page, baseURL }) => {
  const found: string[] = [];
  await inEachLanguage(page, String(baseURL), async (locale) => {
    await page.goto('/sign-in');
    await expect(page.locator('input[autocomplete="username"]')).toBeVisible();
    found.push(...(await onDesktopAndPhone(page, locale)));
    await page.locator('input[autocomplete="username"]').fill(DEMO_USERS.exec);
    await page.locator('input[autocomplete="current-password"]').fill('not-the-password');
    await page.locator('form button[type="submit"]').click();
    await expect(page.getByRole('alert').first()).toBeVisible();
    // The form is disabled while it is sent; check it as the reader sees it afterwards.
    await expect(page.locator('input[autocomplete="username"]')).toBeEnabled();
    found.push(...(await onDesktopAndPhone(page, `${locale} wrong password`)));
  });
  expect(found).toEqual([]);
});

test('dialogs, forms with errors, the conflict, the menu and the search list', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO_USERS.admin);
  const cityForm = `/programs/${CITIES_PROGRAM}/cities/4407/edit`;
  const found: string[] = [];
  await inEachLanguage(page, String(baseURL), async (locale) => {
    // A dialog, then the same dialog with errors.
    await page.goto('/admin/users');
    await page.getByTestId('user-create').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    found.push(...(await onDesktopAndPhone(page, `${locale} dialog`)));
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect(dialog.locator('.ant-form-item-explain-error').first()).toBeVisible();
    found.push(...(await onDesktopAndPhone(page, `${locale} dialog with errors`)));

    // Someone else saves the same status first (in a second tab): the conflict is shown.
    await page.goto(cityForm);
    const other = await page.context().newPage();
    await other.goto(cityForm);
    await other.locator('textarea').first().fill(`${locale}: saved elsewhere first`);
    await other.getByTestId('save-status').click();
    await expect(other.getByTestId('row-version')).not.toHaveText(await page.getByTestId('row-version').innerText());
    await other.close();
    await page.locator('textarea').first().fill(`${locale}: saved here second`);
    await page.getByTestId('save-status').click();
    await expect(page.getByTestId('conflict-alert')).toBeVisible();
    // The form is disabled while it is sent; check it as the reader sees it afterwards.
    await expect(page.locator('textarea').first()).toBeEnabled();
    found.push(...(await onDesktopAndPhone(page, `${locale} conflict`)));

    // The dashboard's search with its list open.
    await page.goto('/');
    await page.getByTestId('division-search').locator('input').fill('广州');
    await expect(page.getByTestId('search-hit-4401')).toBeVisible();
    found.push(...(await onDesktopAndPhone(page, `${locale} search list`)));

    // The phone's menu drawer.
    await page.setViewportSize(PHONE);
    await page.getByTestId('nav-menu-button').click();
    await expect(page.getByTestId('nav-drawer')).toBeVisible();
    found.push(...(await seriousViolations(page, `[${locale} phone] menu`)));
    await page.keyboard.press('Escape');
    await page.setViewportSize(DESKTOP);
  });
  expect(found).toEqual([]);
});

test('each chart says its figures in words, in both languages', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const asOf = '2021-10-02';
  const expected = expectedCoverage(CITIES_PROGRAM, asOf);
  await signIn(page, DEMO_USERS.pm);
  for (const locale of LOCALES) {
    await setLocaleCookie(page.context(), String(baseURL), locale);
    await page.goto(`/?program=${CITIES_PROGRAM}&asOf=${asOf}`);
    const live = locale === 'en' ? `${expected.live} of ${expected.denominator} cities live on ${asOf}` : `${asOf} 已上线 ${expected.live} / ${expected.denominator} 个城市`;
    // The national map (drawn on the server) is described by its text, linked to it.
    const map = page.getByTestId('province-map');
    const mapText = page.getByTestId('province-map-text');
    await expect(mapText).toContainText(locale === 'en' ? `${expected.live} of ${expected.denominator} cities live on ${asOf}` : `共上线 ${expected.live} / ${expected.denominator} 个城市`);
    expect(await map.getAttribute('aria-describedby')).toBe(await mapText.getAttribute('id'));
    // The burn-up: live of all, the target, and where the pace leads.
    const burnup = page.getByTestId('burnup-chart');
    await scrollChartIntoView(burnup);
    await expect(burnup).toHaveAttribute('data-state', 'ready');
    const burnupText = page.getByTestId('burnup-chart-text');
    await expect(burnupText).toContainText(live);
    await expect(burnupText).toContainText(locale === 'en' ? 'target 2022-03-31' : '目标日期 2022-03-31');
    await expect(burnupText).toContainText(locale === 'en' ? /at the last \d+ weeks' pace, complete on \d{4}-\d{2}-\d{2}/ : /按最近 \d+ 周的速度，预计 \d{4}-\d{2}-\d{2} 完成/);
    await expect(burnup).toHaveAccessibleDescription(await burnupText.innerText());
    // A province's cities: how many in each status.
    await page.goto(`/?program=${CITIES_PROGRAM}&asOf=${asOf}&province=44`);
    const cityMap = page.getByTestId('city-map');
    await expect(cityMap).toHaveAttribute('data-state', 'ready');
    const guangdong = expected.provinces['44']!;
    await expect(page.getByTestId('city-map-text')).toContainText(locale === 'en' ? `Guangdong on ${asOf}, ${guangdong.total} cities:` : `广东省 ${asOf}，共 ${guangdong.total} 个城市：`);
  }
});

test('with reduced motion, play shows the last week at once and charts draw without animation', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: String(baseURL), reducedMotion: 'reduce' });
  const page = await context.newPage();
  await signIn(page, DEMO_USERS.pm);
  await page.goto(`/?program=${CITIES_PROGRAM}&asOf=2021-10-02`);
  const last = (await page.locator('.timeline-range span').allInnerTexts())[1]!;
  await page.getByTestId('timeline-play').press('Enter');
  // No stepping week by week: the last week is there at once, and nothing is left playing.
  await expect(page.getByRole('slider')).toHaveAttribute('aria-valuetext', last);
  await expect(page.getByTestId('timeline-play')).toHaveAccessibleName('播放');
  const burnup = page.getByTestId('burnup-chart');
  await scrollChartIntoView(burnup);
  await expect(burnup).toHaveAttribute('data-state', 'ready');
  expect(await burnup.getAttribute('data-animation')).toBe('off');
  await context.close();
});

/** Content clipped by its own box: text that overflows an element that hides overflow. */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clipped: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('#main *'))) {
      const style = getComputedStyle(el);
      // Only the directions that hide: a table frame that scrolls sideways keeps all its content.
      const cutX = style.overflowX === 'hidden' && el.scrollWidth > el.clientWidth + 1;
      const cutY = style.overflowY === 'hidden' && el.scrollHeight > el.clientHeight + 1;
      if (!cutX && !cutY) continue;
      if (el.closest('.visually-hidden, [aria-hidden="true"], canvas, svg, .ant-select-selection-search, .ant-typography-ellipsis')) continue;
      // antd's own ellipsis (a title carries the full text) and one-line inputs are meant to clip.
      if (style.textOverflow === 'ellipsis' || el.matches('input, textarea')) continue;
      const text = (el.innerText || '').trim().slice(0, 60);
      if (text) clipped.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)}: ${text}`);
    }
    return clipped;
  });
}

/** WCAG 1.4.12's spacing: line height 1.5, paragraphs 2 em apart, letters 0.12 em, words 0.16 em. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

test('at 200 % zoom and with wider text spacing, nothing is cut off or needs sideways scrolling', async ({ page }) => {
  test.setTimeout(180_000);
  // 200 % zoom of a 1280 px window is a 640 px wide layout at twice the size.
  await page.setViewportSize({ width: 640, height: 450 });
  await signIn(page, DEMO_USERS.pm);
  const found: string[] = [];
  const pages = ['/', `/?program=${CITIES_PROGRAM}&asOf=2021-10-02&province=44`, '/institutions', '/cities/4403', '/summary/2021-W48', `/admin/programs/${CITIES_PROGRAM}`, `/programs/${CITIES_PROGRAM}/cities/4406/edit`];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator('#main')).toBeVisible();
    await page.waitForLoadState('networkidle');
    for (const spaced of [false, true]) {
      if (spaced) await page.addStyleTag({ content: TEXT_SPACING });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (wide > 0) found.push(`${path}${spaced ? ' (text spacing)' : ''}: ${wide} px sideways`);
      for (const c of await clippedText(page)) found.push(`${path}${spaced ? ' (text spacing)' : ''}: clipped ${c}`);
    }
  }
  expect(found).toEqual([]);
});
