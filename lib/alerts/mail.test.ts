/**
 * The inbox, alert mail and reminders on a seeded database: each person reads only their own
 * entries, a mail at once and a daily digest go out once per person even with runs racing, the
 * unsubscribe link works for its owner only, and a reminder's "still accurate" writes one CONFIRM
 * row at the reported version and refuses a stale one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOW, withDemoDb } from '../../tests/helpers/demo-db';
import { refused } from '../../tests/helpers/refused';
import { createOutboxMailer, type Mailer, type OutgoingMail } from '../summary/mail/transport';
import { confirmStatus, updateInstitutionStatus } from '../status/mutations';
import { addDays, todayInShanghai } from '../time';
import { drainEventAlerts, evaluateDailyAlerts } from './evaluate';
import { sendAlertMails, sendDailyDigests, unsubscribeToken, type AlertMailOptions } from './mail';
import { markAlertsRead, setAlertChannel, unsubscribeAlertMail } from './mutations';
import { countUnreadAlerts, listInbox } from './queries';

const BANKS = 'alipay-bank-apps';
const SECRET = 'a-test-secret-of-at-least-32-characters!';

const { t, as } = withDemoDb({ now: DEMO_NOW });

let dir: string;
let sent: OutgoingMail[];
let options: AlertMailOptions;

/** The real outbox transport, with each message also kept for the assertions. */
function keepingMailer(inner: Mailer): Mailer {
  return { ...inner, send: async (mail) => (sent.push(mail), inner.send(mail)) };
}

const bankRow = (code: string) => t.db.institutionStatus.findFirstOrThrow({ where: { institutionCode: code, program: { slug: BANKS } } });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-alert-mail-'));
  sent = [];
  options = { mailer: keepingMailer(createOutboxMailer(dir)), from: 'hutong@localhost', appUrl: 'https://hutong.example', secret: SECRET };
  await evaluateDailyAlerts(t.db);
  await setAlertChannel(t.db, as.pm, { kind: 'REGRESSION', channel: 'MAIL' });
  await setAlertChannel(t.db, as.cmb, { kind: 'REGRESSION', channel: 'DIGEST' });
  const cmb = await bankRow('CMB');
  await updateInstitutionStatus(t.db, as.admin, { programSlug: BANKS, institutionCode: 'CMB', input: { version: cmb.version, status: 'PAUSED' }, source: 'FORM' });
  await drainEventAlerts(t.db);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the inbox', () => {
  it('lists the reader\'s own entries with a link; another bank\'s partner has none of them', async () => {
    const cmb = await listInbox(t.db, as.cmb.viewer);
    const regression = cmb.items.find((i) => i.kind === 'REGRESSION');
    expect(regression).toMatchObject({ entity: { code: 'CMB', type: 'INSTITUTION' }, href: '/institutions/CMB', readAt: null, program: { slug: BANKS } });
    expect(await countUnreadAlerts(t.db, as.cmb.viewer)).toBe(cmb.items.length);
    const icbc = await listInbox(t.db, as.icbc.viewer);
    expect(icbc.items.filter((i) => i.entity?.code === 'CMB')).toEqual([]);
    const exec = await listInbox(t.db, as.exec.viewer);
    expect(exec.items.every((i) => i.kind === 'HEALTH_CHANGED')).toBe(true);
  });

  it('marking read: someone else\'s entry is untouched; "all" honours the kind filter', async () => {
    const pmItems = (await listInbox(t.db, as.pm.viewer)).items;
    expect(pmItems.length).toBeGreaterThan(0);
    expect(await markAlertsRead(t.db, as.icbc, { ids: pmItems.map((i) => i.id) })).toEqual({ marked: 0 });
    const unread = await countUnreadAlerts(t.db, as.pm.viewer);
    const regressions = pmItems.filter((i) => i.kind === 'REGRESSION' && !i.readAt).length;
    expect(await markAlertsRead(t.db, as.pm, { all: true, kind: 'REGRESSION' })).toEqual({ marked: regressions });
    expect(await countUnreadAlerts(t.db, as.pm.viewer)).toBe(unread - regressions);
    expect((await refused(markAlertsRead(t.db, as.pm, { ids: [] }))).code).toBe('VALIDATION');
  });
});

describe('mail', () => {
  it('a MAIL delivery is mailed once, even with two runs at once, with its link and an unsubscribe link', async () => {
    const runs = await Promise.all([sendAlertMails(t.db, options), sendAlertMails(t.db, options)]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    const mail = sent.find((m) => m.to === as.pm.viewer.email);
    expect(mail?.subject).toBe('Hutong: China Merchants Bank in Alipay collection codes opened to bank apps: Live → Paused');
    expect(mail?.text).toContain('https://hutong.example/institutions/CMB');
    expect(mail?.text).toContain(`https://hutong.example/alerts/unsubscribe?token=${encodeURIComponent(unsubscribeToken(SECRET, as.pm.viewer.id, 'REGRESSION'))}`);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('alert-'))).toHaveLength(1);
    expect(await sendAlertMails(t.db, options)).toEqual({ sent: 0, failed: 0 });
  });

  it('the daily digest goes to each person once per day, even with runs racing', async () => {
    const day = todayInShanghai();
    const runs = await Promise.all([sendDailyDigests(t.db, day, options), sendDailyDigests(t.db, day, options), sendDailyDigests(t.db, day, options)]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(runs.reduce((n, r) => n + r.alreadySent, 0)).toBe(2);
    const digest = sent.filter((m) => m.to === as.cmb.viewer.email);
    expect(digest).toHaveLength(1);
    expect(digest[0]?.subject).toContain(day);
    expect(await t.db.alertDigest.count({ where: { day } })).toBe(1);
    expect((await sendDailyDigests(t.db, addDays(day, -1), options)).sent).toBe(0);
  });

  it('the unsubscribe link stops that kind of mail for its owner; anyone else is refused', async () => {
    const token = unsubscribeToken(SECRET, as.pm.viewer.id, 'REGRESSION');
    expect((await refused(unsubscribeAlertMail(t.db, as.icbc, { token }, SECRET))).code).toBe('NOT_FOUND');
    expect((await refused(unsubscribeAlertMail(t.db, as.pm, { token: `${token}x` }, SECRET))).code).toBe('NOT_FOUND');
    expect(await unsubscribeAlertMail(t.db, as.pm, { token }, SECRET)).toEqual({ kind: 'REGRESSION', channel: 'IN_APP' });
    const pref = await t.db.alertPreference.findUniqueOrThrow({ where: { userId_kind: { userId: as.pm.viewer.id, kind: 'REGRESSION' } } });
    expect(pref.channel).toBe('IN_APP');
  });
});

describe('reminders', () => {
  it('a stale report reminds the partner; "still accurate" at the reported version writes one CONFIRM row, a stale version is refused', async () => {
    const icbc = await bankRow('ICBC');
    await t.db.institutionStatus.update({ where: { id: icbc.id }, data: { lastConfirmedAt: new Date('2025-01-01T00:00:00Z') } });
    await evaluateDailyAlerts(t.db, { now: new Date(Date.now() + 86_400_000) });
    const reminder = (await listInbox(t.db, as.icbc.viewer)).items.find((i) => i.kind === 'STALE_REPORT')?.reminder;
    expect(reminder).toEqual({ programSlug: BANKS, code: 'ICBC', version: icbc.version });
    // Another bank's partner never hears of it.
    expect((await listInbox(t.db, as.cmb.viewer)).items.filter((i) => i.kind === 'STALE_REPORT' && i.entity?.code === 'ICBC')).toEqual([]);

    const confirm = () => confirmStatus(t.db, as.icbc, { programSlug: BANKS, entity: 'institution', code: 'ICBC', input: { version: reminder!.version, confirm: true }, source: 'FORM' });
    await confirm();
    expect((await refused(confirm())).code).toBe('CONFLICT');
    expect(await t.db.statusChange.count({ where: { entityCode: 'ICBC', kind: 'CONFIRM' } })).toBe(1);
  });
});
