/**
 * Pages that update by themselves, with two people signed in at once: a partner changes its
 * status, and the manager's open institutions matrix shows it within two seconds, without a reload
 * and without losing the scroll position; the manager's bell count rises the same way.
 */
import { expect, test } from '../support/fixtures';
import { statusRow } from './support/db';
import { DEMO_USERS, signInNewBrowser } from './support/sign-in';

const BANKS = 'alipay-bank-apps';

test('a partner pauses its status; the manager\'s open matrix and bell follow without a reload', async ({ browser }) => {
  const original = statusRow('institution', BANKS, 'ICBC');
  expect(original.status).toBe('LIVE');

  const manager = await signInNewBrowser(browser, DEMO_USERS.pm, '/institutions');
  const row = manager.getByTestId('institution-matrix').locator('tr[data-institution="ICBC"]');
  await expect(row).toContainText('已上线');
  await expect(row).not.toContainText('已暂停');
  await manager.mouse.wheel(0, 400);
  await expect.poll(() => manager.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const scrolled = await manager.evaluate(() => window.scrollY);
  const bell = manager.getByTestId('alert-bell');
  const unread = Number(await bell.getAttribute('data-unread'));
  // A mark on the page's window: a reload would lose it.
  await manager.evaluate(() => Object.assign(window, { liveMark: 'still here' }));

  const partner = await signInNewBrowser(browser, DEMO_USERS.icbc, `/programs/${BANKS}/institutions/ICBC/edit`);
  await partner.getByTestId('status-select').click();
  await partner.locator('.ant-select-dropdown').getByText('已暂停', { exact: true }).click();
  await partner.getByTestId('save-status').click();
  await expect(partner.getByTestId('row-version')).toContainText(String(original.version + 1));

  await expect(row).toContainText('已暂停', { timeout: 2_000 });
  await expect.poll(async () => Number(await bell.getAttribute('data-unread')), { timeout: 5_000 }).toBeGreaterThan(unread);
  expect(await manager.evaluate(() => (window as unknown as { liveMark?: string }).liveMark)).toBe('still here');
  expect(await manager.evaluate(() => window.scrollY)).toBe(scrolled);
});
