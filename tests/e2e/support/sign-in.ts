/**
 * Signs in through the real sign-in form, as a seeded demo user (password: E2E_PASSWORD from
 * tests/support/settings.ts). Use at the start of every test that opens a page behind sign-in:
 *
 *   await signIn(page, 'pm@hutong.test');              // lands on the dashboard (asked for: /)
 *   await signIn(page, 'icbc@hutong.test', '/admin');  // lands on /admin
 *   const pm = await signInNewBrowser(browser, 'pm@hutong.test');  // a second person, in turn
 */
import type { Browser, Page } from '@playwright/test';
import { expect } from '../../support/fixtures';
import { E2E_PASSWORD } from '../../support/settings';
import { DEMO_EMAILS } from '../../helpers/demo-viewers';

/** The demo users seeded for the browser tests, one per role (two partners). */
export const DEMO_USERS = DEMO_EMAILS;

export async function signIn(page: Page, email: string, to = '/', password = E2E_PASSWORD): Promise<void> {
  // Always with the page to land on: without one, managers and executives land on the portfolio.
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(to)}`);
  await page.locator('input[autocomplete="username"]').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  const target = new URL(to, 'http://placeholder');
  await page.waitForURL((url) => url.pathname === target.pathname, { timeout: 30_000 });
  await expect(page.getByTestId('user-menu-name')).toBeVisible();
}

/** A fresh browser context signed in as `email`, for tests where two people act in turn. */
export async function signInNewBrowser(browser: Browser, email: string, to = '/', password = E2E_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, to, password);
  return page;
}
