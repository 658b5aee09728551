/**
 * Random draws for conditional permutation: rows of `width` distinct indices drawn without
 * replacement from 0 .. pool − 1, i.e. the first `width` entries of a uniformly random ordering.
 */
import type { Prng } from './prng';

const TWO_32 = 4294967296;

export class DrawTable {
  readonly scratch: Int32Array;
  private readonly swaps: Int32Array;

  constructor(readonly pool: number, readonly width: number) {
    if (width > pool) throw new Error(`permutation draws: ${width} values per draw but only ${pool} to draw from`);
    this.scratch = new Int32Array(pool);
    for (let i = 0; i < pool; i++) this.scratch[i] = i;
    this.swaps = new Int32Array(width);
  }

  /**
   * Fills `rows` rows of `out` by a partial Fisher–Yates shuffle, undone after each row so each row
   * costs O(width) whatever the pool size.
   */
  fill(prng: Prng, rows: number, out: Int32Array): void {
    const { scratch, swaps, width, pool } = this;
    for (let r = 0; r < rows; r++) {
      const base = r * width;
      for (let j = 0; j < width; j++) {
        // prng.nextBelow inlined (same rejection rule) to skip its argument checks in this hot loop.
        const bound = pool - j;
        const limit = TWO_32 - (TWO_32 % bound);
        let u = prng.nextUint32();
        while (u >= limit) u = prng.nextUint32();
        const t = j + (u % bound);
        swaps[j] = t;
        const v = scratch[t];
        scratch[t] = scratch[j];
        scratch[j] = v;
        out[base + j] = v;
      }
      for (let j = width - 1; j >= 0; j--) {
        const t = swaps[j];
        const v = scratch[t];
        scratch[t] = scratch[j];
        scratch[j] = v;
      }
    }
  }
}
