/**
 * The operator CLI (`npm run cli -- ...`) as an operator runs it: its own process (tsx) against a
 * database, with only the environment given here. Shared by the CLI's tests and the API tests.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { DatabaseConfig } from '../../lib/env';

const root = path.resolve(__dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** DATABASE_URL of a test database. */
export function databaseUrlOf(config: DatabaseConfig): string {
  return config.provider === 'sqlite' ? `file:${config.url}` : config.url;
}

export function runCli(databaseUrl: string, args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/cli.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', NODE_ENV: 'production', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
