/**
 * Each page sends the browser only the message groups its client components read
 * (components/i18n/with-client-messages.tsx), and never fewer: a client component that reads a
 * group its page did not send shows raw message keys. Every route file's imports are followed
 * through the repository; each `useTranslations` of a module that runs in the browser must be
 * covered by what reaches that route: its own list, or else its nearest layout's, or else the root
 * layout's (the public groups, and the frame's once signed in). A list naming a group nothing reads
 * is a payload no one needs, and fails too.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import { ERROR_PAGE_MESSAGES, FRAME_MESSAGES, PUBLIC_MESSAGES, pickMessages } from '@/lib/i18n/client-messages';
import { root, sourceOf, walkImports } from '@/tests/helpers/import-graph';

const ROUTE_FILE = /^(page|layout|loading|error|not-found|template|default|global-error)\.tsx$/;
const NAMESPACES = new Set(Object.keys(zhCN));

function routeFiles(dir = 'app'): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return routeFiles(relative);
    return ROUTE_FILE.test(entry.name) ? [relative] : [];
  });
}

/**
 * The message groups one module asks for: `useTranslations('dashboard.map')` reads the group
 * `dashboard.map`. A translator of the whole catalogue (`useTranslations()`) reads the namespaces
 * its file names in string literals (`t('nav.openMenu')`); keys it is handed at run time must be
 * under those too.
 */
function groupsReadBy(file: string): string[] {
  const groups = new Set<string>();
  const literals: string[] = [];
  let wholeCatalogue = false;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'useTranslations') {
      const [arg] = node.arguments;
      if (!arg) wholeCatalogue = true;
      else if (ts.isStringLiteral(arg)) groups.add(arg.text);
      else throw new Error(`${path.relative(root, file)}: useTranslations with a namespace known only at run time`);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      literals.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceOf(file));
  if (wholeCatalogue) {
    for (const literal of literals) {
      const [head] = literal.split('.');
      if (literal.includes('.') && NAMESPACES.has(head!)) groups.add(head!);
    }
  }
  return [...groups];
}

/** Every group read in the browser by what `entry` loads, with a module that reads it. */
function groupsNeeded(entry: string): Map<string, string> {
  const needed = new Map<string, string>();
  walkImports(entry, ({ file, inBrowser }) => {
    if (inBrowser) for (const group of groupsReadBy(file)) needed.set(group, path.relative(root, file));
  });
  return needed;
}

/** The list of `export default withClientMessages([...], Route)`, or null for a route without one. */
function ownList(file: string): string[] | null {
  let list: string[] | null = null;
  const visit = (node: ts.Node) => {
    if (ts.isExportAssignment(node) && ts.isCallExpression(node.expression)) {
      const call = node.expression;
      if (ts.isIdentifier(call.expression) && call.expression.text === 'withClientMessages') {
        const [paths] = call.arguments;
        if (!paths || !ts.isArrayLiteralExpression(paths) || !paths.elements.every(ts.isStringLiteral)) {
          throw new Error(`${file}: withClientMessages takes a literal list of groups`);
        }
        list = paths.elements.map((element) => (element as ts.StringLiteral).text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceOf(path.join(root, file)));
  return list;
}

/** What reaches a route's client components: its own list, its nearest layout's, or the root's. */
function provided(file: string): { from: string; groups: readonly string[] } {
  if (file === 'app/global-error.tsx') return { from: file, groups: ERROR_PAGE_MESSAGES };
  const own = ownList(file);
  if (own) return { from: file, groups: own };
  for (let dir = path.dirname(file); dir !== 'app' && dir !== '.'; dir = path.dirname(dir)) {
    const layout = `${dir}/layout.tsx`;
    const list = layout !== file && fs.existsSync(path.join(root, layout)) ? ownList(layout) : null;
    if (list) return { from: layout, groups: list };
  }
  // The root layout: the public groups, and the frame's on the signed-in pages.
  const signedIn = file.startsWith('app/(dashboard)/');
  return { from: 'app/layout.tsx', groups: signedIn ? [...PUBLIC_MESSAGES, ...FRAME_MESSAGES] : PUBLIC_MESSAGES };
}

const covers = (group: string, wanted: string) => wanted === group || wanted.startsWith(`${group}.`);
/** One group holds the other: a listed group is read when any part of it, or anything around it, is. */
const overlap = (a: string, b: string) => covers(a, b) || covers(b, a);

const ROUTES = routeFiles();

describe('the messages each page sends the browser', () => {
  it('finds the routes and what their client components read', () => {
    expect(ROUTES).toEqual(expect.arrayContaining(['app/(dashboard)/page.tsx', 'app/(dashboard)/layout.tsx', 'app/sign-in/page.tsx']));
    // The walk reaches deep: the dashboard's map reads its group, the frame's menu its own.
    expect(groupsNeeded('app/(dashboard)/page.tsx').get('dashboard.map')).toMatch(/^components\/(coverage|charts)\//);
    expect(groupsNeeded('app/(dashboard)/layout.tsx').get('alerts.bell')).toBe('components/alerts/alert-bell.tsx');
    expect(groupsNeeded('app/sign-in/page.tsx').has('auth.signIn')).toBe(true);
  });

  it.each(ROUTES)('%s: every group its client components read reaches them', (file) => {
    const { from, groups } = provided(file);
    const missing = [...groupsNeeded(file)].filter(([wanted]) => !groups.some((group) => covers(group, wanted)));
    expect(Object.fromEntries(missing), `not sent by ${from}`).toEqual({});
  });

  it.each(ROUTES.filter((file) => ownList(file)))('%s: its list names only groups its client components read', (file) => {
    const needed = [...groupsNeeded(file).keys()];
    const unread = ownList(file)!.filter((group) => !needed.some((wanted) => overlap(group, wanted)));
    expect(unread).toEqual([]);
  });

  it('the frame and the public pages send only what they read', () => {
    const frame = [...groupsNeeded('app/(dashboard)/layout.tsx').keys()];
    const publicPages = ['app/sign-in/page.tsx', 'app/error.tsx', 'app/not-found.tsx'].flatMap((file) => [...groupsNeeded(file).keys()]);
    for (const group of FRAME_MESSAGES) expect(frame.some((wanted) => overlap(group, wanted)), group).toBe(true);
    for (const group of PUBLIC_MESSAGES) expect(publicPages.some((wanted) => overlap(group, wanted)), group).toBe(true);
  });

  it('every listed group is in both catalogues, and picking sends that group and no other', () => {
    const lists = [...ROUTES.map(ownList).filter((list) => list !== null), PUBLIC_MESSAGES, FRAME_MESSAGES, ERROR_PAGE_MESSAGES];
    for (const group of lists.flat()) {
      for (const catalogue of [zhCN, en]) {
        const found = group.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], catalogue);
        expect(typeof found, group).toBe('object');
      }
    }
    const picked = pickMessages(zhCN, ['dashboard.map', 'errors']);
    expect(picked).toEqual({ dashboard: { map: zhCN.dashboard.map }, errors: zhCN.errors });
    // A group inside another listed one adds nothing, in either order.
    const auth = JSON.stringify(zhCN.auth);
    expect(pickMessages(zhCN, ['auth', 'auth.userMenu'])).toEqual({ auth: zhCN.auth });
    expect(pickMessages(zhCN, ['auth.userMenu', 'auth'])).toEqual({ auth: zhCN.auth });
    expect(JSON.stringify(zhCN.auth)).toBe(auth);
  });
});
