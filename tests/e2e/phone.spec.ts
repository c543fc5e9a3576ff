/**
 * Hutong on a phone (390 x 844, and the narrower 360 x 740): no page scrolls sideways, the
 * section links are one tap away in the menu drawer, and a partner can report a status by the
 * form, and an executive reads last week's summary and downloads its PDF.
 *
 * The status round trip touches CMB's row of the bank-apps program and leaves it as it found it
 * (live, verified by a manager).
 */
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { BANKS_PROGRAM, PHONE, SMALL_PHONE, TOURS } from './page-tour';
import { lastFinishedWeek } from '../../lib/summary/iso-week';
import { DEMO_USERS, signIn } from './support/sign-in';
import { SCREENSHOT, screenshotPath } from './support/screenshot';

/**
 * The first screen a phone shows of some stops of the first tour, for docs/screenshots (what the
 * reader sees before scrolling, not the whole page).
 */
const PHONE_SHOTS: Readonly<Record<string, string>> = {
  dashboard: 'phone-dashboard.png',
  institutions: 'phone-institutions.png',
  'summary of a week': 'phone-summary.png',
};

/** How far the document reaches past the viewport's right edge, in CSS pixels (0 when it fits). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function expectFitsViewport(page: Page, label: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect(await sidewaysOverflow(page), `${label} scrolls sideways`).toBeLessThanOrEqual(0);
}

test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

for (const tour of TOURS) {
  const photographed = tour === TOURS[0];
  test(`${tour.role}: every page fits a 390 px phone`, photographed ? SCREENSHOT : {}, async ({ page }) => {
    await signIn(page, tour.email);
    for (const stop of tour.stops) {
      await page.goto(stop.path);
      await expect(page.locator('#main')).toBeVisible();
      await expectFitsViewport(page, stop.name);
      const shot = photographed ? PHONE_SHOTS[stop.name] : undefined;
      if (shot) await page.screenshot({ path: screenshotPath(shot) });
    }
    // Signing out stays within reach on the phone header.
    await expect(page.getByTestId('sign-out')).toBeInViewport();
  });
}

test.describe('360 px', () => {
  test.use({ viewport: SMALL_PHONE });

  test('program manager: the widest pages fit a 360 px phone too', async ({ page }) => {
    await signIn(page, DEMO_USERS.pm);
    for (const stop of TOURS[0]?.stops ?? []) {
      await page.goto(stop.path);
      await expectFitsViewport(page, stop.name);
    }
    await expect(page.getByTestId('sign-out')).toBeInViewport();
  });
});

test('the sign-in page fits a phone', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.locator('input[autocomplete="username"]')).toBeVisible();
  await expectFitsViewport(page, 'sign-in');
});

test('the menu button opens the navigation, Escape closes it, a link navigates', SCREENSHOT, async ({ page }) => {
  await signIn(page, DEMO_USERS.exec);
  const button = page.getByTestId('nav-menu-button');
  const drawer = page.getByTestId('nav-drawer');
  // The bar of links is hidden on a phone: the drawer is the way to the other sections.
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  await button.click();
  await expect(drawer).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  // Focus moves into the menu, onto its first link.
  await expect(drawer.getByRole('link', { name: '总览' })).toBeFocused();
  await page.screenshot({ path: screenshotPath('phone-menu.png') });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(button).toBeFocused();

  await button.click();
  await drawer.getByRole('link', { name: '机构' }).click();
  await expect(page).toHaveURL(/\/institutions$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(drawer).toBeHidden();
  await button.click();
  await expect(drawer.getByRole('link', { name: '机构' })).toHaveAttribute('aria-current', 'page');
});

async function phoneSession(browser: Browser, baseURL: string, email: string, to: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: PHONE, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await signIn(page, email, to);
  return page;
}

async function chooseStatus(page: Page, label: string): Promise<void> {
  await page.getByTestId('status-select').click();
  await page.locator('.ant-select-dropdown').getByText(label, { exact: true }).click();
  await expect(page.getByTestId('status-select')).toContainText(label);
}

test('a partner reports a status by the form on a phone, and a manager puts it back', SCREENSHOT, async ({ browser, baseURL }) => {
  const editPage = `/programs/${BANKS_PROGRAM}/institutions/CMB/edit`;
  const partner = await phoneSession(browser, String(baseURL), DEMO_USERS.cmb, editPage);
  await expectFitsViewport(partner, 'status form');
  const version = Number((await partner.getByTestId('row-version').innerText()).match(/\d+/)?.[0]);
  const note = await partner.getByLabel('备注').inputValue();

  await chooseStatus(partner, '已暂停');
  await partner.getByLabel('备注').fill('E2E：手机上报，暂停扫码');
  await partner.getByTestId('save-status').tap();
  await expect(partner.getByTestId('row-version')).toContainText(String(version + 1));
  await expect(partner.getByTestId('unverified')).toBeVisible();
  await expectFitsViewport(partner, 'status form after saving');
  await partner.screenshot({ path: screenshotPath('phone-status-form.png') });

  const manager = await phoneSession(browser, String(baseURL), DEMO_USERS.pm, editPage);
  await chooseStatus(manager, '已上线');
  await manager.getByLabel('备注').fill(note);
  await manager.getByTestId('save-status').tap();
  await expect(manager.getByTestId('row-version')).toContainText(String(version + 2));
  // Putting the status back does not vouch for the partner's report: verifying is its own step.
  await expect(manager.getByTestId('unverified')).toBeVisible();
  await manager.getByTestId('verify-button').tap();
  await manager.locator('.ant-popconfirm .ant-btn-primary').tap();
  await expect(manager.getByTestId('row-version')).toContainText(String(version + 3));
  await expect(manager.getByTestId('unverified')).toHaveCount(0);
  await expectFitsViewport(manager, 'status form after verifying');
});

test('an executive lands on last week’s summary from the menu and downloads its PDF', async ({ page }, testInfo) => {
  const latest = lastFinishedWeek(new Date());
  await signIn(page, DEMO_USERS.exec);
  await page.getByTestId('nav-menu-button').tap();
  await page.getByTestId('nav-drawer').getByRole('link', { name: '汇总' }).tap();
  await expect(page).toHaveURL(/\/summary$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`互通周报 · ${latest.id}`);
  await expectFitsViewport(page, 'latest summary');
  await expect(page.getByTestId('summary-archive')).toBeInViewport();

  const link = page.getByTestId('summary-pdf');
  await expect(link).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), link.tap()]);
  expect(download.suggestedFilename()).toBe(`hutong-summary-${latest.id}.pdf`);
  const file = testInfo.outputPath(`summary-${latest.id}.pdf`);
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain(`互通周报 · ${latest.id}`);
  expect(text).toContain('各项目概览');
});
