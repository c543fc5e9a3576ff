import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { geoFileVersion } from './geo-version';

describe('geoFileVersion', () => {
  it('names the content: the same bytes give the same version, other bytes another', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'hutong-geo-'));
    mkdirSync(path.join(root, 'public', 'geo'), { recursive: true });
    const file = path.join(root, 'public', 'geo', 'x.json');
    writeFileSync(file, '{"a":1}');
    const first = geoFileVersion('x.json', root);
    expect(first).toMatch(/^[0-9a-f]{12}$/);
    expect(geoFileVersion('x.json', root)).toBe(first);
    writeFileSync(file, '{"a":2}');
    expect(geoFileVersion('x.json', root)).not.toBe(first);
  });

  it('is null for a missing file (the page then asks for the plain, revalidated URL)', () => {
    expect(geoFileVersion('no-such-file.json', mkdtempSync(path.join(tmpdir(), 'hutong-geo-')))).toBeNull();
  });

  it('versions the real national city file', () => {
    expect(geoFileVersion('china-cities.json')).toMatch(/^[0-9a-f]{12}$/);
  });
});
