import type { Random } from '../lib/random.ts';

/**
 * A weighted choice prepared once: cumulative weights and a binary search, so that
 * drawing from it a million times costs no allocation (random.weighted() sums the
 * weights on every call, which is fine for a handful of draws but not in a hot loop).
 */
export class WeightedTable<T> {
  readonly values: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    const kept = entries.filter(([, weight]) => weight > 0);
    if (kept.length === 0) throw new Error('a weighted table needs at least one positive weight');
    this.values = kept.map(([value]) => value);
    this.cumulative = new Float64Array(kept.length);
    let sum = 0;
    kept.forEach(([, weight], i) => {
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  draw(random: Random): T {
    const roll = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] ?? 0) > roll) high = middle;
      else low = middle + 1;
    }
    return this.values[low] as T;
  }
}

/**
 * Picks from a list ordered from most to least common, favouring the front: real
 * surnames and words follow a long-tailed distribution, so "Smith" should turn up far
 * more often than "Pemberton".
 */
export function pickCommon<T>(random: Random, items: readonly T[]): T {
  const index = Math.floor(items.length * Math.pow(random.next(), 1.6));
  const item = items[index];
  if (item === undefined) throw new Error('pickCommon() needs at least one item');
  return item;
}
