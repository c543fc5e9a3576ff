/**
 * Partner API v1 reads over HTTP, on SQLite and PostgreSQL (one project each): the numbers a bank
 * or the program office pulls, the error shape of every refusal, and every answer checked against
 * the OpenAPI document.
 */
import { DEMO, expect, test } from './support/api';
import { signIn } from '../e2e/support/sign-in';

const CITIES = 'alipay-unionpay-offline';
const BANKS = 'alipay-bank-apps';
const METRIC = 'alipay-online-quickpass';

interface Err {
  error: { code: string; message: string; details: unknown };
}

test('programs: every program with its target dates, no-store', async ({ api }) => {
  const res = await api.get<{ items: Array<{ slug: string; unit: string; targetDate: string; baselineTargetDate: string }> }>('/api/v1/programs');
  expect(res.status).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  const cities = res.body.items.find((p) => p.slug === CITIES);
  expect(cities).toMatchObject({ unit: 'CITY', baselineTargetDate: '2022-03-31' });
  expect(res.body.items.map((p) => p.slug)).toEqual(expect.arrayContaining([CITIES, BANKS, METRIC]));
});

test('coverage as of 2021-10-02: 49 of 337 cities, per province, with the projection', async ({ api }) => {
  const res = await api.get<{
    asOf: string;
    denominator: number;
    live: number;
    percent: number;
    counts: Record<string, number>;
    provinces: Array<{ code: string; total: number; live: number; percent: number | null }>;
    projection: { completionDate: string | null; health: string } | null;
  }>(`/api/v1/programs/${CITIES}/coverage?asOf=2021-10-02`);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ asOf: '2021-10-02', denominator: 337, live: 49, percent: 14.5 });
  expect(Object.values(res.body.counts).reduce((a, b) => a + b, 0)).toBe(337);
  expect(res.body.counts.LIVE).toBe(49);
  expect(res.body.provinces.reduce((a, p) => a + p.total, 0)).toBe(337);
  expect(res.body.provinces.reduce((a, p) => a + p.live, 0)).toBe(49);
  const guangdong = res.body.provinces.find((p) => p.code === '44')!;
  expect(guangdong.live).toBeGreaterThanOrEqual(2);
  expect(res.body.projection).toMatchObject({ health: 'OFF_TRACK' });

  const banks = await api.get<{ live: number; denominator: number; provinces: unknown[] }>(`/api/v1/programs/${BANKS}/coverage?asOf=2021-12-02`);
  expect(banks.body.live).toBe(28);
  expect(banks.body.provinces).toEqual([]);
});

test('coverage of a percentage program: the metric as of the date, no denominator', async ({ api }) => {
  const res = await api.get<{ denominator: number; percent: number | null; metric: { value: number | null; date: string | null; target: number | null } | null }>(
    `/api/v1/programs/${METRIC}/coverage?asOf=2021-10-02`,
  );
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ denominator: 0, percent: null, metric: { value: 85, target: 85 } });
});

test('coverage defaults to today in Shanghai', async ({ api }) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const res = await api.get<{ asOf: string }>(`/api/v1/programs/${CITIES}/coverage`);
  expect(res.status).toBe(200);
  expect(res.body.asOf).toBe(today);
});

test('cities filtered by province and status', async ({ api }) => {
  const res = await api.get<{ items: Array<{ code: string; provinceCode: string; status: string; version: number; lastConfirmedAt: string | null }> }>(
    `/api/v1/programs/${CITIES}/cities?province=44&status=LIVE`,
  );
  expect(res.status).toBe(200);
  expect(res.body.items.length).toBeGreaterThan(10);
  for (const item of res.body.items) {
    expect(item.provinceCode).toBe('44');
    expect(item.status).toBe('LIVE');
    expect(item.code.startsWith('44')).toBe(true);
  }
  expect(res.body.items.map((i) => i.code)).toContain('4403');
  const none = await api.get<{ items: unknown[] }>(`/api/v1/programs/${CITIES}/cities?province=44&status=NOT_STARTED`);
  expect(none.body.items).toEqual([]);
});

test('institutions with type; one institution; a partner token reads them too', async ({ api, tokens }) => {
  const res = await api.get<{ items: Array<{ code: string; type: string }> }>(`/api/v1/programs/${BANKS}/institutions`, { token: tokens.icbc });
  expect(res.status).toBe(200);
  expect(res.body.items.find((i) => i.code === 'MIPAY')?.type).toBe('DEVICE_WALLET');
  const one = await api.get<{ code: string; name: string }>(`/api/v1/programs/${BANKS}/institutions/ICBC`);
  expect(one.body).toMatchObject({ code: 'ICBC', name: '中国工商银行' });
});

test('programs state their direction: paying side, accepting side and mode', async ({ api }) => {
  const res = await api.get<{ items: Array<{ slug: string; mode: string | null; payers: string[]; acceptors: string[] }> }>('/api/v1/programs');
  const bySlug = new Map(res.body.items.map((p) => [p.slug, p]));
  expect(bySlug.get(CITIES)).toMatchObject({ mode: 'CONSUMER_SCANS', payers: ['UNIONPAY_QUICKPASS'], acceptors: ['ALIPAY'] });
  expect(bySlug.get(BANKS)).toMatchObject({ mode: 'CONSUMER_SCANS', payers: ['BANK_APPS'], acceptors: ['ALIPAY'] });
  expect(bySlug.get(METRIC)).toMatchObject({ mode: 'ONLINE_CHECKOUT', payers: ['UNIONPAY_QUICKPASS'], acceptors: ['ALIPAY'] });
});

interface MatrixProgram {
  slug: string;
  live: number | null;
  denominator: number | null;
  percent: number | null;
  completedOn: string | null;
}
interface MatrixBody {
  rows: Array<{ payer: string; cells: Array<{ acceptor: string; programs: MatrixProgram[] }>; institutions: Array<{ code: string }> }>;
}
const cellOf = (m: MatrixBody, payer: string, acceptor: string) =>
  m.rows.find((r) => r.payer === payer)?.cells.find((c) => c.acceptor === acceptor)?.programs ?? [];

test('matrix on 2021-10-02: QuickPass partly on Alipay, complete on WeChat Pay, nothing between the wallets; a partner reads it too', async ({ api, tokens }) => {
  const res = await api.get<MatrixBody>('/api/v1/matrix?asOf=2021-10-02&mode=CONSUMER_SCANS', { token: tokens.icbc });
  expect(res.status).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(cellOf(res.body, 'UNIONPAY_QUICKPASS', 'ALIPAY')).toMatchObject([{ slug: CITIES, live: 49, denominator: 337, percent: 14.5 }]);
  expect(cellOf(res.body, 'UNIONPAY_QUICKPASS', 'WECHAT_PAY')).toMatchObject([{ live: 31, denominator: 31, completedOn: '2021-09-30' }]);
  expect(cellOf(res.body, 'ALIPAY', 'WECHAT_PAY')).toEqual([]);
  expect(cellOf(res.body, 'WECHAT_PAY', 'ALIPAY')).toEqual([]);
  expect(res.body.rows.find((r) => r.payer === 'BANK_APPS')?.institutions).toHaveLength(28);
  const online = await api.get<MatrixBody>('/api/v1/matrix?asOf=2021-10-02&mode=ONLINE_CHECKOUT');
  expect(cellOf(online.body, 'UNIONPAY_QUICKPASS', 'ALIPAY')).toMatchObject([{ slug: METRIC, percent: 85, denominator: null }]);
});

test('portfolio: every program, riskiest first, the same figures as each program\'s coverage', async ({ api }) => {
  const res = await api.get<{ asOf: string; items: Array<{ slug: string; live: number | null; denominator: number | null; health: string | null }> }>(
    '/api/v1/portfolio?asOf=2026-12-14',
  );
  expect(res.status).toBe(200);
  expect(res.body.items).toHaveLength(5);
  expect(res.body.items[0]).toMatchObject({ slug: 'quickpass-payment-code-reverse', health: 'AT_RISK' });
  for (const item of res.body.items.filter((i) => i.denominator !== null)) {
    const coverage = await api.get<{ live: number; denominator: number }>(`/api/v1/programs/${item.slug}/coverage?asOf=2026-12-14`);
    expect([item.live, item.denominator]).toEqual([coverage.body.live, coverage.body.denominator]);
  }
});

test('history: oldest first, paged with limit and nextCursor, within from/to', async ({ api }) => {
  const first = await api.get<{ items: Array<{ id: string; changedAt: string; source: string; actorKind: string }>; nextCursor: string | null }>(
    `/api/v1/programs/${BANKS}/history?from=2021-01-01&to=2021-12-31&limit=10`,
  );
  expect(first.status).toBe(200);
  expect(first.body.items).toHaveLength(10);
  expect(first.body.nextCursor).toEqual(expect.any(String));
  const second = await api.get<{ items: Array<{ id: string; changedAt: string }>; nextCursor: string | null }>(
    `/api/v1/programs/${BANKS}/history?from=2021-01-01&to=2021-12-31&limit=10&cursor=${first.body.nextCursor}`,
  );
  const all = [...first.body.items, ...second.body.items];
  expect(new Set(all.map((i) => i.id)).size).toBe(20);
  const times = all.map((i) => Date.parse(i.changedAt));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
  for (const item of all) {
    expect(item.changedAt).toMatch(/\+08:00$/);
    expect(item.changedAt >= '2021-01-01' && item.changedAt < '2022-01-01').toBe(true);
  }
  // Walking every page gives every change of the year once (28 institutions went live by 2021-12-02).
  let cursor: string | null = null;
  const ids: string[] = [];
  do {
    const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await api.get(
      `/api/v1/programs/${BANKS}/history?from=2021-01-01&to=2021-12-31&limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
    );
    ids.push(...page.body.items.map((i) => i.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.slice(0, 20)).toEqual(all.map((i) => i.id));
});

test.describe('refusals have one error shape, never a stack or SQL', () => {
  const cases: Array<[string, string, number, string]> = [
    ['an unknown program', `/api/v1/programs/no-such-program/coverage`, 404, 'NOT_FOUND'],
    ['an unknown city', `/api/v1/programs/${CITIES}/cities/9999`, 404, 'NOT_FOUND'],
    ['an unknown institution', `/api/v1/programs/${BANKS}/institutions/NOPE`, 404, 'NOT_FOUND'],
    ['an impossible date', `/api/v1/programs/${CITIES}/coverage?asOf=2021-02-30`, 422, 'VALIDATION'],
    ['an unknown parameter', `/api/v1/programs/${CITIES}/cities?colour=red`, 422, 'VALIDATION'],
    ['an unknown status', `/api/v1/programs/${CITIES}/cities?status=DONE`, 422, 'VALIDATION'],
    ['a repeated parameter', `/api/v1/programs/${CITIES}/cities?province=44&province=45`, 422, 'VALIDATION'],
    ['a history page too large', `/api/v1/programs/${CITIES}/history?limit=1001`, 422, 'VALIDATION'],
    ['a forged cursor', `/api/v1/programs/${CITIES}/history?cursor=bm9wZQ`, 422, 'VALIDATION'],
    ['a malformed slug', `/api/v1/programs/BAD%20SLUG/coverage`, 422, 'VALIDATION'],
    ['an unknown matrix mode', `/api/v1/matrix?mode=SIDEWAYS`, 422, 'VALIDATION'],
    ['an impossible matrix date', `/api/v1/matrix?asOf=2021-13-01`, 422, 'VALIDATION'],
    ['an unknown portfolio parameter', `/api/v1/portfolio?sort=name`, 422, 'VALIDATION'],
    ['an impossible portfolio date', `/api/v1/portfolio?asOf=yesterday`, 422, 'VALIDATION'],
  ];
  for (const [label, url, status, code] of cases) {
    test(`${label}: ${status} ${code}`, async ({ api }) => {
      const res = await api.get<Err>(url);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toEqual(expect.any(String));
      expect(res.headers['cache-control']).toBe('no-store');
      if (status === 422) {
        // One shape for every validation failure: the fields at fault, each with a stable code and a sentence.
        const details = res.body.error.details as Array<{ path: string; code: string; message: string }>;
        expect(details.length).toBeGreaterThan(0);
        for (const issue of details) expect(issue).toEqual({ path: expect.any(String), code: expect.stringMatching(/^[a-z][A-Za-z0-9]*$/), message: expect.any(String) });
      }
    });
  }

  test('a 422 names the parameter at fault, in the language the caller asks for', async ({ api }) => {
    const url = `/api/v1/programs/${CITIES}/cities?province=44&province=45`;
    const en = await api.get<Err>(url);
    expect(en.body.error.details).toEqual([{ path: 'province', code: 'repeatedParameter', message: 'This parameter may be given only once.' }]);
    const zh = await api.get<Err>(url, { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });
    expect(zh.body.error.details).toEqual([{ path: 'province', code: 'repeatedParameter', message: '此参数只能出现一次。' }]);
  });
});

test.describe('authentication', () => {
  test('no credentials, a bad scheme, a malformed or unknown token: 401', async ({ api }) => {
    const variants: Array<Record<string, string>> = [{}, { Authorization: 'Basic YWRtaW46cGFzcw==' }, { Authorization: 'Bearer' }, { Authorization: 'Bearer hut_not-a-real-token' }, { Authorization: `Bearer hut_${'A'.repeat(43)}` }];
    for (const headers of variants) {
      const res = await api.get<Err>('/api/v1/programs', { token: null, headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
      expect(res.body).not.toHaveProperty('items');
    }
  });

  test('a revoked token is refused at once; so is a token of a disabled user', async ({ api, databaseUrl }) => {
    const { cli, createToken } = await import('./support/api');
    const email = `api-revoke-${Date.now()}@hutong.test`;
    await cli(databaseUrl, ['user', 'create', '--email', email, '--role', 'EXECUTIVE', '--password', 'Revoke-Test-Pass-2021']);
    const token = await createToken(databaseUrl, email);
    expect((await api.get('/api/v1/programs', { token })).status).toBe(200);
    expect(await cli(databaseUrl, ['token', 'revoke', '--email', email])).toContain('revoked 1 token');
    const refused = await api.get<Err>('/api/v1/programs', { token });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('UNAUTHENTICATED');

    const second = await createToken(databaseUrl, email);
    expect((await api.get('/api/v1/programs', { token: second })).status).toBe(200);
    await cli(databaseUrl, ['user', 'disable', '--email', email]);
    expect((await api.get('/api/v1/programs', { token: second })).status).toBe(401);
  });

  test('rate limit per token: 429 with Retry-After, other tokens unaffected', async ({ api, databaseUrl, tokens }) => {
    const { createToken } = await import('./support/api');
    const token = await createToken(databaseUrl, DEMO.exec, 'rate limit test');
    let limited: { status: number; headers: Record<string, string>; body: Err } | null = null;
    for (let i = 0; i < 300 && !limited; i++) {
      const res = await api.get<Err>('/api/v1/programs', { token });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited, 'no 429 within 300 requests').not.toBeNull();
    expect(limited!.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited!.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await api.get('/api/v1/programs', { token: tokens.exec })).status).toBe(200);
  });

  test('a signed-in browser session reads, but cannot write', async ({ page, openapi }) => {
    await signIn(page, DEMO.pm);
    const read = await page.request.get('/api/v1/programs');
    expect(read.status()).toBe(200);
    openapi.check('GET', read.url(), 200, await read.json());
    const write = await page.request.patch(`/api/v1/programs/${CITIES}/cities/6502`, { data: { version: 1, note: 'from a cookie' } });
    expect(write.status()).toBe(401);
    expect(((await write.json()) as Err).error.code).toBe('UNAUTHENTICATED');
  });
});
