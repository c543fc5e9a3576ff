/**
 * The operator CLI as an operator runs it: a real process (tsx) against a migrated temporary
 * database, checking exit codes, output and what ends up in the database.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseUrlOf, runCli, type CliRun } from '../tests/helpers/run-cli';
import { withTestDb } from '../tests/helpers/test-db';
import { verifyPassword } from '../lib/auth/password';

const cli = (args: string[], options: { stdin?: string; databaseUrl?: string } = {}): Promise<CliRun> =>
  runCli(options.databaseUrl ?? databaseUrlOf(t.config), args, { stdin: options.stdin });

const t = withTestDb(async (t) => {
  await t.db.institution.create({ data: { code: 'ICBC', nameZh: '中国工商银行', nameEn: 'ICBC', type: 'STATE_OWNED_BANK' } });
});

// Each run starts tsx (1-3 s on a busy 2-core machine).
describe('npm run cli -- user ...', { timeout: 60_000 }, () => {
  it('creates the first admin and a partner, audited as the CLI, and lists them', async () => {
    const admin = await cli(['user', 'create', '--email', 'Ops@Example.cn', '--role', 'ADMIN', '--password', 'Ops-Password-2021']);
    expect(admin).toEqual({ code: 0, stdout: 'created ops@example.cn (ADMIN)\n', stderr: '' });
    const partner = await cli(['user', 'create', '--email', 'li@icbc.test', '--role', 'PARTNER', '--institution', 'ICBC', '--password', 'Partner-Password-1']);
    expect(partner.code).toBe(0);
    expect(partner.stdout).toBe('created li@icbc.test (PARTNER, ICBC)\n');

    const stored = await t.db.user.findUniqueOrThrow({ where: { email: 'ops@example.cn' } });
    expect(await verifyPassword(stored.passwordHash, 'Ops-Password-2021')).toBe(true);
    const audit = await t.db.auditLog.findFirst({ where: { action: 'user.create', entityId: stored.id } });
    expect(audit).toMatchObject({ outcome: 'ALLOWED', actorId: null, actorRole: 'ADMIN', source: 'cli' });

    const list = await cli(['user', 'list']);
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^EMAIL\s+ROLE\s+INSTITUTION\s+STATUS\s+NAME$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 4))).toEqual([
      ['ops@example.cn', 'ADMIN', '-', 'active'],
      ['li@icbc.test', 'PARTNER', 'ICBC', 'active'],
    ]);
    expect(list.stdout).not.toContain('argon2');
  });

  it.each([
    ['an unknown role', ['user', 'create', '--email', 'x@bank.test', '--role', 'ROOT', '--password', 'Valid-Password-1'], /unknown role "ROOT"/],
    ['a missing flag', ['user', 'create', '--email', 'x@bank.test', '--role', 'EXECUTIVE'], /missing --password/],
    ['a flag without value', ['user', 'create', '--email', '--role', 'EXECUTIVE', '--password', 'Valid-Password-1'], /--email needs a value/],
    ['an unknown flag', ['user', 'list', '--all'], /unknown flag --all/],
    ['a weak password', ['user', 'create', '--email', 'x@bank.test', '--role', 'EXECUTIVE', '--password', '12345678'], /--password: .*too common/],
    ['a short password', ['user', 'create', '--email', 'x@bank.test', '--role', 'EXECUTIVE', '--password', 'short'], /--password: .*at least 8/],
    ['an unknown institution', ['user', 'create', '--email', 'x@bank.test', '--role', 'PARTNER', '--institution', 'NOPE', '--password', 'Valid-Password-1'], /--institution: No such institution/],
    ['a partner without institution', ['user', 'create', '--email', 'x@bank.test', '--role', 'PARTNER', '--password', 'Valid-Password-1'], /--institution: Partner users need an institution/],
    ['a duplicate email', ['user', 'create', '--email', 'OPS@example.cn', '--role', 'EXECUTIVE', '--password', 'Valid-Password-1'], /--email: An account with this email already exists/],
    ['an unknown user', ['user', 'disable', '--email', 'nobody@bank.test'], /no user with email nobody@bank.test/],
    ['an unknown command', ['user', 'delete', '--email', 'ops@example.cn'], /unknown command "user delete"/],
  ])('refuses %s with exit code 2 and one line on stderr', async (_label, args, message) => {
    const before = await t.db.user.count();
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(await t.db.user.count()).toBe(before);
  });

  it('resets a password (from stdin with --password -) and disables an account, ending its sessions', async () => {
    const before = await t.db.user.findUniqueOrThrow({ where: { email: 'li@icbc.test' } });
    const reset = await cli(['user', 'reset-password', '--email', 'li@icbc.test', '--password', '-'], { stdin: 'Piped-New-Password-5\n' });
    expect(reset.code).toBe(0);
    const afterReset = await t.db.user.findUniqueOrThrow({ where: { email: 'li@icbc.test' } });
    expect(await verifyPassword(afterReset.passwordHash, 'Piped-New-Password-5')).toBe(true);
    expect(afterReset.sessionVersion).toBe(before.sessionVersion + 1);

    const disable = await cli(['user', 'disable', '--email', 'li@icbc.test']);
    expect(disable).toMatchObject({ code: 0, stdout: 'disabled li@icbc.test\n' });
    const afterDisable = await t.db.user.findUniqueOrThrow({ where: { email: 'li@icbc.test' } });
    expect(afterDisable).toMatchObject({ disabled: true, sessionVersion: before.sessionVersion + 2 });
  });

  it('enables a disabled account again; its sessions stay ended', async () => {
    const before = await t.db.user.findUniqueOrThrow({ where: { email: 'li@icbc.test' } });
    expect(before.disabled).toBe(true);
    const enable = await cli(['user', 'enable', '--email', 'LI@icbc.test']);
    expect(enable).toEqual({ code: 0, stdout: 'enabled li@icbc.test\n', stderr: '' });
    const after = await t.db.user.findUniqueOrThrow({ where: { email: 'li@icbc.test' } });
    expect(after).toMatchObject({ disabled: false, sessionVersion: before.sessionVersion });
    const audit = await t.db.auditLog.findFirst({ where: { action: 'user.enable', entityId: after.id } });
    expect(audit).toMatchObject({ outcome: 'ALLOWED', source: 'cli' });
    const unknown = await cli(['user', 'enable', '--email', 'nobody@bank.test']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no user with email nobody@bank.test/);
  });

  it('refuses to disable the last admin (exit 2)', async () => {
    const run = await cli(['user', 'disable', '--email', 'ops@example.cn']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/last active administrator/);
  });

  it('never creates or migrates a database: a missing one is exit 1 with what to do', async () => {
    const missing = path.join(path.dirname(t.config.url), 'does-not-exist.db');
    const run = await cli(['user', 'list'], { databaseUrl: `file:${missing}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no database at .*does-not-exist\.db: run `npm start` once/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('npm run cli -- token ...', { timeout: 60_000 }, () => {
  it('creates a token that expires after --expires-in days, and lists its expiry', async () => {
    const before = Date.now();
    const run = await cli(['token', 'create', '--email', 'li@icbc.test', '--name', 'quarterly', '--expires-in', '90d']);
    expect(run.code).toBe(0);
    const stored = await t.db.apiToken.findFirstOrThrow({ where: { name: 'quarterly' } });
    expect(stored.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 90 * 86_400_000);
    expect(stored.expiresAt!.getTime()).toBeLessThan(Date.now() + 90 * 86_400_000);
    expect(run.stdout).toContain(`it expires at ${stored.expiresAt!.toISOString()}`);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^hut_/);

    const forever = await cli(['token', 'create', '--email', 'li@icbc.test', '--name', 'forever']);
    expect(forever.code).toBe(0);
    expect(forever.stdout).toContain('it does not expire');

    const list = await cli(['token', 'list']);
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^PREFIX\s+USER\s+NAME\s+CREATED\s+LAST USED\s+EXPIRES\s+STATUS$/);
    expect(lines.find((l) => l.includes('quarterly'))).toContain(stored.expiresAt!.toISOString());
    expect(lines.find((l) => l.includes('forever'))).toMatch(/\snever\s+active$/);
  });

  it.each([['0d'], ['3651d'], ['90'], ['3m'], ['-5d'], ['1.5d']])('refuses --expires-in %s with exit code 2 and one line', async (value) => {
    const before = await t.db.apiToken.count();
    const run = await cli(['token', 'create', '--email', 'li@icbc.test', `--expires-in=${value}`]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--expires-in: use a number of days from 1d to 3650d/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(await t.db.apiToken.count()).toBe(before);
  });

  it('disabling the user revokes the tokens for good: enabling does not bring them back', async () => {
    expect(await t.db.apiToken.count({ where: { user: { email: 'li@icbc.test' }, revokedAt: null } })).toBeGreaterThan(0);
    expect((await cli(['user', 'disable', '--email', 'li@icbc.test'])).code).toBe(0);
    expect((await cli(['user', 'enable', '--email', 'li@icbc.test'])).code).toBe(0);
    expect(await t.db.apiToken.count({ where: { user: { email: 'li@icbc.test' }, revokedAt: null } })).toBe(0);
    const list = await cli(['token', 'list']);
    for (const line of list.stdout.trim().split('\n').slice(1)) expect(line).toMatch(/\srevoked$/);
  });
});
