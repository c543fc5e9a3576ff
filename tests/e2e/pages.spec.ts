/**
 * City and institution pages, and the institutions matrix: what a program manager and an executive
 * see, and what a visitor without a session does not.
 */
import { expect, test } from '../support/fixtures';
import { DEMO_USERS, signIn } from './support/sign-in';
import { watchPage } from './support/watch-page';

test.describe('signed in', () => {
  // A browser far from Beijing: times must still read in Beijing time, as the server formats them.
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('program manager: Shenzhen, every program it is in, and its full history with sources', async ({ page }) => {
    const problems = watchPage(page);
    await signIn(page, DEMO_USERS.pm, '/cities/4403');

    await expect(page.getByRole('heading', { level: 1 })).toContainText('深圳市');
    await expect(page.getByRole('navigation', { name: '当前位置' })).toContainText('总览');
    await expect(page.getByRole('navigation', { name: '当前位置' })).toContainText('广东省');
    await expect(page.getByTestId('city-code')).toContainText('4403');

    // Shenzhen is in the all-cities programs, not in the provincial-capitals one.
    await expect(page.getByTestId('program-card-alipay-unionpay-offline')).toContainText('已上线');
    await expect(page.getByTestId('program-card-quickpass-payment-code-reverse')).toBeVisible();
    await expect(page.getByTestId('program-card-wechat-unionpay-offline')).toHaveCount(0);
    // Confirmed in 2021, but every city of that rollout is live: not flagged as unconfirmed
    // (the rule of lib/institutions/staleness.ts, the same as the institutions matrix).
    await expect(page.getByTestId('program-card-alipay-unionpay-offline').getByTestId('stale-tag')).toHaveCount(0);

    const history = page.getByTestId('history-table');
    const alipayRows = history.locator('tr[data-program="alipay-unionpay-offline"]');
    // Newest first; the seeded chain is the oldest part (other tests may have added edits since).
    await expect(alipayRows.first()).toBeVisible();
    const statuses = await alipayRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-to-status')));
    expect(statuses.slice(-3)).toEqual(['LIVE', 'IN_PROGRESS', 'PLANNED']);
    // The go-live, seeded from the Alipay statement, at 10:00 Beijing time, by no person.
    const live = alipayRows.filter({ hasText: 'Alipay statement, 2021-10-02' });
    await expect(live).toHaveCount(1);
    await expect(live).toHaveAttribute('data-to-status', 'LIVE');
    await expect(live).toContainText('10:00');
    await expect(live).toContainText('系统 / 初始数据');
    // No javascript: or other non-http link anywhere on the page.
    await expect(page.locator('a[href^="javascript:"], a[href^="data:"]')).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('executive: the institutions matrix, filtered by type in the URL, down to Mi Pay', async ({ page, context }) => {
    const problems = watchPage(page);
    await signIn(page, DEMO_USERS.exec, '/institutions');

    const rows = page.getByTestId('institution-matrix').locator('tr[data-institution]');
    await expect(rows).toHaveCount(28);
    // Twenty of the 28 are illustrative, and say so.
    await expect(page.getByTestId('illustrative-marker')).toHaveCount(20);
    // Every institution has been live since 2021-12-02: a finished rollout's live rows are not
    // flagged as unconfirmed, however long ago they were confirmed (lib/institutions/staleness.ts).
    await expect(page.getByTestId('stale-marker')).toHaveCount(0);

    await page.getByTestId('type-filter').getByText('设备钱包（2）').click();
    await expect(page).toHaveURL(/\/institutions\?type=DEVICE_WALLET$/);
    await expect(rows).toHaveCount(2);

    // The filtered view is a link: a fresh tab shows the same two rows.
    const shared = await context.newPage();
    await shared.goto(page.url());
    await expect(shared.getByTestId('institution-matrix').locator('tr[data-institution]')).toHaveCount(2);
    await shared.close();

    await page.getByRole('link', { name: '小米支付' }).click();
    await expect(page).toHaveURL(/\/institutions\/MIPAY$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('小米支付');
    const miPay = page.getByTestId('history-table').locator('tr[data-program]');
    await expect(miPay.first()).toBeVisible();
    const miPayStatuses = await miPay.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-to-status')));
    expect(miPayStatuses.slice(-3)).toEqual(['LIVE', 'IN_PROGRESS', 'PLANNED']);
    const goLive = miPay.filter({ hasText: 'Alipay statement, 2021-12-02' });
    await expect(goLive).toHaveAttribute('data-to-status', 'LIVE');
    await expect(goLive).toContainText('2021/12/02 10:00');
    expect(problems).toEqual([]);
  });

  test('unknown codes show "not found" pages, not an error', async ({ page }) => {
    await signIn(page, DEMO_USERS.pm, '/cities/9999');
    await expect(page.getByText('城市不存在')).toBeVisible();
    await page.goto('/cities/not-a-code');
    await expect(page.getByText('城市不存在')).toBeVisible();
    await page.goto('/institutions/NOPE');
    await expect(page.getByText('机构不存在')).toBeVisible();
  });

  test('the search API answers a signed-in viewer, without caching', async ({ page }) => {
    await signIn(page, DEMO_USERS.pm);
    const res = await page.request.get('/api/search?q=sz');
    expect(res.status()).toBe(200);
    expect(res.headers()['cache-control']).toBe('no-store');
    const { items } = (await res.json()) as { items: Array<{ code: string }> };
    expect(items.map((i) => i.code)).toContain('4403');
  });
});

test('without a session: pages send to sign-in and leak nothing, even with bypass headers', async ({ page, request }) => {
  await page.goto('/cities/4403');
  await expect(page).toHaveURL(/\/sign-in/);

  const bypasses: Array<Record<string, string>> = [
    {},
    { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
    { RSC: '1' },
    { 'Next-Router-Prefetch': '1', RSC: '1' },
  ];
  for (const headers of bypasses) {
    for (const path of ['/cities/4403', '/institutions', '/institutions/MIPAY', '/cities/4403?_rsc=abc']) {
      const res = await request.get(path, { headers, maxRedirects: 0 });
      const body = await res.text();
      expect(body, `${path} ${JSON.stringify(headers)}`).not.toContain('Alipay statement');
      expect(body, `${path} ${JSON.stringify(headers)}`).not.toContain('institution-matrix');
    }
  }
  const api = await request.get('/api/search?q=4403');
  expect(api.status()).toBe(401);
  expect(await api.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
});
