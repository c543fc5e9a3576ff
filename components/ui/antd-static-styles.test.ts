/**
 * app/antd.css, app/antd-public.css and their keys are generated and committed; a change to the theme, the
 * component list or antd itself without `npm run styles:build` would leave pages styled by an old
 * sheet. The check regenerates both in memory (in a production NODE_ENV, as the build does) and
 * compares.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANTD_SHEETS } from './antd-static-styles';
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

  it.each(Object.values(ANTD_SHEETS).map((s) => s.cssFile))("%s carries the app's theme under the fixed variable class, with production class names", (file) => {
    const css = fs.readFileSync(path.join(root, file), 'utf8');
    expect(css).toMatch(new RegExp(`\\.css-var-hutong\\{[^}]*--ant-color-primary:${PRIMARY_COLOR};`, 'i'));
    expect(css).not.toContain('css-dev-only-do-not-override');
    // The record cssinjs reads in the browser to skip styles the sheet already has.
    expect(css).toContain('.data-ant-cssinjs-cache-path{content:"');
  });

  it('the signed-out sheet is a part of the whole app\'s: every entry it holds, the app\'s holds too', () => {
    const keys = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as string[];
    const app = new Set(keys(ANTD_SHEETS.app.keysFile));
    const signedOut = keys(ANTD_SHEETS.public.keysFile);
    expect(signedOut.filter((k) => !app.has(k))).toEqual([]);
    expect(signedOut.length).toBeLessThan(app.size / 2);
  });
});
