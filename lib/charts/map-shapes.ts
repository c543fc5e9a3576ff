/**
 * The province outlines as a static SVG sprite (public/geo/china-provinces-shapes.svg, built by
 * `npm run geo:shapes`): the server-drawn map refers to each outline with
 * `<use href="/geo/china-provinces-shapes.svg?v=<content hash>#<id>">` and its own fill, instead of
 * carrying some 100 kB of path data in every page (twice: in the HTML and in the RSC payload). The
 * browser fetches the sprite once and keeps it (next.config.ts marks the hashed URL immutable).
 *
 * An outline's id is a hash of its path data, so a page can only ever point at the very outline it
 * would have drawn: a path the sprite does not hold (a sprite older than the map data or the
 * layout) stays inline, and a test fails until the sprite is rebuilt.
 *
 * No `server-only`: scripts/build-map-shapes.ts uses it under tsx.
 */
import { createHash } from 'node:crypto';

export const PROVINCE_SHAPES_FILE = 'china-provinces-shapes.svg';

/**
 * Region outlines are long paths; the legend's swatches and its frame are a few dozen characters
 * and stay inline (they change with the language and the bins).
 */
const MIN_SHAPE_PATH_LENGTH = 200;

/** ECharts' SSR output writes every path as `<path d="..." attrs></path>`. */
const PATH_RE = /<path d="([^"]+)"([^>]*)><\/path>/g;

export function shapeIdOf(d: string): string {
  return `s${createHash('sha256').update(d).digest('hex').slice(0, 12)}`;
}

/** The sprite's text: every region outline of `svg` (a map drawn by drawProvinceMapSvg), once each. */
export function buildShapesSprite(svg: string, provenance: string): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const [, d] of svg.matchAll(PATH_RE)) {
    if (!d || d.length < MIN_SHAPE_PATH_LENGTH) continue;
    const id = shapeIdOf(d);
    if (seen.has(id)) continue;
    seen.add(id);
    lines.push(`<path id="${id}" d="${d}"/>`);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg">`,
    `<!-- ${provenance.replaceAll('--', '-')} -->`,
    `<defs>`,
    ...lines,
    `</defs>`,
    `</svg>`,
    '',
  ].join('\n');
}

/** The outline ids a sprite holds. */
export function readShapeIds(sprite: string): Set<string> {
  return new Set(Array.from(sprite.matchAll(/<path id="([^"]+)"/g), (m) => m[1]!));
}

/**
 * `svg` with every region outline the sprite holds drawn as a `<use>` of it (with the path's own
 * fill, stroke, class and data attributes); any other path stays as it is.
 */
export function referToShapes(svg: string, ids: ReadonlySet<string>, spriteUrl: string): string {
  return svg.replace(PATH_RE, (all, d: string, attributes: string) => {
    if (d.length < MIN_SHAPE_PATH_LENGTH) return all;
    const id = shapeIdOf(d);
    return ids.has(id) ? `<use href="${spriteUrl}#${id}"${attributes}></use>` : all;
  });
}
