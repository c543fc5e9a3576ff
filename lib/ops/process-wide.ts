/**
 * One instance per process of something that must be shared: Next.js bundles a module into each
 * route's chunk separately, so a plain module-level value would exist once per chunk (a bound on
 * password checks per route, metrics per route). Kept on globalThis under a registered symbol.
 */
export function processWide<T>(name: string, create: () => T): T {
  const store = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(`hutong.${name}`);
  if (!(key in store)) store[key] = create();
  return store[key] as T;
}
