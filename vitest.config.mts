import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^server-only$/, replacement: `${root}tests/stubs/server-only.ts` },
      { find: /^@\//, replacement: root },
    ],
  },
  test: {
    environment: 'node',
    include: ['{lib,components,app,scripts,prisma}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/.next/**', 'tests/e2e/**'],
    // Many tests hash passwords (argon2) and write to a real database on two cores, beside a build
    // in CI: 5 s (the default) fails tests that are slow, not stuck. Speed is measured by
    // `npm run bench`, never by a test's timeout.
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
