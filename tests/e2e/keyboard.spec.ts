/**
 * Every journey with the keyboard alone, in Chinese and in English: no click, no tap, no focus()
 * from the test. Each step reaches its control with Tab (so it is in the tab order), shows a
 * visible focus ring, and works with Enter, Space, arrows, Home/End or Escape.
 *
 * Writes: each language saves the status of its own city (4409, 4412) once by the form and once
 * by an import; nothing else reads those rows.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { E2E_PASSWORD } from '../support/settings';
import type { AppLocale } from '../../lib/i18n/config';
import en from '../../messages/en.json';
import zhCN from '../../messages/zh-CN.json';
import { CITIES_PROGRAM, PHONE, setLocaleCookie } from './page-tour';
import { statusRow } from './support/db';
import { DEMO_USERS } from './support/sign-in';

const MESSAGES = { 'zh-CN': zhCN, en } as const;
const CITY_OF: Record<AppLocale, string> = { 'zh-CN': '4409', en: '4412' };

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it is not reached in `max` presses. */
async function tabTo(page: Page, target: Locator, { max = 120, back = false } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) {
      await expectVisibleFocus(page);
      return;
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}: ${String(target)}`);
}

/** The focused element (or the control around it) draws a ring: an outline or a box shadow. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null;
    for (let depth = 0; el && depth < 4; depth += 1, el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return true;
      if (style.boxShadow !== 'none') return true;
    }
    return `${document.activeElement?.tagName} ${document.activeElement?.className}`;
  });
  expect(ring, 'focused element has no visible focus ring').toBe(true);
}

async function signInByKeyboard(page: Page, baseURL: string, locale: AppLocale, email: string, to: string): Promise<void> {
  await setLocaleCookie(page.context(), baseURL, locale);
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(to)}`);
  await page.locator('input[autocomplete="username"]').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill(E2E_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === new URL(to, baseURL).pathname, { timeout: 30_000 });
  await expect(page.getByTestId('user-menu-name')).toBeVisible();
}

/**
 * Focus is inside `container`, or on nothing at all: antd's focus lock lets Tab from the last
 * control leave the document (to the browser's own toolbar) and brings it back to the first
 * control on the next press. What it never does is land on the page behind.
 */
async function expectFocusKept(container: Locator): Promise<'inside' | 'nowhere'> {
  const where = await container.evaluate((el) => {
    const active = document.activeElement;
    if (el.contains(active)) return 'inside' as const;
    return !active || active === document.body ? ('nowhere' as const) : `${active.tagName} ${active.textContent?.slice(0, 30)}`;
  });
  expect(where === 'inside' || where === 'nowhere', `focus left for the page behind: ${where}`).toBe(true);
  return where as 'inside' | 'nowhere';
}

/** Tabs `presses` times round `container`: focus stays with it and comes round to its start again. */
async function expectTrapped(page: Page, container: Locator, presses: number): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press('Tab');
    if ((await expectFocusKept(container)) === 'inside') seen.push(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ''));
  }
  // Round the whole container at least once: some control had focus twice.
  expect(new Set(seen).size).toBeLessThan(seen.length);
  for (let i = 0; i < 3; i += 1) {
    await page.keyboard.press('Shift+Tab');
    await expectFocusKept(container);
  }
}

for (const locale of ['zh-CN', 'en'] as const) {
  const m = MESSAGES[locale];

  test.describe(locale, () => {
    test('program manager: skip link, drill-down, timeline, layers, search, a form and an import', async ({ page, baseURL }) => {
      test.setTimeout(240_000);
      const dashboard = `/?program=${CITIES_PROGRAM}&asOf=2021-10-02`;
      await signInByKeyboard(page, String(baseURL), locale, DEMO_USERS.pm, dashboard);

      // The skip link is the first stop and moves focus past the header.
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: m.nav.skipToContent });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await expectVisibleFocus(page);
      await page.keyboard.press('Enter');
      await expect(page.locator('#main')).toBeFocused();

      // The timeline: arrows step a week, Home and End jump to the ends.
      const slider = page.getByRole('slider', { name: m.dashboard.timeline.slider });
      const date = page.getByTestId('timeline-date');
      await tabTo(page, slider);
      await page.keyboard.press('ArrowRight');
      await expect(page).toHaveURL(/asOf=2021-10-0[3-9]|asOf=2021-10-1/);
      const [first, last] = await page.locator('.timeline-range span').allInnerTexts();
      await page.keyboard.press('Home');
      await expect(slider).toHaveAttribute('aria-valuetext', first!);
      await expect(date).toContainText(first!);
      await page.keyboard.press('End');
      await expect(slider).toHaveAttribute('aria-valuetext', last!);
      // Space on the play button plays from the start and pauses; the live region says where it is.
      const play = page.getByTestId('timeline-play');
      await tabTo(page, play, { back: true });
      await expect(play).toHaveAccessibleName(m.dashboard.timeline.play);
      await page.keyboard.press('Space');
      await expect(play).toHaveAccessibleName(m.dashboard.timeline.pause);
      await expect(slider).not.toHaveAttribute('aria-valuetext', last!);
      await expect(page.getByTestId('timeline-announcement')).toHaveText(/\d{4}-\d{2}-\d{2}/, { timeout: 10_000 });
      await page.keyboard.press('Space');
      await expect(play).toHaveAccessibleName(m.dashboard.timeline.play);

      // Back to the dashboard's date; the layer switch works with Enter.
      await page.goto(dashboard);
      const citiesLayer = page.getByTestId('map-layer-cities');
      await tabTo(page, citiesLayer);
      await page.keyboard.press('Enter');
      await expect(citiesLayer).toHaveAttribute('aria-pressed', 'true');
      await expect(page).toHaveURL(/layer=cities/);
      await page.keyboard.press('Shift+Tab');
      await expect(page.getByTestId('map-layer-provinces')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).not.toHaveURL(/layer=cities/);

      // Search: type, arrow down to the hit, Enter opens the province with the city marked.
      const search = page.getByRole('combobox', { name: m.dashboard.search.label });
      await tabTo(page, search);
      await page.keyboard.type('shenzhen');
      await expect(page.getByTestId('search-hit-4403')).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/province=44.*city=4403|city=4403.*province=44/);
      await expect(page.getByTestId('city-table').locator('tr[data-city="4403"]')).toHaveClass(/row-highlight/);

      // Drill nation -> province -> city: the province table's rows are links, Enter follows them.
      await page.goto(dashboard);
      const guangdong = page.getByTestId('drill-44');
      await tabTo(page, guangdong);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/province=44/);
      const guangzhou = page.getByTestId('city-table').locator('tr[data-city="4401"] a').first();
      await tabTo(page, guangzhou);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/cities\/4401$/);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

      // A status form: a note, then a save.
      const city = CITY_OF[locale];
      await page.goto(`/programs/${CITIES_PROGRAM}/cities/${city}/edit`);
      const version = statusRow('city', CITIES_PROGRAM, city).version;
      const save = page.getByTestId('save-status');
      const note = page.getByLabel(m.statusForm.fields.note);
      await tabTo(page, note);
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(`${locale}: saved by keyboard`);
      await tabTo(page, save);
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('row-version')).toContainText(String(version + 1));

      // An import: the upload area is reached with Tab; the file is then given to it as the
      // browser's file chooser would (headless Chromium opens no chooser from a key press), and
      // the preview is read and committed from the keyboard.
      const row = statusRow('city', CITIES_PROGRAM, city);
      const csv = [
        'program,entity,code,status,plannedDate,liveDate,evidenceUrl,note,version',
        [CITIES_PROGRAM, 'city', city, row.status, row.plannedDate ?? '', row.liveDate ?? '', row.evidenceUrl ?? '', `${locale}: imported by keyboard`, row.version].join(','),
      ].join('\n');
      await page.goto('/admin/import');
      const upload = page.locator('[role="button"]', { has: page.getByTestId('import-upload') });
      await tabTo(page, upload);
      await page.getByTestId('import-upload').setInputFiles({ name: 'keyboard.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      const commit = page.getByTestId('import-commit');
      await expect(commit).toBeEnabled();
      await expect(page.getByTestId('import-results')).toContainText(city);
      await tabTo(page, commit);
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('import-committed')).toBeVisible();
      expect(statusRow('city', CITIES_PROGRAM, city).note).toBe(`${locale}: imported by keyboard`);
    });

    test('admin: a dialog keeps focus and gives it back, the admin table, the phone menu', async ({ page, baseURL }) => {
      test.setTimeout(180_000);
      await signInByKeyboard(page, String(baseURL), locale, DEMO_USERS.admin, '/admin/users');

      // The dialog takes focus, keeps it while tabbing round, and gives it back on Escape.
      const create = page.getByTestId('user-create');
      await tabTo(page, create);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel(m.users.form.email)).toBeFocused();
      await expectTrapped(page, dialog, 12);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(create).toBeFocused();

      // The admin table: each row's actions are buttons in the tab order.
      const execRow = page.getByTestId('users-table').locator(`tr[data-email="${DEMO_USERS.exec}"]`);
      const changeRole = execRow.getByRole('button', { name: m.users.actions.changeRole });
      await tabTo(page, changeRole);
      await page.keyboard.press('Enter');
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText(DEMO_USERS.exec);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(changeRole).toBeFocused();

      // On a phone the menu drawer opens from the keyboard, keeps focus and gives it back.
      await page.setViewportSize(PHONE);
      await page.goto('/');
      const menu = page.getByTestId('nav-menu-button');
      await tabTo(page, menu);
      await page.keyboard.press('Enter');
      const drawer = page.getByTestId('nav-drawer');
      await expect(drawer.getByRole('link', { name: m.nav.dashboard })).toBeFocused();
      const drawerPanel = page.locator('.app-nav-drawer-root');
      await expectTrapped(page, drawerPanel, 12);
      await page.keyboard.press('Escape');
      await expect(drawer).toBeHidden();
      await expect(menu).toBeFocused();
    });
  });
}
