/**
 * The signed-out pages (sign-in, not found, the error pages), the root layout every page shares,
 * the signed-in frame and the weekly summary are plain markup: nothing they import, however deep,
 * reaches Ant Design, its icons, the query client or the charts. Those come from
 * app/(dashboard)/(antd)/layout.tsx, for the pages that use them
 * (docs/decisions/045-plain-public-pages.md); one import here would put them back into the pages
 * phones load first.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const ENTRIES = [
  'app/layout.tsx',
  'app/sign-in/page.tsx',
  'app/not-found.tsx',
  'app/error.tsx',
  'app/global-error.tsx',
  // The signed-in frame, and the weekly summary an executive reads on a phone.
  'app/(dashboard)/layout.tsx',
  'app/(dashboard)/summary/page.tsx',
  'app/(dashboard)/summary/[week]/page.tsx',
  'app/(dashboard)/summary/archive/page.tsx',
];
/** Components and providers: a Server Component importing them ships them to the browser too. */
const HEAVY = /^(antd|@ant-design\/|@tanstack\/react-query)(\/|$)/;
/** Code that is heavy in the browser only: the server draws the summary's chart images with it. */
const HEAVY_IN_BROWSER = /^(echarts|echarts-for-react)(\/|$)/;

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

const isClientModule = (file: string) => /^\s*['"]use client['"]/.test(fs.readFileSync(file, 'utf8'));

/** Every heavy package reachable from `entry`, with the chain of files that leads to it. */
function heavyImports(entry: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  const walk = (file: string, chain: string[], inBrowser: boolean) => {
    const browser = inBrowser || isClientModule(file);
    if (seen.has(`${browser}|${file}`)) return;
    seen.add(`${browser}|${file}`);
    for (const specifier of importsOf(file)) {
      const here = [...chain, path.relative(root, file)];
      if (HEAVY.test(specifier) || (browser && HEAVY_IN_BROWSER.test(specifier))) problems.push(`${here.join(' -> ')} -> ${specifier}`);
      else if (specifier.startsWith('.') || specifier.startsWith('@/')) {
        const next = resolveLocal(file, specifier);
        if (next && /\.tsx?$/.test(next)) walk(next, here, browser);
      }
    }
  };
  walk(path.join(root, entry), [], false);
  return problems;
}

describe('the signed-out pages, the signed-in frame and the weekly summary are plain markup', () => {
  it.each(ENTRIES)('%s reaches no Ant Design, query client or chart code', (entry) => {
    expect(heavyImports(entry)).toEqual([]);
  });

  it('the Ant Design layout is where they come from (the check walks far enough to find them)', () => {
    const found = heavyImports('app/(dashboard)/(antd)/layout.tsx');
    expect(found.some((chain) => chain.endsWith('-> antd'))).toBe(true);
    expect(found.some((chain) => chain.endsWith('-> @tanstack/react-query'))).toBe(true);
    // The dashboard's charts are browser code; the summary's chart images are drawn on the server.
    expect(heavyImports('app/(dashboard)/(antd)/page.tsx').some((chain) => /-> echarts(\/|$)/.test(chain))).toBe(true);
  });
});
