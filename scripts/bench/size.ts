/**
 * Weight of the map data: gzip (zlib's default level 6, what `next start` sends) of the national
 * province layer, the national city layer and every province's city file (the largest is the
 * figure). The budgets are the ones scripts/build-geo.ts enforces when it writes the files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { toKb, type Figure } from './report';

export const GEO_BUDGETS_KB = { provinces: 50, nationalCities: 250, provinceCities: 60 } as const;

function gzipBytes(file: string): { raw: number; gzip: number } {
  const data = fs.readFileSync(file);
  return { raw: data.length, gzip: gzipSync(data).length };
}

export function runSizeBench(root: string): Figure[] {
  const geo = path.join(root, 'public', 'geo');
  const provinces = gzipBytes(path.join(geo, 'china-provinces.json'));
  const cities = gzipBytes(path.join(geo, 'china-cities.json'));
  const perProvince = fs
    .readdirSync(path.join(geo, 'cities'))
    .filter((f) => /^\d{2}\.json$/.test(f))
    .map((f) => ({ file: f, ...gzipBytes(path.join(geo, 'cities', f)) }))
    .sort((a, b) => b.gzip - a.gzip);
  const largest = perProvince[0];
  const medianGzip = perProvince[Math.floor(perProvince.length / 2)]?.gzip ?? 0;
  const figures: Figure[] = [
    {
      name: 'china-provinces.json (gzip)',
      value: toKb(provinces.gzip),
      unit: 'kB',
      target: GEO_BUDGETS_KB.provinces,
      note: `${toKb(provinces.raw)} kB raw`,
    },
    {
      name: 'china-cities.json (gzip)',
      value: toKb(cities.gzip),
      unit: 'kB',
      target: GEO_BUDGETS_KB.nationalCities,
      note: `${toKb(cities.raw)} kB raw`,
    },
    {
      name: 'cities/XX.json, largest (gzip)',
      value: largest ? toKb(largest.gzip) : null,
      unit: 'kB',
      target: GEO_BUDGETS_KB.provinceCities,
      note: largest
        ? `${largest.file}, ${toKb(largest.raw)} kB raw; ${perProvince.length} files, median ${toKb(medianGzip)} kB`
        : 'no province files found',
    },
  ];
  return figures;
}
