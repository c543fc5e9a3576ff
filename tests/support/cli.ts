/** The operator CLI against a test run's database, as an operator would run it. */
import { expect } from '@playwright/test';
import { runCli } from '../helpers/run-cli';

/** Runs `npm run cli -- ...` against `databaseUrl`; resolves with stdout, rejects on a non-zero exit. */
export async function cli(databaseUrl: string, args: string[]): Promise<string> {
  const run = await runCli(databaseUrl, args);
  if (run.code !== 0) throw new Error(`cli ${args.slice(0, 2).join(' ')} exited with ${run.code}: ${run.stderr.trim()}`);
  return run.stdout;
}

/** `token create`: the token is alone on the last line of the output. */
export async function createToken(databaseUrl: string, email: string, name = 'contract test'): Promise<string> {
  const out = await cli(databaseUrl, ['token', 'create', '--email', email, '--name', name]);
  const token = out.trim().split('\n').at(-1) ?? '';
  expect(token).toMatch(/^hut_[A-Za-z0-9_-]{43}$/);
  return token;
}
