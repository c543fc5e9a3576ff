/**
 * Versioned URLs of the large map files. Regenerating the map data (scripts/build-geo.ts) keeps
 * the file names, so a file is only cached for good under a URL that names its content: the page
 * asks for `/geo/<file>?v=<hash>`, and next.config.ts marks exactly that URL immutable.
 */
import 'server-only';
import { geoFileVersion } from './geo-version';

const versions = new Map<string, string>();

/** `/geo/<file>?v=<first 12 hex digits of its SHA-256>`; the plain URL when the file cannot be read. */
export function versionedGeoUrl(file: string): string {
  let version = versions.get(file);
  if (version === undefined) {
    version = geoFileVersion(file) ?? '';
    versions.set(file, version);
  }
  return version ? `/geo/${file}?v=${version}` : `/geo/${file}`;
}
