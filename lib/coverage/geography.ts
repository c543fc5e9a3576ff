/**
 * The provinces and the province of each city: reference data (GB/T 2260, seeded once and never
 * edited by the app), so it is read once per database client and kept, instead of joining it into
 * every coverage query.
 */
import type { Db } from '../db';

export interface Geography {
  provinces: Map<string, { code: string; name: string; nameEn: string }>;
  provinceOfCity: Map<string, string>;
  cities: Map<string, { code: string; name: string; nameEn: string; provinceCode: string }>;
}

/** How long a read stays cached: reference data only changes with a re-seed. */
const TTL_MS = 10 * 60 * 1000;

const cache = new WeakMap<Db, { at: number; value: Promise<Geography> }>();

export function getGeography(db: Db, now: number = Date.now()): Promise<Geography> {
  const hit = cache.get(db);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = Promise.all([
    db.province.findMany({ select: { code: true, name: true, nameEn: true } }),
    db.city.findMany({ select: { code: true, name: true, nameEn: true, provinceCode: true } }),
  ]).then(([provinces, cities]) => ({
    provinces: new Map(provinces.map((p) => [p.code, p])),
    provinceOfCity: new Map(cities.map((c) => [c.code, c.provinceCode])),
    cities: new Map(cities.map((c) => [c.code, c])),
  }));
  // A failed read is not kept: the next call tries again.
  value.catch(() => cache.delete(db));
  cache.set(db, { at: now, value });
  return value;
}
