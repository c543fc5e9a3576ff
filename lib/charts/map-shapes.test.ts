import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildShapesSprite, PROVINCE_SHAPES_FILE, readShapeIds, referToShapes, shapeIdOf } from './map-shapes';
import { buildProvinceShapesSprite } from './shapes-sprite';

const LONG = `M0 0${'L1 1'.repeat(60)}Z`;
const OTHER = `M5 5${'L2 2'.repeat(60)}Z`;
const drawn = [
  '<svg viewBox="0 0 10 10">',
  `<path d="${LONG}" fill="#123456" stroke="#ffffff" data-code="44"></path>`,
  `<path d="${OTHER}" fill="#abcdef"></path>`,
  '<path d="M0 0L1 1Z" fill="#000000"></path>',
  '</svg>',
].join('');

describe('province outlines sprite', () => {
  it('public/geo/china-provinces-shapes.svg is up to date with the map data (npm run geo:shapes)', () => {
    const file = readFileSync(path.join(process.cwd(), 'public', 'geo', PROVINCE_SHAPES_FILE), 'utf8');
    expect(file === buildProvinceShapesSprite(), 'the outlines sprite is stale: run npm run geo:shapes').toBe(true);
    expect(readShapeIds(file).size).toBeGreaterThanOrEqual(34);
  });

  it('holds each long outline once and leaves the legend’s short paths out', () => {
    const sprite = buildShapesSprite(drawn + drawn, 'test');
    expect([...readShapeIds(sprite)]).toEqual([shapeIdOf(LONG), shapeIdOf(OTHER)]);
    expect(sprite).not.toContain('M0 0L1 1Z"');
  });

  it('points a region at its outline with the region’s own fill and code', () => {
    const out = referToShapes(drawn, new Set([shapeIdOf(LONG), shapeIdOf(OTHER)]), '/geo/s.svg?v=1');
    expect(out).toContain(`<use href="/geo/s.svg?v=1#${shapeIdOf(LONG)}" fill="#123456" stroke="#ffffff" data-code="44"></use>`);
    expect(out).toContain(`<use href="/geo/s.svg?v=1#${shapeIdOf(OTHER)}" fill="#abcdef"></use>`);
    expect(out).toContain('<path d="M0 0L1 1Z" fill="#000000"></path>');
  });

  it('keeps an outline the sprite does not hold inline, so a stale sprite never draws the wrong shape', () => {
    const out = referToShapes(drawn, new Set([shapeIdOf(OTHER)]), '/geo/s.svg?v=1');
    expect(out).toContain(`<path d="${LONG}" fill="#123456"`);
    expect(out).not.toContain(`#${shapeIdOf(LONG)}`);
  });
});
