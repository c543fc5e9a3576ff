/**
 * app/antd.css and antd-static-keys.json are generated and committed; a change to the theme, the
 * component list or antd itself without `npm run styles:build` would leave pages styled by an old
 * sheet. The check regenerates both in memory (in a production NODE_ENV, as the build does) and
 * compares.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANTD_CSS_FILE } from './antd-static-styles';
import { PRIMARY_COLOR } from './theme';

const root = path.resolve(__dirname, '../..');

describe('the static Ant Design stylesheet', () => {
  it('is what `npm run styles:build` would write now', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/antd-css.ts', '--check'], {
      cwd: root,
      env: { PATH: process.env.PATH, NODE_ENV: 'production' },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it("carries the app's theme under the fixed variable class, with production class names", () => {
    const css = fs.readFileSync(path.join(root, ANTD_CSS_FILE), 'utf8');
    expect(css).toMatch(new RegExp(`\\.css-var-hutong\\{[^}]*--ant-color-primary:${PRIMARY_COLOR};`, 'i'));
    expect(css).not.toContain('css-dev-only-do-not-override');
    // The record cssinjs reads in the browser to skip styles the sheet already has.
    expect(css).toContain('.data-ant-cssinjs-cache-path{content:"');
  });
});
