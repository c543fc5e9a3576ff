/**
 * Safe updates, in the browser: a partner reports its own status and a manager verifies it; an
 * executive has no edit controls and a replayed manager's Server Action is refused and audited;
 * an import with bad rows shows each row's error and writes nothing.
 */
import type { Page, Request } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { auditCount, statusRow } from './support/db';
import { DEMO_USERS, signInNewBrowser } from './support/sign-in';

const BANKS = 'alipay-bank-apps';
const CITIES = 'alipay-unionpay-offline';
/** A Guangdong city. */
const CITY = '4406';

async function chooseStatus(page: Page, label: string): Promise<void> {
  await page.getByTestId('status-select').click();
  await page.locator('.ant-select-dropdown').getByText(label, { exact: true }).click();
  await expect(page.getByTestId('status-select')).toContainText(label);
}

function matrixRow(page: Page, code: string) {
  return page.getByTestId('institution-matrix').locator(`tr[data-institution="${code}"]`);
}

test('a partner reports its own status, the dashboards mark it unverified, a manager verifies it', async ({ browser }) => {
  const original = statusRow('institution', BANKS, 'ICBC');
  expect(original.status).toBe('LIVE');

  // The partner: an edit link on its own institution only.
  const partner = await signInNewBrowser(browser, DEMO_USERS.icbc, '/institutions/CMB');
  await expect(partner.getByTestId(`program-card-${BANKS}`)).toBeVisible();
  await expect(partner.getByTestId('edit-status-link')).toHaveCount(0);
  await partner.goto('/institutions/ICBC');
  await partner.getByTestId(`program-card-${BANKS}`).getByTestId('edit-status-link').click();
  await expect(partner).toHaveURL(new RegExp(`/programs/${BANKS}/institutions/ICBC/edit$`));
  await expect(partner.getByTestId('row-version')).toContainText(String(original.version));

  await chooseStatus(partner, '已暂停');
  await partner.getByLabel('备注').fill('E2E：系统维护，暂停扫码');
  await partner.getByTestId('save-status').click();
  await expect(partner.getByTestId('row-version')).toContainText(String(original.version + 1));
  await expect(partner.getByTestId('unverified')).toBeVisible();
  // No verify button for the partner: its report waits for a manager.
  await expect(partner.getByTestId('verify-button')).toHaveCount(0);
  expect(statusRow('institution', BANKS, 'ICBC')).toMatchObject({ status: 'PAUSED', verified: false, version: original.version + 1 });

  // The dashboards show the report as reported, not verified.
  await partner.goto('/institutions');
  await expect(matrixRow(partner, 'ICBC')).toContainText('已暂停');
  await expect(matrixRow(partner, 'ICBC')).toContainText('待核实');
  await partner.goto('/institutions/ICBC');
  await expect(partner.getByTestId(`program-card-${BANKS}`).getByTestId('unverified-alert')).toBeVisible();

  // The manager sees the same, verifies it, and the mark goes away everywhere.
  const manager = await signInNewBrowser(browser, DEMO_USERS.pm, '/institutions');
  await expect(matrixRow(manager, 'ICBC')).toContainText('待核实');
  await manager.goto(`/programs/${BANKS}/institutions/ICBC/edit`);
  await manager.getByTestId('verify-button').click();
  await manager.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect(manager.getByTestId('row-version')).toContainText(String(original.version + 2));
  await expect(manager.getByTestId('unverified')).toHaveCount(0);
  expect(statusRow('institution', BANKS, 'ICBC')).toMatchObject({ status: 'PAUSED', verified: true, version: original.version + 2 });

  await manager.goto('/institutions');
  await expect(matrixRow(manager, 'ICBC')).toContainText('已暂停');
  await expect(matrixRow(manager, 'ICBC')).not.toContainText('待核实');
  await partner.goto('/institutions/ICBC');
  await expect(partner.getByTestId(`program-card-${BANKS}`).getByTestId('unverified-alert')).toHaveCount(0);
});

test("an executive has no edit controls, and a manager's replayed Server Action is refused, audited and changes nothing", async ({ browser }) => {
  const editPage = `/programs/${CITIES}/cities/${CITY}/edit`;

  // What a manager sees, so that the executive's "nothing" below means something.
  const manager = await signInNewBrowser(browser, DEMO_USERS.pm, `/cities/${CITY}`);
  await expect(manager.getByTestId(`program-card-${CITIES}`).getByTestId('edit-status-link')).toBeVisible();
  await expect(manager.getByTestId(`program-card-${CITIES}`).getByTestId('bulk-edit-link')).toBeVisible();
  await manager.goto(`/programs/${CITIES}/provinces/44/edit`);
  await expect(manager.getByTestId('bulk-apply')).toBeVisible();
  await manager.goto(`/admin/programs/${CITIES}`);
  await expect(manager.getByTestId('annotation-add')).toBeVisible();
  await manager.goto('/admin/import');
  // The upload's file input (hidden behind antd's drop zone) carries the test id.
  await expect(manager.getByTestId('import-upload')).toBeAttached();

  // The manager saves a note; the request is captured on its way and never reaches the server.
  await manager.goto(editPage);
  let captured: Request | null = null;
  await manager.route(`**${editPage}`, async (route) => {
    if (route.request().method() === 'POST' && route.request().headers()['next-action']) {
      captured = route.request();
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await manager.getByLabel('备注').fill('E2E：由管理层重放');
  await manager.getByTestId('save-status').click();
  await expect.poll(() => captured !== null).toBe(true);
  const action = captured as unknown as Request;

  const executive = await signInNewBrowser(browser, DEMO_USERS.exec, `/cities/${CITY}`);
  await expect(executive.getByTestId(`program-card-${CITIES}`)).toBeVisible();
  await expect(executive.getByTestId('edit-status-link')).toHaveCount(0);
  await expect(executive.getByTestId('bulk-edit-link')).toHaveCount(0);
  await executive.goto('/institutions/ICBC');
  await expect(executive.getByTestId(`program-card-${BANKS}`)).toBeVisible();
  await expect(executive.getByTestId('edit-status-link')).toHaveCount(0);
  await executive.goto(editPage);
  await expect(executive.getByText('您可以查看这条记录，但没有编辑权限。')).toBeVisible();
  await expect(executive.getByTestId('save-status')).toHaveCount(0);
  await expect(executive.getByTestId('confirm-status')).toHaveCount(0);
  await expect(executive.getByTestId('verify-button')).toHaveCount(0);
  await executive.goto(`/programs/${CITIES}/provinces/44/edit`);
  await expect(executive.getByTestId('bulk-apply')).toHaveCount(0);
  await executive.goto(`/admin/programs/${CITIES}`);
  await expect(executive.getByTestId('annotation-add')).toHaveCount(0);
  await expect(executive.getByTestId('program-details-form')).toHaveCount(0);
  await executive.goto('/admin/import');
  await expect(executive.getByTestId('import-upload')).toHaveCount(0);

  // The replay: the manager's exact POST, with the executive's session cookie instead.
  const before = statusRow('city', CITIES, CITY);
  const deniedBefore = auditCount(DEMO_USERS.exec, 'cityStatus.update', 'DENIED', `${CITIES}/${CITY}`);
  const headers = Object.fromEntries(
    Object.entries(await action.allHeaders()).filter(([name]) => !['cookie', 'content-length', 'host'].includes(name.toLowerCase())),
  );
  const replay = await executive.request.post(action.url(), { headers, data: action.postDataBuffer() ?? '' });
  expect(replay.status()).toBe(200);
  const body = await replay.text();
  expect(body).toContain('"code":"FORBIDDEN"');
  expect(body).not.toContain('E2E：由管理层重放');

  expect(statusRow('city', CITIES, CITY)).toEqual(before);
  expect(auditCount(DEMO_USERS.exec, 'cityStatus.update', 'DENIED', `${CITIES}/${CITY}`)).toBe(deniedBefore + 1);
  await executive.goto(editPage);
  await expect(executive.getByTestId('row-version')).toContainText(String(before.version));

  // The admin finds the attempt in the audit trail.
  const admin = await signInNewBrowser(browser, DEMO_USERS.admin, '/admin/audit?actor=exec%40hutong.test&action=cityStatus.update&outcome=DENIED');
  const entries = admin.getByTestId('audit-table').locator('tbody tr[data-row-key]');
  await expect(entries.first()).toContainText('cityStatus.update');
  await expect(entries.first()).toContainText(DEMO_USERS.exec);
});

test('an import with bad rows shows each error in the preview and writes nothing', async ({ browser }) => {
  const good = statusRow('city', CITIES, CITY);
  const row = (code: string, status: string, liveDate: string, version: number) =>
    [CITIES, 'city', code, status, '', liveDate, '', 'E2E 导入', String(version)].join(',');
  const csv = [
    'program,entity,code,status,plannedDate,liveDate,evidenceUrl,note,version',
    // A valid change: on its own it would be written.
    [CITIES, 'city', CITY, good.status, good.plannedDate ?? '', good.liveDate ?? '', good.evidenceUrl ?? '', 'E2E 导入：有效行', String(good.version)].join(','),
    row('9999', 'LIVE', '2021-10-02', 1),
    row('4407', 'DONE', '', statusRow('city', CITIES, '4407').version),
    row('4408', 'LIVE', '2099-01-01', statusRow('city', CITIES, '4408').version),
  ].join('\n');
  const untouched = ['4407', '4408'].map((code) => statusRow('city', CITIES, code));

  const manager = await signInNewBrowser(browser, DEMO_USERS.pm, '/admin/import');
  await manager.locator('input[type="file"]').setInputFiles({ name: 'bad-rows.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await expect(manager.getByTestId('import-stats')).toContainText('共 4 行：1 行将更新，0 行无变化，3 行有错误。');
  const results = manager.getByTestId('import-results');
  await expect(results.locator('tbody tr[data-row-key]')).toHaveCount(3);
  await expect(results.locator('tbody tr').filter({ hasText: '9999' })).toContainText('该项目中没有这个代码。');
  await expect(results.locator('tbody tr').filter({ hasText: '4407' })).toContainText('请选择有效的状态。');
  await expect(results.locator('tbody tr').filter({ hasText: '4408' })).toContainText('实际上线日期不能晚于今天（北京时间）。');
  await expect(manager.getByText('请先修正所有错误行，再重新上传。')).toBeVisible();
  await expect(manager.getByTestId('import-commit')).toBeDisabled();

  // A partner's file touching another institution: that row is refused, so nothing is written.
  const icbc = statusRow('institution', BANKS, 'ICBC');
  const partner = await signInNewBrowser(browser, DEMO_USERS.icbc, '/admin/import');
  const partnerCsv = [
    'program,entity,code,status,plannedDate,liveDate,evidenceUrl,note,version',
    [BANKS, 'institution', 'ICBC', icbc.status, icbc.plannedDate ?? '', icbc.liveDate ?? '', icbc.evidenceUrl ?? '', 'E2E 导入：本机构', String(icbc.version)].join(','),
    [BANKS, 'institution', 'CMB', 'PAUSED', '', '2021-10-01', '', 'E2E 导入：他行', '1'].join(','),
  ].join('\n');
  await partner.locator('input[type="file"]').setInputFiles({ name: 'other-bank.csv', mimeType: 'text/csv', buffer: Buffer.from(partnerCsv, 'utf8') });
  await expect(partner.getByTestId('import-stats')).toContainText('1 行有错误');
  await expect(partner.getByTestId('import-results').locator('tbody tr').filter({ hasText: 'CMB' })).toContainText('您无权修改这一行');
  await expect(partner.getByTestId('import-commit')).toBeDisabled();

  expect(statusRow('city', CITIES, CITY)).toEqual(good);
  expect(['4407', '4408'].map((code) => statusRow('city', CITIES, code))).toEqual(untouched);
  expect(statusRow('institution', BANKS, 'ICBC')).toEqual(icbc);
});

test('two people edit one annotation: the later save shows the other change, and reapplying keeps both', async ({ browser }) => {
  const programPage = '/admin/programs/wechat-unionpay-offline';
  const zh = 'E2E 冲突测试';
  const manager = await signInNewBrowser(browser, DEMO_USERS.pm, programPage);
  const modal = (page: Page) => page.locator('.ant-modal').filter({ has: page.locator('form') });
  const save = (page: Page) => modal(page).locator('.ant-modal-footer .ant-btn-primary').click();
  const row = (page: Page) => page.getByTestId('annotations-table').locator('tbody tr[data-row-key]').filter({ hasText: zh });

  // The manager adds an annotation of its own (deleted at the end).
  await manager.getByTestId('annotation-add').click();
  await modal(manager).getByLabel('日期').fill('2021-10-15');
  await modal(manager).getByLabel('日期').press('Enter');
  await modal(manager).getByLabel('中文标题').fill(zh);
  await modal(manager).getByLabel('英文标题').fill('E2E conflict test');
  await save(manager);
  await expect(row(manager)).toHaveCount(1);

  // The admin changes the English title from another browser.
  const admin = await signInNewBrowser(browser, DEMO_USERS.admin, programPage);
  await row(admin).getByRole('button', { name: /编辑/ }).click();
  await modal(admin).getByLabel('英文标题').fill('E2E conflict: theirs');
  await save(admin);
  await expect(modal(admin)).toHaveCount(0);

  // The manager, on the page as it loaded before, changes the Chinese title: refused, with the admin's change shown.
  await row(manager).getByRole('button', { name: /编辑/ }).click();
  await modal(manager).getByLabel('中文标题').fill(`${zh}（我的）`);
  await save(manager);
  const conflict = manager.getByTestId('version-conflict');
  await expect(conflict).toContainText('现为版本 2');
  await expect(conflict).toContainText('E2E conflict: theirs');
  await expect(conflict).toContainText(`${zh}（我的）`);
  await conflict.getByTestId('version-conflict-reapply').click();
  await expect(modal(manager)).toHaveCount(0);
  await expect(row(manager)).toContainText(`${zh}（我的）`);
  // Both changes are in: the manager's title, and the admin's English title it did not touch.
  await row(manager).getByRole('button', { name: /编辑/ }).click();
  await expect(modal(manager).getByLabel('英文标题')).toHaveValue('E2E conflict: theirs');
  await modal(manager).locator('.ant-modal-footer .ant-btn').first().click();
  await expect(modal(manager)).toHaveCount(0);

  await row(manager).getByRole('button', { name: /删除/ }).click();
  await manager.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect(row(manager)).toHaveCount(0);
});
