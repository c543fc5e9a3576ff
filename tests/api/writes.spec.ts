/**
 * Partner API v1 writes over HTTP, on SQLite and PostgreSQL: version-checked PATCHes through the
 * forms' own mutations, the history they leave, partner scoping, conflicts and idempotent retries.
 *
 * Writes go to Karamay (6502, Xinjiang) and, through a partner account made for this file, to the
 * Bank of Hangzhou.
 */
import { DEMO, cli, createToken, expect, test } from './support/api';

const CITIES = 'alipay-unionpay-offline';
const BANKS = 'alipay-bank-apps';
const CITY = '6502';
const OWN_BANK = 'HZB';

interface Item {
  code: string;
  status: string;
  liveDate: string | null;
  note: string | null;
  version: number;
  verified: boolean;
  lastConfirmedAt: string | null;
}
interface Err {
  error: { code: string; message: string; details: { current?: Item } | Array<{ path: string; code: string; message: string }> | null };
}
interface HistoryItem {
  kind: string;
  source: string;
  actorKind: string;
  entity: { type: string; code: string };
  before: { status?: string; note?: string | null } | null;
  after: { status?: string; note?: string | null };
  version: number;
}

const cityUrl = `/api/v1/programs/${CITIES}/cities/${CITY}`;

/** The history entries of one entity written since `since` (an instant). */
async function historySince(api: import('./support/api').ApiClient, program: string, code: string, since: string): Promise<HistoryItem[]> {
  const res = await api.get<{ items: HistoryItem[] }>(`/api/v1/programs/${program}/history?from=${encodeURIComponent(since)}&limit=1000`);
  expect(res.status).toBe(200);
  return res.body.items.filter((i) => i.entity.code === code);
}

test.describe.configure({ mode: 'serial' });

test('program manager: note-only, status, confirmation-only writes each raise version by 1 and appear in the history', async ({ api, tokens }) => {
  const since = new Date(Date.now() - 1000).toISOString();
  const start = (await api.get<Item>(cityUrl, { token: tokens.pm })).body;
  expect(start.status).toBe('LIVE');

  const noted = await api.patch<Item>(cityUrl, { version: start.version, note: `API note ${Date.now()}` }, { token: tokens.pm });
  expect(noted.status).toBe(200);
  expect(noted.body.version).toBe(start.version + 1);
  expect(noted.body.status).toBe('LIVE');

  const paused = await api.patch<Item>(cityUrl, { version: noted.body.version, status: 'PAUSED' }, { token: tokens.pm });
  expect(paused.status).toBe(200);
  expect(paused.body).toMatchObject({ status: 'PAUSED', liveDate: start.liveDate, version: start.version + 2, verified: true });

  const back = await api.patch<Item>(cityUrl, { version: paused.body.version, status: 'LIVE' }, { token: tokens.pm });
  expect(back.body).toMatchObject({ status: 'LIVE', liveDate: start.liveDate, version: start.version + 3 });

  const confirmed = await api.patch<Item>(cityUrl, { version: back.body.version }, { token: tokens.pm });
  expect(confirmed.status).toBe(200);
  expect(confirmed.body.version).toBe(start.version + 4);
  expect(confirmed.body.lastConfirmedAt).toMatch(/\+08:00$/);
  expect(Date.parse(confirmed.body.lastConfirmedAt!)).toBeGreaterThan(Date.parse(back.body.lastConfirmedAt!) - 1);

  const history = await historySince(api, CITIES, CITY, since);
  expect(history.map((h) => [h.kind, h.before?.status, h.after.status, h.version])).toEqual([
    ['DETAILS', 'LIVE', 'LIVE', start.version + 1],
    ['STATUS', 'LIVE', 'PAUSED', start.version + 2],
    ['STATUS', 'PAUSED', 'LIVE', start.version + 3],
    ['CONFIRM', 'LIVE', 'LIVE', start.version + 4],
  ]);
  for (const h of history) expect(h).toMatchObject({ source: 'API', actorKind: 'PROGRAM_MANAGER' });
  expect(history[0]!.after.note).toBe(noted.body.note);

  const coverage = await api.get<{ live: number; denominator: number }>(`/api/v1/programs/${CITIES}/coverage`);
  expect(coverage.body.live).toBe(coverage.body.denominator);
});

test('a stale version: 409 with the current item, nothing written', async ({ api, tokens }) => {
  const current = (await api.get<Item>(cityUrl)).body;
  const stale = await api.patch<Err>(cityUrl, { version: current.version - 1, note: 'stale' }, { token: tokens.pm });
  expect(stale.status).toBe(409);
  expect(stale.body.error.code).toBe('CONFLICT');
  expect((stale.body.error.details as { current?: Item } | null)?.current).toMatchObject({ code: CITY, version: current.version, note: current.note });
  expect((await api.get<Item>(cityUrl)).body.version).toBe(current.version);
});

test('20 parallel writes with the same version: exactly one succeeds, 19 conflicts, one history entry', async ({ api, tokens }) => {
  const since = new Date(Date.now() - 1000).toISOString();
  const current = (await api.get<Item>(cityUrl)).body;
  const replies = await Promise.all(
    Array.from({ length: 20 }, (_, i) => api.patch<Item | Err>(cityUrl, { version: current.version, note: `parallel ${i} ${Date.now()}` }, { token: tokens.pm })),
  );
  expect(replies.map((r) => r.status).sort()).toEqual([200, ...Array<number>(19).fill(409)]);
  expect((await api.get<Item>(cityUrl)).body.version).toBe(current.version + 1);
  expect((await historySince(api, CITIES, CITY, since)).filter((h) => h.version === current.version + 1)).toHaveLength(1);
});

test('bodies: unknown fields, bad values, no JSON: 422 and nothing written', async ({ api, tokens }) => {
  const current = (await api.get<Item>(cityUrl)).body;
  const cases: Array<[unknown, boolean?]> = [
    [{ version: current.version, note: 'x', verified: true }],
    [{ version: current.version, institutionId: 'ICBC', status: 'LIVE' }],
    [{ version: current.version, status: 'DONE' }],
    [{ version: current.version, liveDate: '2999-01-01' }],
    [{ version: current.version, evidenceUrl: 'javascript:alert(1)' }],
    [{ version: 'one', note: 'x' }],
    [{ note: 'no version' }],
    [[current.version]],
    ['{"version": ', true],
    [{ version: current.version, note: '长'.repeat(40_000) }],
  ];
  for (const [body, raw] of cases) {
    const res = await api.patch<Err>(cityUrl, body, { token: tokens.pm, raw });
    expect(res.status, JSON.stringify(body)).toBe(422);
    expect(res.body.error.code).toBe('VALIDATION');
  }
  const unknown = await api.patch<Err>(cityUrl, { version: current.version, note: 'x', verified: true }, { token: tokens.pm });
  expect(unknown.body.error.details).toEqual([{ path: 'verified', code: 'unknownField', message: 'This field may not be submitted.' }]);
  const future = await api.patch<Err>(cityUrl, { version: current.version, liveDate: '2099-01-01' }, { token: tokens.pm, headers: { 'Accept-Language': 'zh-CN' } });
  expect(future.body.error.details).toEqual([{ path: 'liveDate', code: 'liveDateInFuture', message: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
  // Machine-readable codes only: no message keys of the web forms reach an integration.
  expect(JSON.stringify([unknown.body, future.body])).not.toMatch(/statusForm|errors\./);
  expect((await api.get<Item>(cityUrl)).body.version).toBe(current.version);
});

test('404 for an unknown program or city on PATCH', async ({ api, tokens }) => {
  expect((await api.patch<Err>(`/api/v1/programs/no-such-program/cities/${CITY}`, { version: 1, note: 'x' }, { token: tokens.pm })).status).toBe(404);
  const res = await api.patch<Err>(`/api/v1/programs/${CITIES}/cities/9999`, { version: 1, note: 'x' }, { token: tokens.pm });
  expect(res.status).toBe(404);
  expect(res.body.error.code).toBe('NOT_FOUND');
});

test.describe('partner scoping', () => {
  /** A partner account of the Bank of Hangzhou and its token, made once per database. */
  const partners = new Map<string, Promise<string>>();
  const partnerToken = (databaseUrl: string) => {
    if (!partners.has(databaseUrl)) {
      partners.set(
        databaseUrl,
        (async () => {
          const email = 'api-partner@hutong.test';
          await cli(databaseUrl, ['user', 'create', '--email', email, '--role', 'PARTNER', '--institution', OWN_BANK, '--password', 'Partner-Test-Pass-2021']);
          return createToken(databaseUrl, email, 'HZB sync');
        })(),
      );
    }
    return partners.get(databaseUrl)!;
  };

  test('a partner updates and confirms its own institution; the report awaits verification', async ({ api, databaseUrl }) => {
    const partner = await partnerToken(databaseUrl);
    const url = `/api/v1/programs/${BANKS}/institutions/${OWN_BANK}`;
    const start = (await api.get<Item>(url, { token: partner })).body;
    const note = `杭州银行：全部网点已上线 ${Date.now()}`;
    const noted = await api.patch<Item>(url, { version: start.version, note }, { token: partner });
    expect(noted.status).toBe(200);
    expect(noted.body).toMatchObject({ version: start.version + 1, verified: false, note, status: start.status });
    const confirmed = await api.patch<Item>(url, { version: noted.body.version }, { token: partner });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ version: start.version + 2, status: start.status, note: noted.body.note });
    expect(confirmed.body.lastConfirmedAt).not.toBe(start.lastConfirmedAt);
  });

  test('a partner may not write another institution or a city: 403, nothing changes', async ({ api, tokens, databaseUrl }) => {
    const partner = await partnerToken(databaseUrl);
    for (const [url, token] of [
      [`/api/v1/programs/${BANKS}/institutions/CMB`, partner],
      [`/api/v1/programs/${BANKS}/institutions/ICBC`, partner],
      [`/api/v1/programs/${BANKS}/institutions/${OWN_BANK}`, tokens.icbc],
      [cityUrl, partner],
      [cityUrl, tokens.exec],
    ] as const) {
      const before = (await api.get<Item>(url)).body;
      const res = await api.patch<Err>(url, { version: before.version, note: 'not mine' }, { token });
      expect(res.status, url).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      expect((await api.get<Item>(url)).body.version).toBe(before.version);
    }
  });
});

test.describe('Idempotency-Key', () => {
  test('a retry with the same key returns the first answer and writes nothing new', async ({ api, tokens }) => {
    const since = new Date(Date.now() - 1000).toISOString();
    const current = (await api.get<Item>(cityUrl)).body;
    const key = `retry-${Date.now()}`;
    const body = { version: current.version, note: `idempotent ${key}` };
    const first = await api.patch<Item>(cityUrl, body, { token: tokens.pm, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(current.version + 1);
    const retry = await api.patch<Item>(cityUrl, body, { token: tokens.pm, headers: { 'Idempotency-Key': key } });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((await api.get<Item>(cityUrl)).body.version).toBe(current.version + 1);
    expect((await historySince(api, CITIES, CITY, since)).filter((h) => h.after.note === body.note)).toHaveLength(1);

    const reused = await api.patch<Err>(cityUrl, { ...body, note: 'another request' }, { token: tokens.pm, headers: { 'Idempotency-Key': key } });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('VALIDATION');
    // Keys are per user: the same key from someone else is a new request (here: a refused one).
    const other = await api.patch<Err>(cityUrl, body, { token: tokens.icbc, headers: { 'Idempotency-Key': key } });
    expect(other.status).toBe(403);
  });

  test('a refusal is replayed too, and a malformed key is refused', async ({ api, tokens }) => {
    const current = (await api.get<Item>(cityUrl)).body;
    const key = `conflict-${Date.now()}`;
    const body = { version: current.version - 1, note: 'late' };
    const first = await api.patch<Err>(cityUrl, body, { token: tokens.pm, headers: { 'Idempotency-Key': key } });
    expect(first.status).toBe(409);
    const again = await api.patch<Err>(cityUrl, body, { token: tokens.pm, headers: { 'Idempotency-Key': key } });
    expect(again.status).toBe(409);
    expect(again.body).toEqual(first.body);
    const bad = await api.patch<Err>(cityUrl, { version: current.version, note: 'x' }, { token: tokens.pm, headers: { 'Idempotency-Key': 'k'.repeat(256) } });
    expect(bad.status).toBe(422);
  });
});

test('writes need a token of someone who may write: an executive gets 403, no token 401', async ({ api, tokens }) => {
  const current = (await api.get<Item>(cityUrl)).body;
  expect((await api.patch<Err>(cityUrl, { version: current.version, note: 'x' }, { token: tokens.exec })).status).toBe(403);
  expect((await api.patch<Err>(cityUrl, { version: current.version, note: 'x' }, { token: null })).status).toBe(401);
  void DEMO;
});

test('coverage answers with an ETag, 304 while unchanged, and never 304 once a write changed it', async ({ api, tokens }) => {
  const city = '6501';
  const url = `/api/v1/programs/${CITIES}/coverage`;
  const first = await api.get<{ live: number; counts: Record<string, number> }>(url);
  expect(first.status).toBe(200);
  const etag = first.headers.etag!;
  expect(etag).toMatch(/^"[\w-]+"$/);
  expect(first.headers['cache-control']).toBe('no-store');

  const unchanged = await api.get(url, { headers: { 'If-None-Match': etag } });
  expect(unchanged.status).toBe(304);
  expect(unchanged.headers.etag).toBe(etag);
  // A list of tags, weak or strong, matches too; another tag does not.
  expect((await api.get(url, { headers: { 'If-None-Match': `"other", W/${etag}` } })).status).toBe(304);
  expect((await api.get(url, { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);

  const row = (await api.get<Item>(`/api/v1/programs/${CITIES}/cities/${city}`, { token: tokens.pm })).body;
  const paused = await api.patch<Item>(`/api/v1/programs/${CITIES}/cities/${city}`, { version: row.version, status: row.status === 'PAUSED' ? 'LIVE' : 'PAUSED' }, { token: tokens.pm });
  expect(paused.status).toBe(200);

  const changed = await api.get<{ live: number; counts: Record<string, number> }>(url, { headers: { 'If-None-Match': etag } });
  expect(changed.status).toBe(200);
  expect(changed.headers.etag).not.toBe(etag);
  expect(changed.body.live).toBe(first.body.live + (row.status === 'PAUSED' ? 1 : -1));

  // A note changes no number: the coverage of the day, and its ETag, stay as they were.
  const noted = await api.patch<Item>(`/api/v1/programs/${CITIES}/cities/${city}`, { version: paused.body.version, note: `ETag ${Date.now()}` }, { token: tokens.pm });
  expect(noted.status).toBe(200);
  expect((await api.get(url, { headers: { 'If-None-Match': changed.headers.etag! } })).status).toBe(304);

  const back = await api.patch<Item>(`/api/v1/programs/${CITIES}/cities/${city}`, { version: noted.body.version, status: row.status }, { token: tokens.pm });
  expect(back.status).toBe(200);
  const restored = await api.get<{ live: number }>(url, { headers: { 'If-None-Match': changed.headers.etag! } });
  expect(restored.status).toBe(200);
  expect(restored.body.live).toBe(first.body.live);
});
