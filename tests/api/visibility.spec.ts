/**
 * Banks see each other's progress, not each other's files, over HTTP on SQLite and PostgreSQL: a
 * partner token reads another bank's status and dates, but its note, evidence, verification and
 * the people who changed it come back null or left out, in the item read, the list and the
 * history pages; the bank's own token and a manager's still read all of it.
 *
 * Two partner accounts are made for this file, for banks no other spec writes to (Bank of Ningbo,
 * China Zheshang Bank), so the notes written here change nothing another test looks at.
 */
import { cli, createToken, expect, test } from './support/api';

const BANKS = 'alipay-bank-apps';
const THEIRS = 'NBCB';
const OURS = 'CZB';

interface Item {
  code: string;
  status: string;
  plannedDate: string | null;
  liveDate: string | null;
  lastConfirmedAt: string | null;
  note: string | null;
  evidenceUrl: string | null;
  verified: boolean | null;
  version: number;
}
interface Entry {
  kind: string;
  actorKind: string | null;
  actorName: string | null;
  entity: { type: string; code: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}
interface Page {
  items: Entry[];
  nextCursor: string | null;
}

test.describe.configure({ mode: 'serial' });

let theirs = '';
let ours = '';
const stamp = Date.now();
const secretNote = `宁波银行内部：商户费率谈判 ${stamp}`;
const secretEvidence = `https://intranet.nbcb.example/rollout/${stamp}`;
const theirName = `宁波银行对接人 ${stamp}`;

test.beforeAll(async ({ databaseUrl }) => {
  const make = async (code: string, name: string) => {
    const email = `api-visibility-${code.toLowerCase()}-${stamp}@hutong.test`;
    await cli(databaseUrl, ['user', 'create', '--email', email, '--name', name, '--role', 'PARTNER', '--institution', code, '--password', 'Partner-Test-Pass-2021']);
    return createToken(databaseUrl, email, `${code} visibility`);
  };
  theirs = await make(THEIRS, theirName);
  ours = await make(OURS, `浙商银行对接人 ${stamp}`);
});

const itemUrl = (code: string) => `/api/v1/programs/${BANKS}/institutions/${code}`;

test("the other bank's note and evidence reach neither the item, the list nor the history of a competitor", async ({ api, tokens }) => {
  const start = (await api.get<Item>(itemUrl(THEIRS), { token: theirs })).body;
  const written = await api.patch<Item>(itemUrl(THEIRS), { version: start.version, note: secretNote, evidenceUrl: secretEvidence }, { token: theirs });
  expect(written.status).toBe(200);
  expect(written.body).toMatchObject({ note: secretNote, evidenceUrl: secretEvidence, verified: false });

  // The item: status and dates, the rest null.
  const item = await api.get<Item>(itemUrl(THEIRS), { token: ours });
  expect(item.status).toBe(200);
  expect(item.body).toMatchObject({
    code: THEIRS,
    status: start.status,
    plannedDate: start.plannedDate,
    liveDate: start.liveDate,
    version: written.body.version,
    note: null,
    evidenceUrl: null,
    verified: null,
  });
  expect(item.body.lastConfirmedAt).toBe(written.body.lastConfirmedAt);

  // The list: every bank, details on our own row only.
  const list = await api.get<{ items: Item[] }>(`/api/v1/programs/${BANKS}/institutions`, { token: ours });
  expect(list.status).toBe(200);
  expect(list.body.items.find((i) => i.code === THEIRS)).toMatchObject({ status: start.status, note: null, evidenceUrl: null, verified: null });
  expect(list.body.items.find((i) => i.code === OURS)?.verified).toEqual(expect.any(Boolean));
  expect(list.body.items.filter((i) => i.code !== OURS).every((i) => i.note === null && i.verified === null)).toBe(true);
  expect(JSON.stringify(list.body)).not.toContain(secretNote);

  // The history, every page: their entries without note, evidence or person.
  const entries: Entry[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: Page } = await api.get<Page>(
      `/api/v1/programs/${BANKS}/history?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      { token: ours },
    );
    expect(page.status).toBe(200);
    entries.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  const text = JSON.stringify(entries);
  for (const secret of [secretNote, secretEvidence, theirName]) expect(text).not.toContain(secret);
  const theirEntries = entries.filter((e) => e.entity.code === THEIRS);
  expect(theirEntries.at(-1)).toMatchObject({ kind: 'DETAILS', actorKind: null, actorName: null });
  expect(theirEntries.every((e) => !('note' in e.after) && !('evidenceUrl' in e.after) && !('verified' in e.after))).toBe(true);
  expect(entries.filter((e) => e.entity.code !== OURS).some((e) => e.kind === 'VERIFY')).toBe(false);

  // The bank itself and a manager still read everything.
  for (const token of [theirs, tokens.pm]) {
    expect((await api.get<Item>(itemUrl(THEIRS), { token })).body).toMatchObject({ note: secretNote, evidenceUrl: secretEvidence, verified: false });
  }
  const forPm = await api.get<Page>(`/api/v1/programs/${BANKS}/history?from=${encodeURIComponent(new Date(stamp - 1000).toISOString())}`, { token: tokens.pm });
  expect(forPm.body.items.find((e) => e.entity.code === THEIRS)).toMatchObject({ actorKind: 'PARTNER', actorName: theirName, after: { note: secretNote } });
});

test('a partner reads its own row in full, through the same endpoints', async ({ api }) => {
  const own = await api.get<Item>(itemUrl(OURS), { token: ours });
  expect(own.status).toBe(200);
  expect(own.body.verified).toEqual(expect.any(Boolean));
  const note = `浙商银行：全部网点已上线 ${stamp}`;
  const written = await api.patch<Item>(itemUrl(OURS), { version: own.body.version, note }, { token: ours });
  expect(written.body).toMatchObject({ note, verified: false });
  const history = await api.get<Page>(`/api/v1/programs/${BANKS}/history?from=${encodeURIComponent(new Date(stamp - 1000).toISOString())}`, { token: ours });
  expect(history.body.items.filter((e) => e.entity.code === OURS).at(-1)).toMatchObject({ actorKind: 'PARTNER', after: { note } });
});
