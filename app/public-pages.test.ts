/**
 * The signed-out pages (sign-in, not found, the error pages) and the root layout every page shares
 * are plain markup: nothing they import, however deep, reaches Ant Design, its icons, the query
 * client or the charts. Those are the signed-in layout's (docs/decisions/045-plain-public-pages.md);
 * one import here would put them back into the first page every phone loads.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const ENTRIES = ['app/layout.tsx', 'app/sign-in/page.tsx', 'app/not-found.tsx', 'app/error.tsx', 'app/global-error.tsx'];
const HEAVY = /^(antd|@ant-design\/|@tanstack\/react-query|echarts|echarts-for-react)(\/|$)/;

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Runtime imports of a file (type-only ones load nothing), including `import()` and re-exports. */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && !node.importClause?.isTypeOnly) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) found.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every heavy package reachable from `entry`, with the chain of files that leads to it. */
function heavyImports(entry: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of importsOf(file)) {
      const here = [...chain, path.relative(root, file)];
      if (HEAVY.test(specifier)) problems.push(`${here.join(' -> ')} -> ${specifier}`);
      else if (specifier.startsWith('.') || specifier.startsWith('@/')) {
        const next = resolveLocal(file, specifier);
        if (next && /\.tsx?$/.test(next)) walk(next, here);
      }
    }
  };
  walk(path.join(root, entry), []);
  return problems;
}

describe('the signed-out pages are plain markup', () => {
  it.each(ENTRIES)('%s reaches no Ant Design, query client or chart code', (entry) => {
    expect(heavyImports(entry)).toEqual([]);
  });

  it('the signed-in layout is where they come from (the check walks far enough to find them)', () => {
    const found = heavyImports('app/(dashboard)/layout.tsx');
    expect(found.some((chain) => chain.endsWith('-> antd'))).toBe(true);
    expect(found.some((chain) => chain.endsWith('-> @tanstack/react-query'))).toBe(true);
  });
});
