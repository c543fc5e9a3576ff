/**
 * The project's own import graph, read from the source with the TypeScript parser: what a page,
 * layout or module loads, however deep, and which of it runs in the browser ('use client' and
 * everything below it). Tests use it to hold promises about what pages send to a phone.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const root = path.resolve(__dirname, '../..');

/** A `@/` or relative specifier as a file of the project, or null (a package, a stylesheet). */
export function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.') && !specifier.startsWith('@/')) return null;
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return /\.tsx?$/.test(candidate) ? candidate : null;
  }
  return null;
}

export interface ImportOf {
  specifier: string;
  /** An `import()`: loaded when the code runs it, in a chunk of its own, not with the page. */
  lazy: boolean;
}

const parsed = new Map<string, ts.SourceFile>();

/** The parsed source of a file, read once per test run. */
export function sourceOf(file: string): ts.SourceFile {
  let source = parsed.get(file);
  if (!source) {
    source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    parsed.set(file, source);
  }
  return source;
}

/** Runtime imports of a file (type-only ones load nothing), including `import()` and re-exports. */
export function importsOf(file: string): ImportOf[] {
  const found: ImportOf[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && !node.importClause?.isTypeOnly) {
      found.push({ specifier: node.moduleSpecifier.text, lazy: false });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      found.push({ specifier: node.moduleSpecifier.text, lazy: false });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) found.push({ specifier: arg.text, lazy: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceOf(file));
  return found;
}

export const isClientModule = (file: string) => /^\s*['"]use client['"]/.test(sourceOf(file).text);

export interface Visit {
  file: string;
  /** The files from the entry to this one. */
  chain: string[];
  /** Runs in the browser: a 'use client' module or anything it imports. */
  inBrowser: boolean;
  /** Only behind an `import()` somewhere on the way: not part of the page's first load. */
  lazy: boolean;
}

/**
 * Walks every project file reachable from `entry` (a path from the repository's root), calling
 * `onFile` once per file and way of reaching it, and `onPackage` for each import of a package.
 */
export function walkImports(
  entry: string,
  onFile: (visit: Visit) => void,
  onPackage: (visit: Visit, specifier: string, lazy: boolean) => void = () => {},
): void {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[], inBrowser: boolean, lazy: boolean) => {
    const browser = inBrowser || isClientModule(file);
    const key = `${browser}|${lazy}|${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    const visit = { file, chain, inBrowser: browser, lazy };
    onFile(visit);
    const here = [...chain, path.relative(root, file)];
    for (const { specifier, lazy: isLazy } of importsOf(file)) {
      const next = resolveLocal(file, specifier);
      if (next) walk(next, here, browser, lazy || isLazy);
      else if (!specifier.startsWith('.') && !specifier.startsWith('@/')) onPackage({ ...visit, chain: here }, specifier, lazy || isLazy);
    }
  };
  walk(path.join(root, entry), [], false, false);
}
