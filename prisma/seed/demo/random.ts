/** The demo data's only source of chance: a seeded PRNG, so every seed writes the same rows. */

/** The seed of the demo data set; each program draws from its own stream (`DEMO_SEED + n`). */
export const DEMO_SEED = 20211202;

/** mulberry32: small, fast, deterministic. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** Weighted order without replacement (Efraimidis-Spirakis): heavier items tend to come first. */
  weightedOrder<T>(items: readonly T[], weight: (item: T) => number): T[] {
    return items
      .map((item, index) => ({ item, index, key: Math.pow(this.next(), 1 / weight(item)) }))
      .sort((x, y) => y.key - x.key || x.index - y.index)
      .map((x) => x.item);
  }
}
