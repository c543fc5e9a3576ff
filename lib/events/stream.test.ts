/**
 * The live stream: a write reaches an open stream without anyone asking, as the reader may read
 * it (a partner never gets another bank's verification, note or people), and a reconnect with
 * Last-Event-ID resumes exactly after the last event received.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { updateInstitutionStatus, verifyStatus } from '../status/mutations';
import { openEventStream, parseLastEventId } from './stream';

const BANKS = 'alipay-bank-apps';
const SECRET_NOTE = 'ICBC 内部：供应商合同未签';

const { t, as } = withDemoDb({ now: DEMO_NOW });

const bankRow = (code: string) => t.db.institutionStatus.findFirstOrThrow({ where: { institutionCode: code, program: { slug: BANKS } } });

interface Message {
  id: number;
  event: string;
  data: Record<string, unknown>;
  raw: string;
}

/** Reads messages off a stream until `count` events arrived (or fails after `ms`). */
async function readEvents(stream: ReadableStream<Uint8Array>, count: number, ms = 5_000): Promise<Message[]> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const out: Message[] = [];
  const deadline = Date.now() + ms;
  while (out.length < count) {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`only ${out.length} of ${count} events in ${ms} ms`)), Math.max(1, deadline - Date.now())));
    const { value, done } = await Promise.race([reader.read(), timeout]);
    if (done) break;
    text += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const block = text.slice(0, end);
      text = text.slice(end + 2);
      const fields = Object.fromEntries(block.split('\n').filter((l) => /^(id|event|data):/.test(l)).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
      if (fields.id) out.push({ id: Number(fields.id), event: fields.event ?? '', data: JSON.parse(fields.data ?? '{}') as Record<string, unknown>, raw: block });
    }
  }
  reader.releaseLock();
  return out;
}

describe('the live event stream', () => {
  it('a partner\'s stream gets every status change as it happens, never another bank\'s verification or note; a reconnect resumes', async () => {
    const controller = new AbortController();
    const stream = await openEventStream({ getDb: async () => t.db, viewer: as.cmb.viewer, lastEventId: null, signal: controller.signal });
    const icbc = await bankRow('ICBC');
    await updateInstitutionStatus(t.db, as.icbc, { programSlug: BANKS, institutionCode: 'ICBC', input: { version: icbc.version, status: 'PAUSED', note: SECRET_NOTE }, source: 'FORM' });
    await verifyStatus(t.db, as.pm, { programSlug: BANKS, entity: 'institution', code: 'ICBC', input: { version: icbc.version + 1 }, source: 'FORM' });
    const cmb = await bankRow('CMB');
    await updateInstitutionStatus(t.db, as.cmb, { programSlug: BANKS, institutionCode: 'CMB', input: { version: cmb.version, note: '本行备注' }, source: 'FORM' });
    const started = Date.now();
    const got = await readEvents(stream, 2);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(got.map((m) => [m.event, m.data.entityCode])).toEqual([
      ['STATUS_CHANGED', 'ICBC'],
      ['STATUS_CHANGED', 'CMB'],
    ]);
    expect(got[0]?.data).toEqual({ id: got[0]!.id, kind: 'STATUS_CHANGED', programSlug: BANKS, entityType: 'INSTITUTION', entityCode: 'ICBC', effectiveAt: expect.any(String) });
    const all = got.map((m) => m.raw).join('\n');
    for (const secret of [SECRET_NOTE, as.icbc.viewer.id, as.pm.viewer.id, 'VERIFIED']) expect(all).not.toContain(secret);
    controller.abort();

    // The browser reconnects with the last id it saw: the second event again, nothing before it.
    const resumed = await openEventStream({ getDb: async () => t.db, viewer: as.cmb.viewer, lastEventId: got[0]!.id });
    expect((await readEvents(resumed, 1)).map((m) => m.id)).toEqual([got[1]!.id]);
    await resumed.cancel();
  });

  it('the staff stream carries the verification too', async () => {
    const mark = (await t.db.domainEvent.findFirstOrThrow({ where: { kind: 'VERIFIED' }, orderBy: { id: 'desc' } })).id - 1;
    const stream = await openEventStream({ getDb: async () => t.db, viewer: as.exec.viewer, lastEventId: mark });
    expect((await readEvents(stream, 1)).map((m) => m.event)).toEqual(['VERIFIED']);
    await stream.cancel();
  });

  it('reads Last-Event-ID strictly', () => {
    expect(parseLastEventId('42')).toBe(42);
    for (const bad of [null, '', '-1', '4.2', '1e3', 'abc', '9'.repeat(16)]) expect(parseLastEventId(bad)).toBeNull();
  });
});
