/**
 * The content version of a file in public/geo, shared by next.config.ts (which marks the matching
 * URL immutable) and the pages (which ask for that URL). Plain Node: no Next.js or app imports.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function geoFileVersion(file: string, root: string = process.cwd()): string | null {
  try {
    const content = readFileSync(path.join(root, 'public', 'geo', file));
    return createHash('sha256').update(content).digest('hex').slice(0, 12);
  } catch {
    return null;
  }
}
