import { describe, expect, it } from 'vitest';
import { COLOUR_VISIONS, contrastRatio, differenceAsSeen, type ColourVision } from './colour-vision';
import { COVERAGE_BINS, OUT_OF_SCOPE_COLOR, STATUS_COLORS } from './colours';

/** CIEDE2000 apart under which two map fills of a palette count as confusable. */
const DISTINCT = 10;
/** Out of scope is not a value of either palette (its tooltip says so), but it must not vanish into one. */
const VISIBLE = 5;

/** Every pair of the palette that a reader with `vision` would find closer than `minimum`. */
function confusablePairs(palette: Record<string, string>, vision: ColourVision, minimum: number): string[] {
  const entries = Object.entries(palette);
  const close: string[] = [];
  entries.forEach(([nameA, a], i) => {
    for (const [nameB, b] of entries.slice(i + 1)) {
      const d = differenceAsSeen(a, b, vision);
      if (d < minimum) close.push(`${nameA} ~ ${nameB}: ${d.toFixed(1)}`);
    }
  });
  return close;
}

const coverage = Object.fromEntries(COVERAGE_BINS.map((b) => [b.key, b.color]));

describe('chart palettes under colour-vision deficiency', () => {
  for (const vision of COLOUR_VISIONS) {
    it(`status colours stay distinct (${vision})`, () => {
      expect(confusablePairs(STATUS_COLORS, vision, DISTINCT)).toEqual([]);
      expect(confusablePairs({ ...STATUS_COLORS, OUT_OF_SCOPE: OUT_OF_SCOPE_COLOR }, vision, DISTINCT)).toEqual([]);
    });

    it(`coverage bins stay distinct (${vision})`, () => {
      expect(confusablePairs(coverage, vision, DISTINCT)).toEqual([]);
      for (const colour of Object.values(coverage)) {
        expect(differenceAsSeen(colour, OUT_OF_SCOPE_COLOR, vision)).toBeGreaterThanOrEqual(VISIBLE);
      }
    });
  }

  it('coverage bins darken in order, so the scale reads without a legend and in greyscale', () => {
    const contrasts = COVERAGE_BINS.map((b) => contrastRatio(b.color, '#ffffff'));
    expect(contrasts).toEqual([...contrasts].sort((a, b) => a - b));
  });

  it('the check itself tells the old red-green pair apart from a safe one', () => {
    // antd's green and red, the status colours before: fine for most, confusable for deuteranopes.
    expect(differenceAsSeen('#389e0d', '#cf1322', 'normal')).toBeGreaterThan(DISTINCT);
    expect(differenceAsSeen('#389e0d', '#cf1322', 'deuteranopia')).toBeLessThan(DISTINCT);
    expect(differenceAsSeen(STATUS_COLORS.LIVE, STATUS_COLORS.PAUSED, 'deuteranopia')).toBeGreaterThan(DISTINCT);
  });
});

describe('colour-vision helpers', () => {
  it('computes CIEDE2000 as published (Sharma, Wu and Dalal 2005, pairs 1 and 17)', async () => {
    const { deltaE2000 } = await import('./colour-vision');
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
