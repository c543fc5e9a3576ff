import { expect, test } from '../support/fixtures';
import { E2E_PASSWORD } from '../support/settings';
import { DEMO_USERS, signIn, signInNewBrowser } from './support/sign-in';

/** The generic failure message (zh-CN, the browser tests' locale): same for every cause. */
const GENERIC = '邮箱或密码错误';

async function submitSignIn(page: import('@playwright/test').Page, email: string, password: string) {
  await page.locator('input[autocomplete="username"]').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
}

test('signed-out visitors are sent to sign-in and brought back afterwards; health stays public', async ({ page, request }) => {
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers$/);
  await submitSignIn(page, DEMO_USERS.admin, E2E_PASSWORD);
  await page.waitForURL('**/admin/users');
  await expect(page.getByTestId('users-table')).toContainText('icbc@hutong.test');

  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
});

test('a callbackUrl to another site is ignored', async ({ page }) => {
  await page.goto('/sign-in?callbackUrl=https%3A%2F%2Fevil.test%2F');
  await submitSignIn(page, DEMO_USERS.pm, E2E_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/');
  expect(new URL(page.url()).host).toMatch(/^localhost:/);
});

for (const [who, email, role, institution] of [
  ['admin', DEMO_USERS.admin, '系统管理员', null],
  ['program manager', DEMO_USERS.pm, '项目经理', null],
  ['executive', DEMO_USERS.exec, '管理层', null],
  ['partner', DEMO_USERS.icbc, '合作机构', '中国工商银行'],
] as const) {
  test(`the ${who} signs in and sees their name, role${institution ? ' and institution' : ''}`, async ({ page }) => {
    await signIn(page, email);
    await expect(page.getByTestId('user-menu-role')).toHaveText(role);
    if (institution) await expect(page.getByTestId('user-menu-institution')).toHaveText(institution);
    else await expect(page.getByTestId('user-menu-institution')).toHaveCount(0);
    await page.goto('/admin/users');
    if (who === 'admin') await expect(page.getByTestId('users-table')).toBeVisible();
    else {
      await expect(page.getByText('仅系统管理员可以管理用户')).toBeVisible();
      await expect(page.getByTestId('users-table')).toHaveCount(0);
    }
  });
}

test('the session cookie is HttpOnly and SameSite=Lax and holds no personal data', async ({ page, context }) => {
  await signIn(page, DEMO_USERS.admin);
  const session = (await context.cookies()).find((c) => c.name === 'hutong.session');
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
  expect(session!.expires - Date.now() / 1000).toBeLessThanOrEqual(8 * 3600 + 60);
  expect(session!.value).not.toContain('admin');
  expect(await page.evaluate(() => document.cookie)).not.toContain('hutong.session');
});

test('a wrong password and an unknown email get the same message', async ({ page }) => {
  await page.goto('/sign-in');
  await submitSignIn(page, DEMO_USERS.exec, 'not-the-password');
  await expect(page.getByTestId('sign-in-error')).toContainText(GENERIC);
  const wrongPassword = await page.getByTestId('sign-in-error').textContent();
  // The password field is cleared for the next try.
  await expect(page.locator('input[autocomplete="current-password"]')).toHaveValue('');

  await page.reload();
  await submitSignIn(page, 'nobody@hutong.test', 'not-the-password');
  await expect(page.getByTestId('sign-in-error')).toContainText(GENERIC);
  expect(await page.getByTestId('sign-in-error').textContent()).toBe(wrongPassword);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('repeated failures for one account are rate limited with a clear message', async ({ page }) => {
  await page.goto('/sign-in');
  // An address no one uses, so no demo account is locked for the other tests of this file.
  for (let i = 0; i < 5; i++) {
    await submitSignIn(page, 'rate-limit-probe@hutong.test', `wrong-password-${i}`);
    await expect(page.getByTestId('sign-in-error')).toContainText(GENERIC);
  }
  await submitSignIn(page, 'rate-limit-probe@hutong.test', 'wrong-password-5');
  await expect(page.getByTestId('sign-in-error')).toContainText('登录失败次数过多');
  await expect(page.getByTestId('sign-in-error')).toContainText('15 分钟');
});

test('after sign-out the old session cookie is refused', async ({ page, context, browser }) => {
  test.slow(); // two browsers, several full page loads
  await signIn(page, DEMO_USERS.cmb);
  const stolen = await context.cookies();

  // A second browser holding a copy of the cookie works before the sign-out...
  const other = await browser.newContext();
  await other.addCookies(stolen);
  const otherPage = await other.newPage();
  await otherPage.goto('/');
  await expect(otherPage.getByTestId('user-menu-name')).toBeVisible();

  await page.getByTestId('sign-out').click();
  await page.waitForURL('**/sign-in?signedOut=1');
  await expect(page.getByText('您已退出登录')).toBeVisible();

  // ...and is refused after it, as is the signed-out browser given its old cookie back.
  await otherPage.goto('/');
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await context.addCookies(stolen);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await other.close();
});

test('protected pages give nothing away without a session, whatever the headers', async ({ request }) => {
  const variants: Array<Record<string, string>> = [
    {},
    { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
    { RSC: '1' },
    { RSC: '1', 'Next-Router-Prefetch': '1' },
  ];
  for (const headers of variants) {
    for (const path of ['/?program=alipay-unionpay-offline&asOf=2021-10-02', '/admin/users', '/admin?_rsc=x1']) {
      const res = await request.get(path, { headers, maxRedirects: 0 });
      const body = await res.text();
      expect(body, `${path} ${JSON.stringify(headers)}`).not.toContain('kpi-live');
      expect(body).not.toContain('admin@hutong.test');
      expect(body).not.toContain('users-table');
    }
  }
});

test('an admin creates an account, and a disabled account cannot sign in', async ({ page, browser }) => {
  test.slow(); // two browsers, argon2 hashing on create and sign-in
  await signIn(page, DEMO_USERS.admin, '/admin/users');
  await page.getByTestId('user-create').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('邮箱').fill('new.exec@hutong.test');
  await dialog.getByLabel('姓名').fill('赵敏');
  await dialog.getByLabel('角色').click();
  await page.locator('.ant-select-item-option', { hasText: '管理层' }).click();
  await dialog.getByLabel('初始密码').fill('password');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toContainText('该密码过于常见');
  await dialog.getByLabel('初始密码').fill('New-Exec-Password-1');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  const row = page.locator('tr[data-email="new.exec@hutong.test"]');
  await expect(row).toContainText('赵敏');

  const secondPage = await signInNewBrowser(browser, 'new.exec@hutong.test', '/', 'New-Exec-Password-1');

  await row.getByRole('button', { name: /停\s*用/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
  await expect(row).toContainText('已停用');

  // The disabled user's open session ends at once, and signing in again fails with the generic message.
  await secondPage.reload();
  await expect(secondPage).toHaveURL(/\/sign-in/);
  await submitSignIn(secondPage, 'new.exec@hutong.test', 'New-Exec-Password-1');
  await expect(secondPage.getByTestId('sign-in-error')).toContainText(GENERIC);
  await secondPage.context().close();
});
