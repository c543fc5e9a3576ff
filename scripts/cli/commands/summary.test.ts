/**
 * `npm run cli -- summary ...` as an operator runs it: a real tsx process against a seeded
 * temporary database, mailing through a real SMTP server started here.
 */
import { describe, expect, it } from 'vitest';
import { withDemoDb } from '../../../tests/helpers/demo-db';
import { databaseUrlOf, runCli, type CliRun } from '../../../tests/helpers/run-cli';
import { withSmtpSink } from '../../../tests/helpers/smtp-sink';

const { t } = withDemoDb();
const smtp = withSmtpSink();
const { received } = smtp;

const cli = (args: string[]): Promise<CliRun> =>
  runCli(databaseUrlOf(t.config), args, {
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), MAIL_FROM: 'summary@hutong.test', APP_URL: 'https://hutong.example.cn' },
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
    expect(sent.stdout).toContain(`-> smtp smtp://127.0.0.1:${smtp.port}`);
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
