/**
 * `user create | list | reset-password | disable | enable`: the same mutations as the admin page
 * (lib/users/mutations.ts), run as the CLI's operator context (see ../context.ts).
 */
import { createUser, disableUser, enableUser, resetPassword } from '../../../lib/users/mutations';
import { getUserByEmail, listUsers } from '../../../lib/users/queries';
import { ROLES } from '../../../lib/users/schema';
import { CliUsageError, type CliCommand, type CliEnv } from '../types';

/** `--password -` reads the password from standard input, keeping it out of shell history. */
async function passwordFrom(value: string, env: CliEnv): Promise<string> {
  if (value !== '-') return value;
  const text = await env.io.readStdin();
  return text.replace(/\r?\n$/, '');
}

async function requireUserId(env: CliEnv, email: string): Promise<string> {
  const user = await getUserByEmail(await env.db(), env.ctx.viewer, email);
  if (!user) throw new CliUsageError(`no user with email ${email.trim().toLowerCase()}`);
  return user.id;
}

function checkRole(role: string): void {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new CliUsageError(`unknown role "${role}"; use one of ${ROLES.join(', ')}`);
  }
}

export const userCommands: readonly CliCommand[] = [
  {
    group: 'user',
    name: 'create',
    summary: 'Create an account (partners need --institution).',
    flags: [
      { name: 'email', required: true, placeholder: 'E' },
      { name: 'role', required: true, placeholder: ROLES.join('|') },
      { name: 'institution', required: false, placeholder: 'CODE' },
      { name: 'name', required: false, placeholder: 'NAME' },
      { name: 'password', required: true, placeholder: 'P' },
    ],
    async run(flags, env) {
      checkRole(flags.role!);
      const user = await createUser(await env.db(), env.ctx, {
        email: flags.email,
        role: flags.role,
        institutionCode: flags.institution ?? null,
        name: flags.name ?? null,
        password: await passwordFrom(flags.password!, env),
      });
      env.io.out(`created ${user.email} (${user.role}${user.institutionCode ? `, ${user.institutionCode}` : ''})`);
    },
  },
  {
    group: 'user',
    name: 'list',
    summary: 'List every account.',
    flags: [],
    async run(_flags, env) {
      const users = await listUsers(await env.db(), env.ctx.viewer);
      const rows = [
        ['EMAIL', 'ROLE', 'INSTITUTION', 'STATUS', 'NAME'],
        ...users.map((u) => [u.email, u.role, u.institutionCode ?? '-', u.disabled ? 'disabled' : 'active', u.name]),
      ];
      const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
      for (const row of rows) env.io.out(row.map((cell, col) => cell.padEnd(widths[col]!)).join('  ').trimEnd());
    },
  },
  {
    group: 'user',
    name: 'reset-password',
    summary: "Set a new password; ends the user's sessions.",
    flags: [
      { name: 'email', required: true, placeholder: 'E' },
      { name: 'password', required: true, placeholder: 'P' },
    ],
    async run(flags, env) {
      const userId = await requireUserId(env, flags.email!);
      const user = await resetPassword(await env.db(), env.ctx, { userId, password: await passwordFrom(flags.password!, env) });
      env.io.out(`password reset for ${user.email}; their sessions have ended`);
    },
  },
  {
    group: 'user',
    name: 'disable',
    summary: 'Disable an account; ends its sessions and revokes its API tokens at once.',
    flags: [{ name: 'email', required: true, placeholder: 'E' }],
    async run(flags, env) {
      const userId = await requireUserId(env, flags.email!);
      const user = await disableUser(await env.db(), env.ctx, { userId });
      env.io.out(`disabled ${user.email}`);
    },
  },
  {
    group: 'user',
    name: 'enable',
    summary: 'Enable a disabled account; it signs in again, its old sessions and API tokens stay ended.',
    flags: [{ name: 'email', required: true, placeholder: 'E' }],
    async run(flags, env) {
      const userId = await requireUserId(env, flags.email!);
      const user = await enableUser(await env.db(), env.ctx, { userId });
      env.io.out(`enabled ${user.email}`);
    },
  },
];

/** Form field -> CLI flag, for error messages. */
export const USER_FLAG_OF_FIELD: Record<string, string> = {
  email: 'email',
  role: 'role',
  institutionCode: 'institution',
  name: 'name',
  password: 'password',
};
