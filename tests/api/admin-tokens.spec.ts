/**
 * The admin's side of tokens, in the browser: create one on /admin/tokens (shown once), use it,
 * see its last use, revoke it and see it refused at once. Partners see no tokens page.
 */
import { signIn } from '../e2e/support/sign-in';
import { DEMO, expect, test } from './support/api';

test('an admin creates a token on the page, it works, its last use shows, and revoking it locks it out', async ({ page, request }) => {
  await signIn(page, DEMO.admin, '/admin');
  await expect(page.getByTestId('admin-section-tokens')).toBeVisible();
  await expect(page.getByTestId('admin-section-apiDocs')).toBeVisible();
  await page.getByTestId('admin-section-tokens').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('API 令牌');

  const name = `页面令牌 ${Date.now()}`;
  const form = page.getByTestId('token-create-form');
  await form.getByLabel('用户').click();
  await page.locator('.ant-select-item-option', { hasText: DEMO.cmb }).click();
  await form.getByLabel('名称').fill(name);
  await form.getByRole('button', { name: '创建令牌' }).click();
  const shown = page.getByTestId('token-value');
  await expect(shown).toContainText('hut_');
  const token = (await shown.innerText()).trim();
  expect(token).toMatch(/^hut_[A-Za-z0-9_-]{43}$/);

  const row = page.getByTestId('tokens-table').locator('tr', { hasText: name });
  await expect(row).toContainText(token.slice(0, 8));
  await expect(row).toContainText('从未');
  const read = await request.get('/api/v1/programs/alipay-bank-apps/institutions/CMB', { headers: { Authorization: `Bearer ${token}` } });
  expect(read.status()).toBe(200);

  await page.reload();
  await expect(row.getByTestId('token-last-used')).not.toHaveText('从未');
  // Shown once: after a reload the page holds only the prefix.
  await expect(page.getByText(token)).toHaveCount(0);

  await row.getByRole('button', { name: /吊\s*销/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(row).toContainText('已于');
  const refused = await request.get('/api/v1/programs', { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
});

test('a partner has no tokens page', async ({ page }) => {
  await signIn(page, DEMO.icbc, '/admin/tokens');
  await expect(page.getByText('只有管理员可以管理 API 令牌。')).toBeVisible();
  await expect(page.getByTestId('tokens-table')).toHaveCount(0);
});
