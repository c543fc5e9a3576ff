/** The operator CLI (`npm run cli -- ...`), run against a test database as an operator would. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from '@playwright/test';
import { ROOT } from './settings';

const run = promisify(execFile);

/** Runs `npm run cli -- ...` against `databaseUrl`; resolves with stdout. */
export async function cli(databaseUrl: string, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/cli.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', NODE_ENV: 'production' },
  });
  return stdout;
}

/** `token create`: the token is alone on the last line of the output. */
export async function createToken(databaseUrl: string, email: string, name = 'contract test'): Promise<string> {
  const out = await cli(databaseUrl, ['token', 'create', '--email', email, '--name', name]);
  const token = out.trim().split('\n').at(-1) ?? '';
  expect(token).toMatch(/^hut_[A-Za-z0-9_-]{43}$/);
  return token;
}
