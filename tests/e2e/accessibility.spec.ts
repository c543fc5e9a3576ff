/**
 * axe-core over every page: each kind of user's pages, in Chinese and English, on a desktop and
 * a 390 px phone, and the states people reach on them (the open phone menu, an open dialog, a form
 * with errors). Any serious or critical violation of WCAG 2.x A/AA fails the test, with the rule,
 * the page and the first elements it found.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import type { AppLocale } from '../../lib/i18n/config';
import { DESKTOP, PHONE, TOURS, setLocaleCookie } from './page-tour';
import { DEMO_USERS, signIn } from './support/sign-in';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BLOCKING = new Set(['serious', 'critical']);

/** The serious and critical violations on the page as it is now, one line per rule. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const path = new URL(page.url()).pathname + new URL(page.url()).search;
  return results.violations
    .filter((v) => v.impact && BLOCKING.has(v.impact))
    .map((v) => {
      const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
      const why = v.nodes[0]?.any[0]?.message ?? '';
      return `${path}: ${v.id} (${v.impact}, ${v.nodes.length} elements) ${targets}: ${why}`;
    });
}

async function startIn(page: Page, baseURL: string, locale: AppLocale): Promise<void> {
  await setLocaleCookie(page.context(), baseURL, locale);
}

const LOCALES: readonly AppLocale[] = ['zh-CN', 'en'];
const VIEWPORTS = [
  { name: 'desktop', size: DESKTOP },
  { name: 'phone', size: PHONE },
] as const;

for (const locale of LOCALES) {
  for (const viewport of VIEWPORTS) {
    test.describe(`${locale}, ${viewport.name}`, () => {
      test.use({ viewport: viewport.size });

      for (const tour of TOURS) {
        test(`${tour.role}: every page`, async ({ page, baseURL }) => {
          // One axe run per page, up to fourteen pages: more than the default minute on a busy machine.
          test.setTimeout(240_000);
          await startIn(page, String(baseURL), locale);
          await signIn(page, tour.email);
          const found: string[] = [];
          for (const stop of tour.stops) {
            await page.goto(stop.path);
            await expect(page.locator('#main')).toBeVisible();
            found.push(...(await seriousViolations(page)));
          }
          expect(found).toEqual([]);
        });
      }

      test('sign-in, and sign-in with a wrong password', async ({ page, baseURL }) => {
        await startIn(page, String(baseURL), locale);
        await page.goto('/sign-in');
        await expect(page.locator('input[autocomplete="username"]')).toBeVisible();
        const found = await seriousViolations(page);
        await page.locator('input[autocomplete="username"]').fill(DEMO_USERS.pm);
        await page.locator('input[autocomplete="current-password"]').fill('not-the-password');
        await page.locator('form button[type="submit"]').click();
        await expect(page.getByRole('alert').first()).toBeVisible();
        // The form is disabled while it is sent; check it as the reader sees it afterwards.
        await expect(page.locator('input[autocomplete="username"]')).toBeEnabled();
        found.push(...(await seriousViolations(page)));
        expect(found).toEqual([]);
      });

      test('an open dialog, and the same dialog with errors', async ({ page, baseURL }) => {
        await startIn(page, String(baseURL), locale);
        await signIn(page, DEMO_USERS.admin, '/admin/users');
        await page.getByTestId('user-create').click();
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible();
        const found = await seriousViolations(page);
        await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
        await expect(dialog.locator('.ant-form-item-explain-error').first()).toBeVisible();
        found.push(...(await seriousViolations(page)));
        expect(found).toEqual([]);
      });

      if (viewport.name === 'phone') {
        test('the open navigation menu', async ({ page, baseURL }) => {
          await startIn(page, String(baseURL), locale);
          await signIn(page, DEMO_USERS.pm);
          await page.getByTestId('nav-menu-button').click();
          await expect(page.getByTestId('nav-drawer')).toBeVisible();
          expect(await seriousViolations(page)).toEqual([]);
        });
      }
    });
  }
}
