/**
 * Where a city lies, for weighting the illustrative rollout order: eastern provinces first, the
 * west last. The three-way split is the demo's own simplification.
 */
import { listProvinces } from '../../../lib/geo/divisions';

export type Region = 'EAST' | 'CENTRAL' | 'WEST';
const EAST = new Set(['11', '12', '13', '21', '31', '32', '33', '35', '37', '44', '46']);
const CENTRAL = new Set(['14', '22', '23', '34', '36', '41', '42', '43']);

export function regionOf(provinceCode: string): Region {
  if (EAST.has(provinceCode)) return 'EAST';
  if (CENTRAL.has(provinceCode)) return 'CENTRAL';
  return 'WEST';
}

/** Codes of the 31 provincial capitals (a municipality is its own capital). */
export function capitalCodes(): Set<string> {
  return new Set(listProvinces().map((p) => p.capitalCode));
}
