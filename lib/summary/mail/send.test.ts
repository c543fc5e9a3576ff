/**
 * The weekly summary mailed through a real SMTP server started here (smtp-server), to the seeded
 * executive (zh-CN) and one English-speaking executive, then read back from the raw messages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withDemoDb } from '../../../tests/helpers/demo-db';
import { withSmtpSink } from '../../../tests/helpers/smtp-sink';
import { PROGRAM_SLUGS } from '../../../prisma/seed/demo';
import { createSummaryArchive, type SummaryArchive } from '../archive';
import { readWeeklySummary } from '../generate';
import type { CrossProgramSummary } from '../types';
import { sendWeeklySummary } from './send';
import { createMailer, createSmtpMailer } from './transport';

const NOW = new Date('2026-11-25T04:00:00Z');
const FROM = '"互通 Hutong" <summary@hutong.test>';
const APP_URL = 'https://hutong.example.cn';

// ---------------------------------------------------------------------------------------------
// A small MIME reader: enough of RFC 2045-2047 for what nodemailer writes.

interface MimePart {
  headers: Map<string, string>;
  body: Buffer;
  parts: MimePart[];
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const source = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '=' && /^[0-9A-F]{2}$/i.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(source[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function parseMime(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  const rest = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.startsWith('multipart/') && boundary) {
    const chunks = rest.split(`--${boundary}`).slice(1);
    const parts = chunks.filter((c) => !c.startsWith('--')).map((c) => parseMime(c.replace(/^\r?\n/, '')));
    return { headers, body: Buffer.alloc(0), parts };
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const body =
    encoding === 'base64'
      ? Buffer.from(rest.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(rest)
        : Buffer.from(rest, 'utf8');
  return { headers, body, parts: [] };
}

function leaves(part: MimePart): MimePart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(leaves);
}

// ---------------------------------------------------------------------------------------------

let dir: string;
let archive: SummaryArchive;

const { t } = withDemoDb({ now: NOW });
const sink = withSmtpSink({ auth: { user: 'hutong', pass: 'smtp-secret' } });
const { received } = sink;
beforeAll(async () => {
  await t.db.user.create({
    data: { email: 'ceo@hutong.test', name: 'Alex Chen', role: 'EXECUTIVE', passwordHash: 'not-used', locale: 'en' },
  });
  await t.db.user.create({
    data: { email: 'retired@hutong.test', name: '退休高管', role: 'EXECUTIVE', passwordHash: 'not-used', disabled: true },
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-mail-'));
  archive = createSummaryArchive(t.db);
}, 120_000);

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  received.length = 0;
});

const smtp = () => createSmtpMailer({ host: '127.0.0.1', port: sink.port, secure: false, user: 'hutong', pass: 'smtp-secret' });

describe('summary send over SMTP', { timeout: 60_000 }, () => {
  it('mails each active executive once, in their language, with the numbers and the charts inline', async () => {
    const mailer = smtp();
    const report = await sendWeeklySummary(t.db, archive, { week: '2021-W39', program: null, mailer, from: FROM, appUrl: APP_URL, now: NOW });
    mailer.close();
    expect(report.recipients.map((r) => [r.email, r.locale, r.outcome])).toEqual([
      ['ceo@hutong.test', 'en', 'sent'],
      ['exec@hutong.test', 'zh-CN', 'sent'],
    ]);
    expect(received).toHaveLength(2);
    expect(received.every((m) => m.user === 'hutong' && m.from === 'summary@hutong.test')).toBe(true);

    const { summary } = await readWeeklySummary(t.db, archive, '2021-W39', null, { now: NOW });
    const payload = summary.payload as CrossProgramSummary;
    const cities = payload.programs.find((p) => p.program.slug === PROGRAM_SLUGS.alipayUnionpay)!;
    const banks = payload.programs.find((p) => p.program.slug === PROGRAM_SLUGS.bankApps)!;

    for (const [address, subject, words] of [
      ['exec@hutong.test', '互通周报 2021-W39（2021-09-27 至 2021-10-03）', ['各项目概览', '全国覆盖', '本周新上线']],
      ['ceo@hutong.test', 'Hutong weekly summary 2021-W39 (2021-09-27 to 2021-10-03)', ['Programs at a glance', 'nationwide coverage', 'Went live this week']],
    ] as const) {
      const message = received.find((m) => m.to.includes(address))!;
      const mime = parseMime(message.raw);
      expect(decodeWords(mime.headers.get('subject')!)).toBe(subject);
      expect(mime.headers.get('auto-submitted')).toBe('auto-generated');
      const parts = leaves(mime);
      const html = parts.find((p) => p.headers.get('content-type')!.startsWith('text/html'))!.body.toString('utf8');
      const plain = parts.find((p) => p.headers.get('content-type')!.startsWith('text/plain'))!.body.toString('utf8');
      for (const text of [html, plain]) {
        expect(text).toContain(`${cities.coverage.live} / ${cities.coverage.denominator}`);
        expect(text).toContain(`${banks.coverage.live} / ${banks.coverage.denominator}`);
        expect(text).toContain(`${APP_URL}/summary/2021-W39`);
        // The portfolio at the week's last day (2021-W39 ends on Sunday 2021-10-03).
        expect(text).toContain(`${APP_URL}/portfolio?asOf=2021-10-03`);
        for (const w of words) expect(text).toContain(w);
      }
      expect(html).toContain(`${cities.coverage.percent}%`);

      // Every chart is an inline PNG that the HTML refers to by its Content-ID.
      const images = parts.filter((p) => p.headers.get('content-type')!.startsWith('image/'));
      expect(images.map((p) => p.headers.get('content-type')!.split(';')[0])).toEqual(Array(6).fill('image/png'));
      for (const image of images) {
        const cid = image.headers.get('content-id')!.replace(/[<>]/g, '');
        expect(html).toContain(`cid:${cid}`);
        expect(image.body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        expect(image.body.length).toBeGreaterThan(5_000);
      }
      expect(images.map((p) => p.headers.get('content-id'))).toEqual(
        expect.arrayContaining([expect.stringContaining('burnup-alipay-unionpay-offline'), expect.stringContaining('map-alipay-unionpay-offline')]),
      );
    }
  }, 60_000);

  it('sends nothing the second time for the same week', async () => {
    const mailer = smtp();
    const report = await sendWeeklySummary(t.db, archive, { week: '2021-W39', program: null, mailer, from: FROM, appUrl: APP_URL, now: NOW });
    mailer.close();
    expect(report.recipients.map((r) => r.outcome)).toEqual(['already-sent', 'already-sent']);
    expect(received).toHaveLength(0);
    const deliveries = await archive.listDeliveries('2021-W39', '*');
    expect(deliveries.map((d) => [d.recipient, d.transport, d.sentAt !== null])).toEqual([
      ['ceo@hutong.test', 'smtp', true],
      ['exec@hutong.test', 'smtp', true],
    ]);
  });

  it('gives the claim back when the server refuses, so the next run delivers', async () => {
    const refused = createSmtpMailer({ host: '127.0.0.1', port: sink.port, secure: false, user: 'hutong', pass: 'wrong-password' });
    const failed = await sendWeeklySummary(t.db, archive, {
      week: '2021-W40',
      program: PROGRAM_SLUGS.bankApps,
      mailer: refused,
      from: FROM,
      appUrl: APP_URL,
      now: NOW,
    });
    refused.close();
    expect(failed.recipients.map((r) => r.outcome)).toEqual(['failed', 'failed']);
    expect(failed.recipients[0]!.error).not.toContain('wrong-password');
    expect(received).toHaveLength(0);

    const mailer = smtp();
    const retried = await sendWeeklySummary(t.db, archive, { week: '2021-W40', program: PROGRAM_SLUGS.bankApps, mailer, from: FROM, appUrl: APP_URL, now: NOW });
    mailer.close();
    expect(retried.recipients.map((r) => r.outcome)).toEqual(['sent', 'sent']);
    const zh = parseMime(received.find((m) => m.to.includes('exec@hutong.test'))!.raw);
    expect(decodeWords(zh.headers.get('subject')!)).toBe('互通周报 2021-W40（2021-10-04 至 2021-10-10）· 支付宝收款码向银行 App 开放');
  }, 60_000);

  it('in a dry run renders and reports but neither sends nor records', async () => {
    const mailer = smtp();
    const report = await sendWeeklySummary(t.db, archive, { week: '2021-W41', program: null, mailer, from: FROM, appUrl: APP_URL, now: NOW, dryRun: true });
    mailer.close();
    expect(report.recipients.map((r) => r.outcome)).toEqual(['dry-run', 'dry-run']);
    expect(received).toHaveLength(0);
    expect(await archive.listDeliveries('2021-W41', '*')).toEqual([]);
  });
});

describe('summary send without SMTP', { timeout: 60_000 }, () => {
  it('writes one .eml per recipient to the outbox folder', async () => {
    const outbox = path.join(dir, 'outbox');
    const mailer = createMailer(null, { outboxDir: outbox });
    expect(mailer.kind).toBe('outbox');
    const report = await sendWeeklySummary(t.db, archive, { week: '2021-W48', program: null, mailer, from: FROM, appUrl: APP_URL, now: NOW });
    mailer.close();
    expect(report.recipients.map((r) => r.outcome)).toEqual(['sent', 'sent']);
    const files = fs.readdirSync(outbox).sort();
    expect(files).toEqual(['2021-W48-all-ceo@hutong.test.eml', '2021-W48-all-exec@hutong.test.eml']);
    const mime = parseMime(fs.readFileSync(path.join(outbox, files[0]!), 'utf8'));
    expect(decodeWords(mime.headers.get('subject')!)).toBe('Hutong weekly summary 2021-W48 (2021-11-29 to 2021-12-05)');
    const html = leaves(mime).find((p) => p.headers.get('content-type')!.startsWith('text/html'))!.body.toString('utf8');
    expect(html).toContain('Reached nationwide coverage on 2021-12-02, 119 days ahead of the 2022-03-31 target.');
  }, 60_000);
});
