/**
 * Seeds the run's template database once per provider (the projects depend on this set-up), and
 * makes an API token for every demo user with the operator CLI, so every copy of the template has
 * them. The tokens are kept beside the template for the API fixtures.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEMO_EMAILS, type DemoUser } from '../helpers/demo-viewers';
import { createToken } from './cli';
import { resetTemplate } from './databases';
import { setup } from './fixtures';
import { E2E_PASSWORD, ROOT, tokensFile } from './settings';

const run = promisify(execFile);

setup('seed the demo data into the template database', async ({ databaseProvider }) => {
  setup.setTimeout(300_000);
  const url = await resetTemplate(databaseProvider);
  await run(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'tests/support/seed-template.ts', url, E2E_PASSWORD], { cwd: ROOT });
  const tokens: Partial<Record<DemoUser, string>> = {};
  // One after the other: SQLite has one write lock, and the CLI's writes would time out queueing for it.
  for (const who of Object.keys(DEMO_EMAILS) as DemoUser[]) tokens[who] = await createToken(url, DEMO_EMAILS[who], `contract ${who}`);
  fs.writeFileSync(tokensFile(databaseProvider), JSON.stringify(tokens));
});
