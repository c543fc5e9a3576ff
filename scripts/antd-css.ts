/**
 * `npm run styles:build` (and the `prebuild` hook, and `npm start` before it builds): writes
 * app/antd.css, the Ant Design styles of the components the app uses in its theme, and
 * components/ui/antd-static-keys.json, the style entries that sheet holds, which the runtime
 * registry (components/ui/antd-style-registry.tsx) leaves out of the page.
 * `--check` writes nothing and fails when either file differs from what would be written.
 * Why: docs/decisions/041-static-antd-stylesheet.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  ANTD_CSS_FILE,
  ANTD_STATIC_KEYS_FILE,
  buildAntdStyles,
  serializeKeys,
} from '../components/ui/antd-static-styles';

function fail(message: string): never {
  process.stderr.write(`hutong: ${message}\n`);
  process.exit(1);
}

function main(): void {
  const check = process.argv.includes('--check');
  const { css, keys } = buildAntdStyles();
  // Development class names would never match the production runtime's.
  if (css.includes('css-dev-only-do-not-override')) {
    fail('Ant Design styles must be extracted with NODE_ENV=production (run `npm run styles:build`).');
  }
  const files: Array<[string, string]> = [
    [ANTD_CSS_FILE, css],
    [ANTD_STATIC_KEYS_FILE, serializeKeys(keys)],
  ];
  if (check) {
    const stale = files.filter(([file, text]) => fs.readFileSync(path.resolve(file), 'utf8') !== text);
    if (stale.length > 0) {
      fail(`${stale.map(([file]) => file).join(' and ')} out of date: run \`npm run styles:build\` and commit the result.`);
    }
    return;
  }
  // Unchanged files keep their time stamp, which `npm start` compares with the last build's.
  for (const [file, text] of files) {
    if (fs.readFileSync(path.resolve(file), { encoding: 'utf8', flag: 'a+' }) !== text) fs.writeFileSync(path.resolve(file), text);
  }
  process.stdout.write(`hutong: wrote ${ANTD_CSS_FILE} (${Math.round(css.length / 1024)} kB, ${keys.length} style entries)\n`);
}

main();
