/**
 * Two app instances on one PostgreSQL database, as in a deployment behind a load balancer: a
 * partner saves a change on instance B, and the manager's dashboard, open on instance A, shows it
 * within two seconds without a reload. Instance A learns of B's commit only through PostgreSQL
 * (LISTEN/NOTIFY, lib/events/listen.ts).
 */
import { expect, test } from '../support/fixtures';
import { statusRow } from './support/db';
import { liveCount } from './support/kpi';
import { DEMO_USERS, signIn, signInNewBrowser } from './support/sign-in';

const BANKS = 'alipay-bank-apps';

test('a partner\'s change on one instance reaches the manager\'s dashboard on the other within two seconds', async ({ browser, baseURL, secondInstance }) => {
  expect(secondInstance.baseURL).not.toBe(baseURL);
  const original = statusRow('institution', BANKS, 'ICBC');
  expect(original.status).toBe('LIVE');

  const manager = await signInNewBrowser(browser, DEMO_USERS.pm, `/?program=${BANKS}`);
  await expect(manager.getByTestId('kpi-live')).toBeVisible();
  const before = await liveCount(manager);
  // A mark on the page's window: a reload would lose it.
  await manager.evaluate(() => Object.assign(window, { liveMark: 'still here' }));

  const partner = await (await browser.newContext({ baseURL: secondInstance.baseURL })).newPage();
  await signIn(partner, DEMO_USERS.icbc, `/programs/${BANKS}/institutions/ICBC/edit`);
  expect(new URL(partner.url()).origin).toBe(secondInstance.baseURL);
  // Chosen again until the form shows it (a click before the page's scripts run is lost).
  await expect(async () => {
    await partner.getByTestId('status-select').click();
    await partner.locator('.ant-select-dropdown').getByText('已暂停', { exact: true }).click();
    await expect(partner.getByTestId('status-select')).toContainText('已暂停', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await partner.getByTestId('save-status').click();
  await expect(partner.getByTestId('row-version')).toContainText(String(original.version + 1));

  await expect.poll(() => liveCount(manager), { timeout: 2_000, intervals: [100] }).toBe(before - 1);
  expect(await manager.evaluate(() => (window as unknown as { liveMark?: string }).liveMark)).toBe('still here');
});
