/**
 * A readable diff of an audit entry's before/after JSON: one line per changed leaf, addressed by a
 * dotted path (`targetDate`, `after.institutionCodes.2`). Pure and browser-safe.
 */

export type DiffKind = 'added' | 'removed' | 'changed';

export interface DiffLine {
  path: string;
  kind: DiffKind;
  /** JSON text of the old value; absent for `added`. */
  before?: string;
  /** JSON text of the new value; absent for `removed`. */
  after?: string;
}

/** Nesting below this is shown as one JSON value: audit rows are flat in practice. */
const MAX_DEPTH = 6;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, prefix: string, depth: number, out: Map<string, string>): void {
  const container = isPlainObject(value) ? Object.entries(value) : Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : null;
  if (container && container.length > 0 && depth < MAX_DEPTH) {
    for (const [key, child] of container) flatten(child, prefix ? `${prefix}.${key}` : key, depth + 1, out);
    return;
  }
  // JSON.stringify(undefined) is undefined; a missing side is handled by the caller.
  if (value !== undefined) out.set(prefix, JSON.stringify(value) ?? String(value));
}

/** Leaves of `before` and `after` that differ, in the order they first appear (before's keys first). */
export function diffAuditValues(before: unknown, after: unknown): DiffLine[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  if (before !== null && before !== undefined) flatten(before, '', 0, a);
  if (after !== null && after !== undefined) flatten(after, '', 0, b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  const lines: DiffLine[] = [];
  for (const path of paths) {
    const old = a.get(path);
    const now = b.get(path);
    if (old === now) continue;
    if (old === undefined) lines.push({ path, kind: 'added', after: now });
    else if (now === undefined) lines.push({ path, kind: 'removed', before: old });
    else lines.push({ path, kind: 'changed', before: old, after: now });
  }
  return lines;
}
