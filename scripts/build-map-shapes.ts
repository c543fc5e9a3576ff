/**
 * Writes public/geo/china-provinces-shapes.svg: the province outlines of the national map, which
 * the server-drawn dashboard map refers to by `<use>` instead of inlining them
 * (lib/charts/map-shapes.ts). Run after the map data or the map's layout changes:
 *
 *   npm run geo:shapes
 *
 * Deterministic: the same bytes on every run. A test (lib/charts/map-shapes.test.ts) fails while
 * the file is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROVINCE_SHAPES_FILE, readShapeIds } from '../lib/charts/map-shapes';
import { buildProvinceShapesSprite } from '../lib/charts/shapes-sprite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const file = path.join(ROOT, 'public', 'geo', PROVINCE_SHAPES_FILE);
const sprite = buildProvinceShapesSprite(ROOT);
writeFileSync(file, sprite);
process.stdout.write(`wrote ${path.relative(ROOT, file)}: ${readShapeIds(sprite).size} outlines, ${Buffer.byteLength(sprite)} bytes\n`);
