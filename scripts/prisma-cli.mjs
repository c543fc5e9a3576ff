// Runs the Prisma CLI the only way that works offline here: JS engines, a DATABASE_URL always set
// (without one the CLI tries to download an engine), and long WASM timers unref'd so it exits.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export function runPrisma(args, { capture = false, databaseUrl } = {}) {
  const preload = path.join(root, 'scripts', 'prisma-timers.cjs');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'prisma', 'build', 'index.js'), ...args], {
    cwd: root,
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl ?? (process.env.DATABASE_URL || 'file:./data/prisma-cli.db'),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim(),
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
  return result.stdout;
}
