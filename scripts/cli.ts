/**
 * The operator CLI: `npm run cli -- <group> <command> [--flag value ...]`, e.g.
 *
 *   npm run cli -- user create --email admin@example.cn --role ADMIN --password '...'
 *   npm run cli -- user list
 *
 * Uses DATABASE_URL like the app, never migrates (run `npm start` once first), and changes data
 * only through lib/*\/mutations.ts, audited with source "cli". `--password -` reads the password
 * from standard input, keeping it out of shell history and the process list.
 *
 * Exit codes: 0 done; 2 bad input (unknown command, role or flag, missing flag, weak password,
 * unknown institution, duplicate email, unknown user); 1 anything else. Errors are one line on
 * stderr.
 */
import { ConfigError, getEnv } from '../lib/env';

function fail(code: 1 | 2, message: string): never {
  process.stderr.write(`hutong: ${message}\n`);
  process.exit(code);
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}

function isMissingTable(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2021';
}

async function main(argv: string[]): Promise<void> {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof ConfigError) fail(2, error.message);
    throw error;
  }
  // Loaded after the environment is known to be valid: lib/log reads it at import time.
  const [{ COMMANDS, FLAG_OF_FIELD }, { usageOf, parseFlags }, types, { CLI_CONTEXT, openDatabase }, { AppError }, { describeAppError }] =
    await Promise.all([
      import('./cli/registry'),
      import('./cli/args'),
      import('./cli/types'),
      import('./cli/context'),
      import('../lib/errors'),
      import('./cli/messages'),
    ]);

  const help = ['usage: npm run cli -- <command> [flags]', '', ...COMMANDS.map((c) => `  ${usageOf(c)}\n      ${c.summary}`)].join('\n');
  const [group, name, ...words] = argv;
  if (!group || group === '--help' || group === 'help') {
    process.stdout.write(`${help}\n`);
    return;
  }
  // A one-word command (`backup --to FILE`) has the name "" and takes everything after it as flags.
  const twoWord = COMMANDS.find((c) => c.group === group && c.name === name);
  const command = twoWord ?? COMMANDS.find((c) => c.group === group && c.name === '');
  const rest = twoWord || name === undefined ? words : [name, ...words];
  if (!command) fail(2, `unknown command "${[group, name].filter(Boolean).join(' ')}"; run \`npm run cli -- help\``);

  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    const flags = parseFlags(command, rest);
    await command.run(flags, {
      db: async () => (db ??= await openDatabase(env.database)),
      ctx: CLI_CONTEXT,
      io: { out: (line) => process.stdout.write(`${line}\n`), readStdin },
    });
  } catch (error) {
    if (error instanceof types.CliUsageError) fail(2, error.message);
    if (error instanceof types.CliFailure) fail(1, error.message);
    if (error instanceof AppError) {
      const message = describeAppError(error, (path) => FLAG_OF_FIELD[path]);
      fail(['VALIDATION', 'CONFLICT', 'NOT_FOUND'].includes(error.code) ? 2 : 1, message);
    }
    if (isMissingTable(error)) fail(1, 'the database has no tables yet: run `npm start` once (it applies the migrations)');
    fail(1, error instanceof Error ? error.message.split('\n').filter(Boolean).pop() ?? 'failed' : String(error));
  } finally {
    await db?.$disconnect();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => fail(1, error instanceof Error ? error.message : String(error)));
