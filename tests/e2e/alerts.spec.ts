/**
 * Alerts in the browser: a partner pauses its institution, and the manager's bell counts the
 * setback, the inbox lists it (filtered by kind too) with a link to the institution, and marking
 * read brings the count down. Another bank's partner never sees it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { statusRow } from './support/db';
import { DEMO_USERS, signInNewBrowser } from './support/sign-in';

const BANKS = 'alipay-bank-apps';

async function unreadOf(page: Page): Promise<number> {
  return Number(await page.getByTestId('alert-bell').getAttribute('data-unread'));
}

test('a partner pauses its status; the manager hears of it in the inbox, with a working link', async ({ browser }) => {
  const original = statusRow('institution', BANKS, 'ICBC');
  expect(original.status).toBe('LIVE');

  const manager = await signInNewBrowser(browser, DEMO_USERS.pm, '/inbox');
  await expect(manager.getByRole('heading', { name: '收件箱' })).toBeVisible();
  const before = await unreadOf(manager);

  const partner = await signInNewBrowser(browser, DEMO_USERS.icbc, `/programs/${BANKS}/institutions/ICBC/edit`);
  await partner.getByTestId('status-select').click();
  await partner.locator('.ant-select-dropdown').getByText('已暂停', { exact: true }).click();
  await partner.getByTestId('save-status').click();
  await expect(partner.getByTestId('row-version')).toContainText(String(original.version + 1));

  // Evaluated in the background every two seconds; the page shows it on the next load.
  await expect
    .poll(async () => {
      await manager.reload();
      return unreadOf(manager);
    }, { timeout: 20_000 })
    .toBeGreaterThan(before);
  const entry = manager.getByTestId('inbox-entry').filter({ hasText: '中国工商银行 由已上线变为已暂停' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toHaveAttribute('data-unread', 'true');

  // Filtered by kind, it is still there, and the URL says so.
  await manager.getByTestId('inbox-kind-filter').click();
  await manager.locator('.ant-select-dropdown').getByText('进度倒退', { exact: true }).click();
  await expect(manager).toHaveURL(/kind=REGRESSION/);
  await expect(manager.getByTestId('inbox-entry').filter({ hasText: '中国工商银行 由已上线变为已暂停' })).toHaveCount(1);
  await expect(manager.getByTestId('inbox-entry').filter({ hasNotText: '由' })).toHaveCount(0);

  // Mark read: the entry stays, unread no more, and the bell counts one less.
  const unread = await unreadOf(manager);
  await entry.getByTestId('inbox-mark-read').click();
  await expect(entry).toHaveAttribute('data-unread', 'false');
  await expect.poll(() => unreadOf(manager)).toBe(unread - 1);

  // The link opens the institution.
  await entry.getByTestId('inbox-open').click();
  await expect(manager).toHaveURL(/\/institutions\/ICBC$/);

  // Another bank's partner hears nothing of it; ICBC's own partner is not told of its own change.
  const other = await signInNewBrowser(browser, DEMO_USERS.cmb, '/inbox');
  await expect(other.getByRole('heading', { name: '收件箱' })).toBeVisible();
  await expect(other.getByTestId('inbox-entry').filter({ hasText: '中国工商银行' })).toHaveCount(0);
  await partner.goto('/inbox');
  await expect(partner.getByTestId('inbox-entry').filter({ hasText: '由已上线变为已暂停' })).toHaveCount(0);

  // Mark all read: the bell shows none.
  await manager.goto('/inbox');
  await manager.getByTestId('inbox-mark-all').click();
  await expect.poll(async () => {
    await manager.reload();
    return unreadOf(manager);
  }).toBe(0);
});
