import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // CLI scripts may print; application code logs through the structured logger instead.
    files: ['app/**', 'components/**', 'lib/**', 'proxy.ts'],
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Configuration is parsed and validated once, in lib/env.ts; tests may stage their own values.
    files: ['app/**', 'components/**', 'lib/**', 'proxy.ts'],
    ignores: ['lib/env.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through lib/env.ts.' },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    'out/**',
    'build/**',
    'node_modules/**',
    'next-env.d.ts',
    'lib/generated/**',
    'public/geo/**',
    'test-results/**',
    'playwright-report/**',
  ]),
]);
