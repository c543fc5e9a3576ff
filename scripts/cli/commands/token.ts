/**
 * `token create | revoke | list`: the same mutations as the admin tokens page
 * (lib/tokens/mutations.ts), run as the CLI's operator context (see ../context.ts).
 *
 * `token create` prints the token once, alone on the last line of its output, so a script can
 * take it with `tail -n 1`; it is never stored or shown again.
 */
import { createApiToken, revokeUserApiTokens } from '../../../lib/tokens/mutations';
import { isExpired, listApiTokens, type ApiTokenDto } from '../../../lib/tokens/queries';
import { MAX_TOKEN_EXPIRY_DAYS } from '../../../lib/tokens/schema';
import { getUserByEmail } from '../../../lib/users/queries';
import { CliUsageError, type CliCommand, type CliEnv } from '../types';

function tokenStatus(token: ApiTokenDto, now: Date): string {
  if (token.revokedAt) return 'revoked';
  return isExpired(token.expiresAt ? new Date(token.expiresAt) : null, now) ? 'expired' : 'active';
}

async function requireUser(env: CliEnv, email: string) {
  const user = await getUserByEmail(await env.db(), env.ctx.viewer, email);
  if (!user) throw new CliUsageError(`no user with email ${email.trim().toLowerCase()}`);
  return user;
}

/** `--expires-in Nd`: whole days, as the admin page's form allows. */
function expiryDays(value: string): number {
  const match = /^(\d{1,4})d$/.exec(value.trim());
  const days = match ? Number(match[1]) : NaN;
  if (!(days >= 1 && days <= MAX_TOKEN_EXPIRY_DAYS)) {
    throw new CliUsageError(`--expires-in: use a number of days from 1d to ${MAX_TOKEN_EXPIRY_DAYS}d, e.g. 90d (got "${value}")`);
  }
  return days;
}

export const tokenCommands: readonly CliCommand[] = [
  {
    group: 'token',
    name: 'create',
    summary: "Create an API token for a user (it acts with the user's role and institution); prints it once, on the last line.",
    flags: [
      { name: 'email', required: true, placeholder: 'E' },
      { name: 'name', required: false, placeholder: 'NAME' },
      { name: 'expires-in', required: false, placeholder: 'Nd' },
    ],
    async run(flags, env) {
      // Checked before the lookup, so a typo is reported whatever the email.
      const expiresInDays = flags['expires-in'] === undefined ? null : expiryDays(flags['expires-in']);
      const user = await requireUser(env, flags.email!);
      const { token, apiToken } = await createApiToken(await env.db(), env.ctx, {
        userId: user.id,
        name: flags.name ?? `CLI ${new Date().toISOString().slice(0, 10)}`,
        expiresInDays,
      });
      env.io.out(`created token "${apiToken.name}" (${apiToken.prefix}...) for ${user.email} (${user.role}${user.institutionCode ? `, ${user.institutionCode}` : ''})`);
      env.io.out(apiToken.expiresAt ? `it expires at ${apiToken.expiresAt}` : 'it does not expire');
      env.io.out('store it now: it is shown only this once');
      env.io.out(token);
    },
  },
  {
    group: 'token',
    name: 'revoke',
    summary: "Revoke every active API token of a user; refused from the next request on.",
    flags: [{ name: 'email', required: true, placeholder: 'E' }],
    async run(flags, env) {
      const user = await requireUser(env, flags.email!);
      const revoked = await revokeUserApiTokens(await env.db(), env.ctx, { userId: user.id });
      env.io.out(`revoked ${revoked.length} token${revoked.length === 1 ? '' : 's'} of ${user.email}`);
    },
  },
  {
    group: 'token',
    name: 'list',
    summary: 'List API tokens (never the tokens themselves) with their last use and expiry.',
    flags: [],
    async run(_flags, env) {
      const tokens = await listApiTokens(await env.db(), env.ctx.viewer);
      const now = new Date();
      const rows = [
        ['PREFIX', 'USER', 'NAME', 'CREATED', 'LAST USED', 'EXPIRES', 'STATUS'],
        ...tokens.map((t) => [t.prefix, t.user.email, t.name, t.createdAt, t.lastUsedAt ?? '-', t.expiresAt ?? 'never', tokenStatus(t, now)]),
      ];
      const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
      for (const row of rows) env.io.out(row.map((cell, col) => cell.padEnd(widths[col]!)).join('  ').trimEnd());
    },
  },
];
