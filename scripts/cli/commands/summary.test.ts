/**
 * `npm run cli -- summary ...` as an operator runs it: a real tsx process against a seeded
 * temporary database, mailing through a real SMTP server started here.
 */
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDemoDb } from '../../../tests/helpers/demo-db';

const root = path.resolve(__dirname, '../../..');
let server: SMTPServer;
let port: number;
const received: Array<{ to: string[]; raw: string }> = [];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  const databaseUrl = t.config.provider === 'sqlite' ? `file:${t.config.url}` : t.config.url;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/cli.ts', ...args], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'silent',
        NODE_ENV: 'production',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(port),
        MAIL_FROM: 'summary@hutong.test',
        APP_URL: 'https://hutong.example.cn',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end('');
  });
}

const { t } = withDemoDb();
beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('npm run cli -- summary ...', { timeout: 90_000 }, () => {
  it('generates a week once, then reports the archived one', async () => {
    const first = await cli(['summary', 'generate', '--week', '2021-W39']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('2021-W39 (2021-09-27 to 2021-10-03), all programs: generated and archived now');
    expect(first.stdout).toContain('alipay-unionpay-offline: 49 / 337 (14.5%), +2, Off track');
    expect(first.stdout).toContain('alipay-bank-apps: 23 / 28 (82.1%), no change, On track');
    expect(first.stdout).toContain('At this pace nationwide coverage arrives on');

    const again = await cli(['summary', 'generate', '--week', '2021-W39']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/all programs: already archived \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Shanghai\)/);

    const list = await cli(['summary', 'list']);
    expect(list.stdout).toMatch(/^2021-W39 {2}all programs/m);
    expect(list.stdout).toMatch(/^2021-W39 {2}alipay-bank-apps/m);
  });

  it('mails a week to the executives once; the second run sends nothing', async () => {
    const dry = await cli(['summary', 'send', '--week', '2021-W40', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would send');
    expect(dry.stdout).toContain('exec@hutong.test (zh-CN) "互通周报 2021-W40（2021-10-04 至 2021-10-10）"');
    expect(received).toHaveLength(0);

    const sent = await cli(['summary', 'send', '--week', '2021-W40']);
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain(`-> smtp smtp://127.0.0.1:${port}`);
    expect(sent.stdout).toContain('1 sent, 0 already sent, 0 dry run, 0 failed');
    expect(received.map((m) => m.to)).toEqual([['exec@hutong.test']]);

    const again = await cli(['summary', 'send', '--week', '2021-W40']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 sent, 1 already sent');
    expect(received).toHaveLength(1);
  });

  it.each([
    ['an impossible week', ['summary', 'generate', '--week', '2021-W99'], /--week: "2021-W99" is not an ISO week/],
    ['a week not over yet', ['summary', 'send', '--week', '2099-W01'], /week 2099-W01 has not ended yet/],
    ['an unknown program', ['summary', 'generate', '--week', '2021-W39', '--program', 'nope'], /no program nope/],
    ['a value for a switch', ['summary', 'send', '--week', '2021-W39', '--dry-run=yes'], /--dry-run takes no value/],
  ])('refuses %s with exit code 2', async (_label, args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});
