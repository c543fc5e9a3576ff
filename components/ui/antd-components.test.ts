/**
 * The static stylesheet holds only the components listed in antd-components.ts; one imported
 * from antd but not listed would have its styles inlined into every page that shows it.
 */
import * as antd from 'antd';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ANTD_COMPONENTS } from './antd-components';

const root = path.resolve(__dirname, '../..');
const SOURCE_DIRS = ['app', 'components', 'lib'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** `antd/es/input-number` -> `InputNumber`. */
function componentOfPath(subpath: string): string {
  return subpath
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** The components a file takes from antd at runtime (type-only imports carry no styles). */
function antdImportsOf(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    const from = statement.moduleSpecifier.text;
    if (from === 'antd' && clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
      for (const element of clause.namedBindings.elements) {
        if (!element.isTypeOnly) names.push((element.propertyName ?? element.name).text);
      }
    }
    const subpath = /^antd\/(?:es|lib)\/([a-z-]+)$/.exec(from)?.[1];
    if (subpath && clause.name) names.push(componentOfPath(subpath));
  }
  return names;
}

/** Imported from antd but not components: they register no styles of their own. */
const NOT_STYLED = new Set(['ConfigProvider', 'theme']);

describe('the static stylesheet lists every Ant Design component the app uses', () => {
  it('reads value, renamed and per-component imports, and skips type-only ones', () => {
    const text = [
      "import { Button, App as AntdApp, type TableProps } from 'antd';",
      "import type { InputRef } from 'antd';",
      "import InputNumber from 'antd/es/input-number';",
    ].join('\n');
    expect(antdImportsOf('x.tsx', text)).toEqual(['Button', 'App', 'InputNumber']);
  });

  it('has every component imported under app/, components/ and lib/', () => {
    const listed = new Set<string>(ANTD_COMPONENTS);
    const missing = new Map<string, string>();
    for (const dir of SOURCE_DIRS) {
      for (const file of sourceFiles(path.join(root, dir))) {
        for (const name of antdImportsOf(file, fs.readFileSync(file, 'utf8'))) {
          if (!listed.has(name) && !NOT_STYLED.has(name)) missing.set(name, path.relative(root, file));
        }
      }
    }
    expect(Object.fromEntries(missing), 'add these to components/ui/antd-components.ts and run npm run styles:build').toEqual({});
  });

  it('Server Components take antd components one by one, never from the barrel', () => {
    // antd's barrel is a 'use client' module: a Server Component importing from 'antd' makes the
    // browser load one chunk with every antd component any Server Component uses, on every page
    // that shows one of them. `import Tag from 'antd/es/tag'` loads only the tag.
    const barrel = new Set<string>();
    for (const dir of SOURCE_DIRS) {
      for (const file of sourceFiles(path.join(root, dir))) {
        const text = fs.readFileSync(file, 'utf8');
        if (/^\s*['"]use client['"]/.test(text)) continue;
        const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
        for (const statement of source.statements) {
          if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
          if (statement.moduleSpecifier.text !== 'antd' || !statement.importClause || statement.importClause.isTypeOnly) continue;
          const bindings = statement.importClause.namedBindings;
          const values = bindings && ts.isNamedImports(bindings) ? bindings.elements.filter((element) => !element.isTypeOnly) : [bindings];
          if (values.length > 0 || statement.importClause.name) barrel.add(path.relative(root, file));
        }
      }
    }
    // Not components: the script and the list's own check read the barrel on purpose.
    barrel.delete('components/ui/antd-static-styles.ts');
    expect([...barrel]).toEqual([]);
  });

  it('names only things antd exports', () => {
    const unknown = ANTD_COMPONENTS.filter((name) => !(name in antd));
    expect(unknown).toEqual([]);
  });
});
