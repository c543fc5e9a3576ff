/**
 * A signed-out visitor's pages get only PUBLIC_NAMESPACES: a client component on those pages that
 * reads another namespace would show raw message keys. The pages' imports are followed through the
 * repository, and every namespace a client component asks useTranslations for must be public.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import zhCN from '@/messages/zh-CN.json';
import { PUBLIC_NAMESPACES, pickMessages } from './client-messages';

const root = path.resolve(__dirname, '../..');
/** The pages a visitor without a session can open, and the layout and boundaries around them. */
const PUBLIC_ENTRIES = ['app/layout.tsx', 'app/sign-in/page.tsx', 'app/not-found.tsx', 'app/error.tsx'];

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** Namespaces asked for by client components reachable from the entries. */
function clientNamespaces(entries: string[]): Map<string, string> {
  const seen = new Set<string>();
  const namespaces = new Map<string, string>();
  const queue = entries.map((entry) => path.join(root, entry));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    if (/^['"]use client['"]/m.test(text)) {
      for (const match of text.matchAll(/useTranslations\(\s*'([^'.]+)/g)) namespaces.set(match[1]!, path.relative(root, file));
    }
    for (const match of text.matchAll(/^import\s[^'"]*?from\s+'([^']+)'/gm)) {
      const next = resolveImport(file, match[1]!);
      if (next) queue.push(next);
    }
  }
  return namespaces;
}

describe('messages for signed-out pages', () => {
  it('cover every namespace their client components read', () => {
    const used = clientNamespaces(PUBLIC_ENTRIES);
    // The sign-in form, the language switch and the error result at least.
    expect([...used.keys()]).toEqual(expect.arrayContaining(['auth', 'locale', 'errors']));
    const missing = [...used].filter(([namespace]) => !(PUBLIC_NAMESPACES as readonly string[]).includes(namespace));
    expect(Object.fromEntries(missing)).toEqual({});
  });

  it('pick only the named namespaces', () => {
    const picked = pickMessages(zhCN, PUBLIC_NAMESPACES);
    expect(Object.keys(picked).sort()).toEqual([...PUBLIC_NAMESPACES].sort());
    expect(picked.auth).toBe(zhCN.auth);
  });
});
