/**
 * `token create | revoke | list`: the same mutations as the admin tokens page
 * (lib/tokens/mutations.ts), run as the CLI's operator context (see ../context.ts).
 *
 * `token create` prints the token once, alone on the last line of its output, so a script can
 * take it with `tail -n 1`; it is never stored or shown again.
 */
import { createApiToken, revokeUserApiTokens } from '../../../lib/tokens/mutations';
import { listApiTokens } from '../../../lib/tokens/queries';
import { getUserByEmail } from '../../../lib/users/queries';
import { CliUsageError, type CliCommand, type CliEnv } from '../types';

async function requireUser(env: CliEnv, email: string) {
  const user = await getUserByEmail(await env.db(), env.ctx.viewer, email);
  if (!user) throw new CliUsageError(`no user with email ${email.trim().toLowerCase()}`);
  return user;
}

export const tokenCommands: readonly CliCommand[] = [
  {
    group: 'token',
    name: 'create',
    summary: "Create an API token for a user (it acts with the user's role and institution); prints it once, on the last line.",
    flags: [
      { name: 'email', required: true, placeholder: 'E' },
      { name: 'name', required: false, placeholder: 'NAME' },
    ],
    async run(flags, env) {
      const user = await requireUser(env, flags.email!);
      const { token, apiToken } = await createApiToken(await env.db(), env.ctx, {
        userId: user.id,
        name: flags.name ?? `CLI ${new Date().toISOString().slice(0, 10)}`,
      });
      env.io.out(`created token "${apiToken.name}" (${apiToken.prefix}...) for ${user.email} (${user.role}${user.institutionCode ? `, ${user.institutionCode}` : ''})`);
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
    summary: 'List API tokens (never the tokens themselves) with their last use.',
    flags: [],
    async run(_flags, env) {
      const tokens = await listApiTokens(await env.db(), env.ctx.viewer);
      const rows = [
        ['PREFIX', 'USER', 'NAME', 'CREATED', 'LAST USED', 'STATUS'],
        ...tokens.map((t) => [t.prefix, t.user.email, t.name, t.createdAt, t.lastUsedAt ?? '-', t.revokedAt ? 'revoked' : 'active']),
      ];
      const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
      for (const row of rows) env.io.out(row.map((cell, col) => cell.padEnd(widths[col]!)).join('  ').trimEnd());
    },
  },
];
