/**
 * Pages that update by themselves, with two people signed in at once: a partner changes its
 * status, and the manager's open institutions matrix shows it within two seconds, without a reload
 * and without losing the scroll position; the manager's bell count rises the same way. The
 * dashboard's figures and an institution's page follow a change too, while a view of a past date
 * keeps its figures and a half-filled form keeps what was typed; a city's page and the who-scans-whom
 * matrix follow the same way. An admin who follows a program from the dashboard hears of its setbacks.
 */
import type { Browser } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { statusRow } from './support/db';
import { liveCount } from './support/kpi';
import { DEMO_USERS, signInNewBrowser } from './support/sign-in';

const BANKS = 'alipay-bank-apps';

/** Pauses a live row through its edit page, as `email`. */
async function pauseRow(browser: Browser, email: string, code: string, entity: 'city' | 'institution' = 'institution', slug = BANKS): Promise<void> {
  const original = statusRow(entity, slug, code);
  expect(original.status).toBe('LIVE');
  const editor = await signInNewBrowser(browser, email, `/programs/${slug}/${entity === 'city' ? 'cities' : 'institutions'}/${code}/edit`);
  // Chosen again until the form shows it (a click before the page's scripts run is lost).
  await expect(async () => {
    await editor.getByTestId('status-select').click();
    await editor.locator('.ant-select-dropdown').getByText('已暂停', { exact: true }).click();
    await expect(editor.getByTestId('status-select')).toContainText('已暂停', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await editor.getByTestId('save-status').click();
  await expect(editor.getByTestId('row-version')).toContainText(String(original.version + 1));
}

test('a partner pauses its status; the manager\'s open matrix and bell follow without a reload', async ({ browser }) => {
  const original = statusRow('institution', BANKS, 'ICBC');
  expect(original.status).toBe('LIVE');

  const manager = await signInNewBrowser(browser, DEMO_USERS.pm, '/institutions');
  const row = manager.getByTestId('institution-matrix').locator('tr[data-institution="ICBC"]');
  await expect(row).toContainText('已上线');
  await expect(row).not.toContainText('已暂停');
  // Wheel over the page's heading: the mouse is otherwise wherever sign-in left it, possibly over
  // a table that scrolls inside its own frame.
  await manager.getByRole('heading', { level: 1 }).hover();
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


test('the dashboard and an institution page follow a change; a past date and a half-filled form stay as they were', async ({ browser }) => {
  const manager = await signInNewBrowser(browser, DEMO_USERS.pm, `/?program=${BANKS}`);
  await expect(manager.getByTestId('kpi-live')).toBeVisible();
  const liveNow = await liveCount(manager);
  const past = await manager.context().newPage();
  await past.goto(`/?program=${BANKS}&asOf=2021-10-02`);
  const livePast = await liveCount(past);
  const pastUnread = Number(await past.getByTestId('alert-bell').getAttribute('data-unread'));
  const institution = await manager.context().newPage();
  await institution.goto('/institutions/CCB');
  const card = institution.getByTestId(`program-card-${BANKS}`);
  await expect(card).toContainText('已上线');

  // A partner halfway through its own form when the change lands elsewhere.
  const partner = await signInNewBrowser(browser, DEMO_USERS.cmb, `/programs/${BANKS}/institutions/CMB/edit`);
  const note = partner.locator('textarea#note');
  // Typed again until the form holds it (typing before the page's scripts run is overwritten).
  await expect(async () => {
    await note.fill('半截备注，尚未保存');
    await expect(note).toHaveValue('半截备注，尚未保存', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  await pauseRow(browser, DEMO_USERS.admin, 'CCB');

  // Three of the manager's pages render again at once here, so more time than the two seconds
  // one page is held to (the first test, and live-instances.postgresql.spec.ts).
  await expect.poll(() => liveCount(manager), { timeout: 5_000, intervals: [100] }).toBe(liveNow - 1);
  await expect(card).toContainText('已暂停', { timeout: 5_000 });
  // The past view hears of it too (its bell rises with the manager's alert), and its figures do
  // not move.
  await expect.poll(async () => Number(await past.getByTestId('alert-bell').getAttribute('data-unread')), { timeout: 5_000 }).toBeGreaterThan(pastUnread);
  expect(await liveCount(past)).toBe(livePast);
  // Each refresh replaces the dashboard's parts, never adds a second copy beside them.
  for (const view of [manager, past]) {
    await expect(view.getByTestId('kpis')).toHaveCount(1);
    await expect(view.getByTestId('burnup-panel')).toHaveCount(1);
  }
  await expect(note).toHaveValue('半截备注，尚未保存');
});

test('an admin follows a program from the dashboard, and hears of its next setback', async ({ browser }) => {
  const admin = await signInNewBrowser(browser, DEMO_USERS.admin, `/?program=${BANKS}`);
  const follow = admin.getByTestId('follow-program');
  // antd spaces out a two-character Chinese label ("关 注").
  await expect(follow).toHaveText(/^关\s?注$/);
  await expect(follow).toHaveAttribute('data-following', 'false');
  const bell = admin.getByTestId('alert-bell');
  const unread = Number(await bell.getAttribute('data-unread'));
  await follow.click();
  await expect(admin.getByTestId('follow-status')).toHaveText('您已关注此计划的提醒。');
  await expect(follow).toHaveText('取消关注');
  await expect(follow).toHaveAttribute('data-following', 'true');

  await pauseRow(browser, DEMO_USERS.cmb, 'CMB');

  // The alert evaluation runs in the background; the bell counts it without a reload.
  await expect.poll(async () => Number(await bell.getAttribute('data-unread')), { timeout: 10_000 }).toBeGreaterThan(unread);
  await admin.goto(`/inbox?program=${BANKS}`);
  await expect(admin.getByTestId('inbox-entry').filter({ hasText: '招商银行 由已上线变为已暂停' })).toHaveCount(1);
  // Followed from now on: the dashboard says so after a reload too.
  await admin.goto(`/?program=${BANKS}`);
  await expect(admin.getByTestId('follow-program')).toHaveAttribute('data-following', 'true');
});

test('a city page follows a change of the city\'s status', async ({ browser }) => {
  const OFFLINE = 'alipay-unionpay-offline';
  const manager = await signInNewBrowser(browser, DEMO_USERS.pm, '/cities/4403');
  const card = manager.getByTestId(`program-card-${OFFLINE}`);
  await expect(card).toContainText('已上线');
  await expect(card).not.toContainText('已暂停');

  await pauseRow(browser, DEMO_USERS.admin, '4403', 'city', OFFLINE);

  // The two-second bar is held by the first test; here the page only has to follow.
  await expect(card).toContainText('已暂停', { timeout: 5_000 });
});

test('the who-scans-whom matrix follows a city\'s setback', async ({ browser }) => {
  const OFFLINE = 'alipay-unionpay-offline';
  const manager = await signInNewBrowser(browser, DEMO_USERS.pm, '/matrix');
  // QuickPass codes scanned by Alipay: the offline program's cell ("337 / 337 个城市（100%）").
  const figure = manager.locator(`[data-testid="matrix-cell"][data-payer="UNIONPAY_QUICKPASS"][data-acceptor="ALIPAY"]`).getByTestId('matrix-figure');
  const liveCities = async () => {
    const match = /^(\d+)\s*\/\s*(\d+)/.exec(((await figure.textContent()) ?? '').replace(/,/g, ''));
    if (!match) throw new Error('no city count in the matrix cell');
    return Number(match[1]);
  };
  await expect(figure).toBeVisible();
  const before = await liveCities();

  await pauseRow(browser, DEMO_USERS.admin, '4401', 'city', OFFLINE);

  // The two-second bar is held by the first test; here the page only has to follow.
  await expect.poll(liveCities, { timeout: 5_000, intervals: [100] }).toBe(before - 1);
});
