/**
 * Builds the map layers under public/geo/ from echarts@4.9.0's map JSON (Apache-2.0), re-keyed by
 * GB/T 2260 code so the app joins regions to data by code, never by display name.
 *
 *   npx tsx scripts/build-geo.ts
 *
 * Outputs (compact GeoJSON, deterministic: same bytes on every run):
 *   public/geo/china-provinces.json    34 provinces, id = 2-digit code
 *   public/geo/cities/<XX>.json        one per mainland province, id = 4-digit city code
 *                                      (6-digit for province-administered county-level units)
 *   public/geo/china-cities.json       every city of every province in one layer
 *
 * See public/geo/README.md and docs/decisions/003-map-data.md.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, merge } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Topology } from 'topojson-specification';
import { listCities, listProvinces, NON_MAINLAND_PROVINCES, type CityDivision } from '../lib/geo/divisions';
import { CITIES_WITHOUT_SHAPE, COUNTY_LEVEL_UNITS_WITHOUT_SHAPE } from '../lib/geo/shape-exceptions';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIR = path.join(ROOT, 'node_modules/echarts4/map/json');
const OUT_DIR = path.join(ROOT, 'public/geo');
const SOURCE_VERSION = 'echarts@4.9.0';

/** Gzip budgets in bytes (decimal kB, so they hold under either reading of "KB"). */
const GZIP_BUDGETS = { provinces: 50_000, provinceCities: 60_000, nationalCities: 250_000 } as const;

/**
 * Source shapes whose division no longer exists. Each is merged into its successor with
 * topojson-client `merge`, so the old internal border disappears instead of leaving a hole.
 */
const MERGED_SOURCE_SHAPES: Record<string, { into: string; reason: string }> = {
  '371200': { into: '3701', reason: '莱芜市 was abolished in January 2019 and merged into 济南市.' },
};

/**
 * Regions whose every island is kept whatever its size. Taiwan's shape in china.json includes
 * 钓鱼岛 and 赤尾屿; they are a few pixels at most, so the island filter would drop them, and a map
 * of China without them is a "problem map" (问题地图) that fails map review.
 */
const KEEP_ALL_ISLANDS = new Set(['71']);

/*
 * Source ids that are no longer valid codes (儋州 469003 -> 4604, 吐鲁番 652100 -> 6504, 哈密
 * 652200 -> 6505, 林芝 542600 -> 5404, 山南 542200 -> 5405, 那曲 542400 -> 5406: all upgraded to
 * prefecture-level cities between 2015 and 2018) need no table: they are matched by name within their
 * province, which is unambiguous there, and every such match is printed for review.
 */

/**
 * Simplification per layer, in "pixels" of a nominal rendering where the layer's bounding box is
 * `resolution` px across: scaling by extent lets small provinces (Shanghai) keep the detail that a
 * large one (Xinjiang) can spare. Points whose Visvalingam triangle is under (`simplifyPx` px)²
 * and islands (other than a region's largest polygon) under (`islandPx` px)² are removed.
 * Tuned so every file fits its gzip budget with margin while small cities keep their shape.
 */
interface SimplifyOptions {
  resolution: number;
  simplifyPx: number;
  islandPx: number;
}
const PROVINCE_LAYER: SimplifyOptions = { resolution: 1600, simplifyPx: 1.25, islandPx: 1.5 };
const PROVINCE_CITIES: SimplifyOptions = { resolution: 1200, simplifyPx: 0.7, islandPx: 2 };
const NATIONAL_CITIES: SimplifyOptions = { resolution: 1600, simplifyPx: 0.9, islandPx: 2 };

/** 0.001° ≈ 100 m, the same order as the source grid (1/1024°), so rounding loses nothing visible. */
const DECIMALS = 3;

// ---------------------------------------------------------------------------------------------
// Decoding ECharts' compressed "UTF8Encoding" GeoJSON

type EncodedOffset = [number, number];
type EncodedGeometry =
  | { type: 'Polygon'; coordinates: string[]; encodeOffsets: EncodedOffset[] }
  | { type: 'MultiPolygon'; coordinates: string[][]; encodeOffsets: EncodedOffset[][] };
interface EncodedFeature {
  id: string;
  properties: { name: string; cp?: [number, number] };
  geometry: EncodedGeometry;
}
interface EncodedCollection {
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: EncodedFeature[];
}

/** One source shape, decoded, with every ring as its own polygon (see `decodeRings`). */
interface SourceShape {
  sourceId: string;
  name: string;
  cp: Position | undefined;
  polygons: Position[][];
}

/** Same algorithm as ECharts' parseGeoJson `decode`: zigzag-encoded deltas, one char per value. */
function decodeRing(encoded: string, offset: EncodedOffset, scale: number): Position[] {
  const ring: Position[] = [];
  let x = offset[0];
  let y = offset[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([round(x / scale), round(y / scale)]);
  }
  return ring;
}

function round(value: number): number {
  const factor = 10 ** DECIMALS;
  // `+ 0` turns -0 into 0 so the output never contains "-0".
  return Math.round(value * factor) / factor + 0;
}

/**
 * The source does not follow GeoJSON's ring semantics: its city MultiPolygons hold one "polygon"
 * whose extra rings are islands and detached parts, not holes (ECharts 4 filled every ring, and all
 * rings share one winding). Every ring therefore becomes a polygon of its own; rings are closed,
 * consecutive duplicates (from rounding) removed, and rings without area dropped.
 */
function decodeRings(geometry: EncodedGeometry, scale: number): Position[][] {
  const encoded: Array<[string, EncodedOffset]> = [];
  if (geometry.type === 'Polygon') {
    geometry.coordinates.forEach((ring, i) => encoded.push([ring, offsetAt(geometry.encodeOffsets[i])]));
  } else {
    geometry.coordinates.forEach((polygon, i) =>
      polygon.forEach((ring, j) => encoded.push([ring, offsetAt(geometry.encodeOffsets[i]?.[j])])),
    );
  }
  const rings: Position[][] = [];
  for (const [text, offset] of encoded) {
    const ring = cleanRing(decodeRing(text, offset, scale));
    if (ring) rings.push(ring);
  }
  return rings;
}

function offsetAt(offset: EncodedOffset | undefined): EncodedOffset {
  if (!offset) throw new Error('Source ring without encodeOffsets');
  return offset;
}

/** Closed ring without consecutive duplicates, or null if it has no area left. */
function cleanRing(points: Position[]): Position[] | null {
  const ring: Position[] = [];
  for (const p of points) {
    const last = ring[ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
  if (ring.length < 4 || ringArea(ring) === 0) return null;
  return ring;
}

/** Planar signed area in square degrees; positive = counter-clockwise. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum / 2;
}

function readSource(file: string): SourceShape[] {
  const json = JSON.parse(readFileSync(path.join(SOURCE_DIR, file), 'utf8')) as EncodedCollection;
  if (!json.UTF8Encoding) throw new Error(`${file}: expected ECharts UTF8Encoding`);
  const scale = json.UTF8Scale ?? 1024;
  return json.features.map((f) => ({
    sourceId: f.id,
    name: f.properties.name,
    cp: f.properties.cp ? [round(f.properties.cp[0]), round(f.properties.cp[1])] : undefined,
    polygons: decodeRings(f.geometry, scale),
  }));
}

// ---------------------------------------------------------------------------------------------
// Matching source shapes to reference codes

interface Region {
  code: string;
  name: string;
  provinceCode?: string;
  cp: Position | undefined;
  polygons: Position[][];
  /** Extra source shapes whose land belongs to this region (merged after simplification). */
  merged: SourceShape[];
}

const log: string[] = [];
function note(line: string): void {
  log.push(line);
}

/** A source short name ('延边') belongs to a reference name ('延边朝鲜族自治州') it starts. */
function sameName(sourceName: string, referenceName: string): boolean {
  return referenceName.startsWith(sourceName);
}

function matchProvinces(shapes: SourceShape[]): Region[] {
  const reference = new Map<string, string>();
  for (const p of listProvinces()) reference.set(p.code, p.shortName);
  for (const p of NON_MAINLAND_PROVINCES) reference.set(p.code, p.shortName);
  const regions = shapes.map((s): Region => {
    const code = s.sourceId.slice(0, 2);
    const name = reference.get(code);
    if (s.sourceId !== `${code}0000` || name !== s.name) {
      throw new Error(`Province shape ${s.sourceId} ${s.name} does not match the reference (${name ?? 'none'})`);
    }
    return { code, name: s.name, cp: s.cp, polygons: s.polygons, merged: [] };
  });
  const missing = [...reference.keys()].filter((code) => !regions.some((r) => r.code === code));
  if (missing.length > 0 || regions.length !== reference.size) {
    throw new Error(`Province layer incomplete: missing ${missing.join(', ')}`);
  }
  return regions;
}

interface CityMatch {
  /** Cities and county-level units of the reference list, by code. */
  cities: Map<string, Region>;
  /** Taiwan, Hong Kong and Macau: drawn on the national city layer, outside every scope. */
  nonMainland: Region[];
}

function matchCities(shapes: SourceShape[]): CityMatch {
  const reference = listCities();
  const byCode = new Map(reference.map((c) => [c.code, c]));
  const nonMainlandCodes = new Map<string, string>(NON_MAINLAND_PROVINCES.map((p) => [`${p.code}0000`, p.code]));
  const cities = new Map<string, Region>();
  const nonMainland: Region[] = [];
  const pendingMerges: SourceShape[] = [];

  const claim = (division: CityDivision, shape: SourceShape): void => {
    if (cities.has(division.code)) throw new Error(`Two source shapes for ${division.code} ${division.name}`);
    cities.set(division.code, {
      code: division.code,
      name: shape.name,
      provinceCode: division.provinceCode,
      cp: shape.cp,
      polygons: shape.polygons,
      merged: [],
    });
  };

  for (const shape of shapes) {
    const id = shape.sourceId;
    const nonMainlandCode = nonMainlandCodes.get(id);
    if (nonMainlandCode) {
      nonMainland.push({
        code: nonMainlandCode,
        name: shape.name,
        provinceCode: nonMainlandCode,
        cp: shape.cp,
        polygons: shape.polygons,
        merged: [],
      });
      continue;
    }
    if (MERGED_SOURCE_SHAPES[id]) {
      pendingMerges.push(shape);
      continue;
    }
    // Municipalities are whole-city shapes with a province id. They are taken from this file, not
    // china.json, whose outlines differ by a few vertices and would leave slivers along borders
    // such as Beijing-Hebei. Prefectures end in 00; the rest are county-level units.
    const code = id.endsWith('0000') ? `${id.slice(0, 2)}00` : id.endsWith('00') ? id.slice(0, 4) : id;
    const byCodeMatch = byCode.get(code);
    if (byCodeMatch && sameName(shape.name, byCodeMatch.name)) {
      claim(byCodeMatch, shape);
      continue;
    }
    const candidates = reference.filter(
      (c) => c.provinceCode === id.slice(0, 2) && sameName(shape.name, c.name) && !cities.has(c.code),
    );
    const only = candidates[0];
    if (candidates.length !== 1 || !only) {
      throw new Error(
        `Source shape ${id} ${shape.name} matches ${candidates.length} divisions; ` +
          'add it to MERGED_SOURCE_SHAPES or fix the matching',
      );
    }
    note(`matched by name (source code is outdated): ${id} ${shape.name} -> ${only.code} ${only.name}`);
    claim(only, shape);
  }

  for (const shape of pendingMerges) {
    const rule = MERGED_SOURCE_SHAPES[shape.sourceId];
    const target = rule ? cities.get(rule.into) : undefined;
    if (!rule || !target) throw new Error(`No target for merged source shape ${shape.sourceId}`);
    target.merged.push(shape);
    note(`merged: ${shape.sourceId} ${shape.name} -> ${target.code} ${target.name} (${rule.reason})`);
  }

  checkExceptions(reference, cities);
  return { cities, nonMainland };
}

/** The exception lists must be exactly the reference divisions without a shape. */
function checkExceptions(reference: CityDivision[], cities: Map<string, Region>): void {
  const listed = new Set([...CITIES_WITHOUT_SHAPE, ...COUNTY_LEVEL_UNITS_WITHOUT_SHAPE].map((e) => e.code));
  const countyLevel = new Set(COUNTY_LEVEL_UNITS_WITHOUT_SHAPE.map((e) => e.code));
  const problems: string[] = [];
  for (const division of reference) {
    const hasShape = cities.has(division.code);
    if (!hasShape && !listed.has(division.code)) problems.push(`${division.code} ${division.name} has no shape`);
    if (hasShape && listed.has(division.code)) problems.push(`${division.code} ${division.name} has a shape now`);
    if (countyLevel.has(division.code) !== (listed.has(division.code) && division.level === 'COUNTY_LEVEL')) {
      problems.push(`${division.code} ${division.name} is in the wrong exception list`);
    }
  }
  for (const code of listed) {
    if (!reference.some((d) => d.code === code)) problems.push(`${code} is not a reference division`);
  }
  if (problems.length > 0) throw new Error(`lib/geo/shape-exceptions.ts is out of date:\n  ${problems.join('\n  ')}`);
  for (const e of [...CITIES_WITHOUT_SHAPE, ...COUNTY_LEVEL_UNITS_WITHOUT_SHAPE]) {
    note(`no shape: ${e.code} ${e.name} (${e.reason})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Simplification

/** Arcs after `presimplify`: every point carries its Visvalingam weight as a third value. */
type WeightedArc = Array<[number, number, number]>;

interface RegionProperties {
  code: string;
  name: string;
  provinceCode?: string;
  /** Label anchor from the source (ECharts reads `cp`), so labels don't land on an enclave. */
  cp?: Position;
}

type OutputFeature = Feature<Polygon | MultiPolygon, RegionProperties>;

/**
 * Simplifies all regions of one output file together, through a topology, so borders shared in
 * the source stay shared (no slivers or gaps between neighbours after simplification).
 */
function simplifyRegions(regions: Region[], options: SimplifyOptions): OutputFeature[] {
  const [minX, minY, maxX, maxY] = bbox(regions);
  const px = Math.max(maxX - minX, maxY - minY) / options.resolution;
  const minWeight = (options.simplifyPx * px) ** 2;
  const minIslandArea = (options.islandPx * px) ** 2;

  // The largest polygon of every region is always kept, so no region can disappear.
  const inputs: Array<Feature<MultiPolygon, { code: string }>> = [];
  for (const region of regions) {
    for (const [index, shape] of [region, ...region.merged].entries()) {
      const polygons = KEEP_ALL_ISLANDS.has(region.code) ? shape.polygons : keepIslands(shape.polygons, minIslandArea);
      inputs.push({
        type: 'Feature',
        // Merged shapes get their own key so they can be merged after simplification.
        id: index === 0 ? region.code : `${region.code}+${index}`,
        properties: { code: region.code },
        geometry: { type: 'MultiPolygon', coordinates: polygons.map((ring) => [ring]) },
      });
    }
  }

  const input: FeatureCollection<MultiPolygon, { code: string }> = { type: 'FeatureCollection', features: inputs };
  const topo = presimplify(topology({ regions: input }) as Topology<{ regions: GeometryCollection }>);
  const arcs = topo.arcs as unknown as WeightedArc[];
  const geometries = topo.objects.regions.geometries as TopoMultiPolygon[];
  protectRings(arcs, geometries, minWeight);
  const simplified = simplify(topo, minWeight);
  const simplifiedGeometries = simplified.objects.regions.geometries as TopoMultiPolygon[];

  return regions.map((region): OutputFeature => {
    const parts = simplifiedGeometries.filter(
      (g) => (g.properties as { code: string } | undefined)?.code === region.code,
    );
    const first = parts[0];
    if (!first) throw new Error(`${region.code} lost its geometry`);
    const coordinates =
      parts.length === 1 ? feature(simplified, first).geometry.coordinates : merge(simplified, parts).coordinates;
    const properties: RegionProperties = { code: region.code, name: region.name };
    if (region.provinceCode) properties.provinceCode = region.provinceCode;
    if (region.cp) properties.cp = region.cp;
    return { type: 'Feature', id: region.code, properties, geometry: toGeometry(coordinates, region.code) };
  });
}

function bbox(regions: Region[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const region of regions) {
    for (const ring of [...region.polygons, ...region.merged.flatMap((m) => m.polygons)]) {
      for (const [x = 0, y = 0] of ring) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

function keepIslands(polygons: Position[][], minArea: number): Position[][] {
  let main = 0;
  polygons.forEach((ring, i) => {
    if (Math.abs(ringArea(ring)) > Math.abs(ringArea(polygons[main] ?? []))) main = i;
  });
  return polygons.filter((ring, i) => i === main || Math.abs(ringArea(ring)) >= minArea);
}

/**
 * Visvalingam can reduce a small ring (an island, a small city such as Macau or Xiamen) to a
 * sliver or to nothing. Until every ring keeps three distinct points and at least half of its
 * area, the most important point it would lose is pinned. Pinning edits the shared arc, so a
 * neighbour sharing that border gets the same point and the border stays shared.
 */
function protectRings(arcs: WeightedArc[], geometries: TopoMultiPolygon[], minWeight: number): void {
  const rings = geometries.flatMap((g) => g.arcs.flat());
  for (const ring of rings) {
    const original = Math.abs(ringArea(ringPoints(arcs, ring, -Infinity)));
    for (;;) {
      const points = ringPoints(arcs, ring, minWeight);
      const distinct = new Set(points.map((p) => `${p[0]},${p[1]}`)).size;
      if (distinct >= 3 && Math.abs(ringArea(points)) >= original / 2) break;
      let best: [number, number, number] | undefined;
      for (const ref of ring) {
        const arc = arcs[ref < 0 ? ~ref : ref] ?? [];
        for (const point of arc) {
          if (point[2] < minWeight && (!best || point[2] > best[2])) best = point;
        }
      }
      if (!best) break;
      best[2] = Infinity;
    }
  }
}

/** A ring as topojson-client stitches it: arcs in order, reversed if negative, joints once. */
function ringPoints(arcs: WeightedArc[], ring: number[], minWeight: number): Position[] {
  const points: Position[] = [];
  ring.forEach((ref, k) => {
    const arc = (arcs[ref < 0 ? ~ref : ref] ?? []).filter((p) => p[2] >= minWeight);
    if (ref < 0) arc.reverse();
    arc.forEach((p, i) => {
      if (k === 0 || i > 0) points.push([p[0], p[1]]);
    });
  });
  return points;
}

/** RFC 7946 winding (exterior counter-clockwise, holes clockwise); Polygon when there is one part. */
function toGeometry(coordinates: Position[][][], code: string): Polygon | MultiPolygon {
  const polygons = coordinates
    .map((polygon) =>
      polygon.map((ring, i) => {
        const counterClockwise = ringArea(ring) > 0;
        return counterClockwise === (i === 0) ? ring : [...ring].reverse();
      }),
    )
    .filter((polygon) => polygon.length > 0);
  const only = polygons[0];
  if (!only) throw new Error(`${code} has an empty geometry after simplification`);
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: only }
    : { type: 'MultiPolygon', coordinates: polygons };
}

// ---------------------------------------------------------------------------------------------
// Output

type OutputCollection = FeatureCollection<Polygon | MultiPolygon, RegionProperties> & {
  /** Provenance, as a GeoJSON foreign member (RFC 7946 §6.1) that map libraries ignore. */
  hutong: { source: string; generatedBy: string; regenerate: string };
};

function collection(features: OutputFeature[], sourceFile: string): OutputCollection {
  const names = new Set<string>();
  for (const f of features) {
    // ECharts keys regions by name unless `nameProperty` is set, so duplicates would collide.
    if (names.has(f.properties.name)) throw new Error(`Duplicate region name ${f.properties.name}`);
    names.add(f.properties.name);
  }
  return {
    type: 'FeatureCollection',
    hutong: {
      source: `${SOURCE_VERSION} map/json/${sourceFile} (Apache-2.0)`,
      generatedBy: 'scripts/build-geo.ts',
      regenerate: 'npx tsx scripts/build-geo.ts',
    },
    features: [...features].sort((a, b) => a.properties.code.localeCompare(b.properties.code)),
  };
}

interface Written {
  file: string;
  features: number;
  bytes: number;
  gzip: number;
  budget: number;
}

function write(relative: string, data: OutputCollection, budget: number): Written {
  const text = `${JSON.stringify(data)}\n`;
  const file = path.join(OUT_DIR, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const features = data.features.length;
  // Default level, as lib/geo/geo-data.test.ts measures (servers often compress harder).
  return { file: relative, features, bytes: Buffer.byteLength(text), gzip: gzipSync(text).length, budget };
}

function main(): void {
  const written: Written[] = [];

  const provinces = matchProvinces(readSource('china.json'));
  const provinceLayer = collection(simplifyRegions(provinces, PROVINCE_LAYER), 'china.json');
  written.push(write('china-provinces.json', provinceLayer, GZIP_BUDGETS.provinces));

  const { cities, nonMainland } = matchCities(readSource('china-cities.json'));
  const allCities = [...cities.values()];

  // Stale province files (none expected) would otherwise survive a re-run.
  rmSync(path.join(OUT_DIR, 'cities'), { recursive: true, force: true });
  for (const province of listProvinces()) {
    const regions = allCities.filter((c) => c.provinceCode === province.code);
    const features = simplifyRegions(regions, PROVINCE_CITIES);
    const file = collection(features, 'china-cities.json');
    written.push(write(`cities/${province.code}.json`, file, GZIP_BUDGETS.provinceCities));
  }

  // china-cities.json's Taiwan lacks 钓鱼岛/赤尾屿 (ECharts adds them at run time, but only to a
  // region *named* 台湾, which `nameProperty: 'code'` defeats); china.json's Taiwan has them, and
  // Taiwan shares no border with the rest of the layer, so taking it from there costs nothing.
  const taiwan = provinces.find((p) => p.code === '71');
  if (!taiwan) throw new Error('No Taiwan shape in china.json');
  const nationalExtras = nonMainland.map((r) => (r.code === '71' ? { ...taiwan, provinceCode: '71' } : r));
  note('national city layer: Taiwan (71) taken from china.json, which includes 钓鱼岛 and 赤尾屿');
  const national = simplifyRegions([...allCities, ...nationalExtras], NATIONAL_CITIES);
  const nationalSource = 'china-cities.json, Taiwan from map/json/china.json';
  written.push(write('china-cities.json', collection(national, nationalSource), GZIP_BUDGETS.nationalCities));

  for (const line of log) console.log(line);
  console.log('');
  for (const w of written) {
    const kb = (n: number): string => `${(n / 1000).toFixed(1)} kB`.padStart(9);
    const features = `${String(w.features).padStart(4)} features`;
    console.log(`${w.file.padEnd(22)} ${features} ${kb(w.bytes)} raw ${kb(w.gzip)} gzip`);
  }
  const over = written.filter((w) => w.gzip > w.budget);
  if (over.length > 0) {
    throw new Error(`Over the gzip budget: ${over.map((w) => `${w.file} ${w.gzip} > ${w.budget}`).join(', ')}`);
  }
  const stray = readdirSync(path.join(OUT_DIR, 'cities')).filter((f) => !written.some((w) => w.file === `cities/${f}`));
  if (stray.length > 0) throw new Error(`Unexpected files in public/geo/cities: ${stray.join(', ')}`);
}

main();
