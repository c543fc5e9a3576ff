/**
 * `npm start` as an operator runs it, on a fresh demo database: the refusal to serve the published
 * demo password on a public interface happens before anything is built or served.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-start-'));

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('npm start on a public interface', { timeout: 120_000 }, () => {
  it('refuses while the demo users have the published password, in one line naming the fix', async () => {
    const run = await start({
      DATABASE_URL: `file:${path.join(dir, 'demo.db')}`,
      HUTONG_DEMO: 'true',
      HOST: '0.0.0.0',
      AUTH_SECRET: 'start-test-secret-start-test-secret-0123',
    });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^hutong: refusing to listen on 0\.0\.0\.0: .*admin@hutong\.test.*published demo password.*reset-password.*HOST=127\.0\.0\.1/);
  });
});
