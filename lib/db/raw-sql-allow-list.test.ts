import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

/** The only files that may send raw SQL; each says why at its top. */
const ALLOWED = new Set(['lib/db.ts', 'lib/db/migrate.ts', 'lib/db/backup.ts', 'lib/db/serialized-sqlite.ts', 'lib/coverage/as-of-sql.ts', 'lib/coverage/history-cache.ts']);
const RAW = /\$queryRaw|\$executeRaw|\.query\(|executeScript\(|queryRawUnsafe|executeRawUnsafe/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('raw SQL', () => {
  it('appears only in the allow-listed files', () => {
    const offenders = ['lib', 'app', 'components']
      .filter((d) => fs.existsSync(d))
      .flatMap(sourceFiles)
      .filter((f) => RAW.test(fs.readFileSync(f, 'utf8')) && !ALLOWED.has(f.split(path.sep).join('/')));
    expect(offenders).toEqual([]);
  });

  it('is never built from strings with ${} outside tagged templates', () => {
    for (const f of ALLOWED) {
      const text = fs.readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/(queryRawUnsafe|executeRawUnsafe)\(`[^`]*\$\{/);
    }
  });
});
