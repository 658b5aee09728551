/** Book-keeping for the permutation engine (permutation-engine.ts): self-draw index and moments. */

/** Where each area was drawn in a block: CSR lists of (permutation row, position) per area. */
export class SelfHits {
  readonly offsets: Int32Array;
  readonly rows: Int32Array;
  readonly pos: Int32Array;
  private readonly fill: Int32Array;

  constructor(n: number, capacity: number) {
    this.offsets = new Int32Array(n + 1);
    this.fill = new Int32Array(n);
    this.rows = new Int32Array(capacity);
    this.pos = new Int32Array(capacity);
  }

  /** Indexes positions 0 .. width − 1 of rows 0 .. rows − 1 of a draw table with `stride` columns. */
  index(table: Int32Array, stride: number, width: number, rows: number): void {
    const { offsets, fill } = this;
    offsets.fill(0);
    for (let r = 0; r < rows; r++) for (let j = 0; j < width; j++) offsets[table[r * stride + j] + 1]++;
    for (let a = 1; a < offsets.length; a++) offsets[a] += offsets[a - 1];
    fill.set(offsets.subarray(0, fill.length));
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < width; j++) {
        const at = fill[table[r * stride + j]]++;
        this.rows[at] = r;
        this.pos[at] = j;
      }
    }
  }
}

/**
 * Sums and sums of squares of the permuted sums, per cardinality k, plus per-area corrections for the
 * permutations that drew the area itself. Kept as deviations from a per-k shift (the first block's
 * mean), so the variance does not lose its digits to cancellation.
 */
export class Moments {
  private readonly shift: Float64Array;
  private readonly s1: Float64Array;
  private readonly s2: Float64Array;
  private readonly a1: Float64Array;
  private readonly a2: Float64Array;

  constructor(width: number, areas: number) {
    this.shift = new Float64Array(width + 1);
    this.s1 = new Float64Array(width + 1);
    this.s2 = new Float64Array(width + 1);
    this.a1 = new Float64Array(areas);
    this.a2 = new Float64Array(areas);
  }

  /** Starts a new, independent set of draws (the per-area corrections are per area, so they stay). */
  resetShared(): void {
    this.s1.fill(0);
    this.s2.fill(0);
  }

  /** `sums[k * R + r]` holds permutation r's sum for cardinality k. */
  addBlock(sums: Float64Array, R: number, rows: number, first: boolean): void {
    for (let k = 1; k < this.shift.length; k++) {
      const base = k * R;
      if (first) {
        let s = 0;
        for (let r = 0; r < rows; r++) s += sums[base + r];
        this.shift[k] = s / rows;
      }
      const sh = this.shift[k];
      let s1 = 0;
      let s2 = 0;
      for (let r = 0; r < rows; r++) {
        const d = sums[base + r] - sh;
        s1 += d;
        s2 += d * d;
      }
      this.s1[k] += s1;
      this.s2[k] += s2;
    }
  }

  /** Area q's permutation used `fixed` where the shared column has `orig`. */
  adjust(q: number, k: number, orig: number, fixed: number): void {
    const sh = this.shift[k];
    this.a1[q] += fixed - orig;
    this.a2[q] += (fixed - sh) ** 2 - (orig - sh) ** 2;
  }

  /** Mean and sample standard deviation of area q's P permuted sums. */
  of(q: number, k: number, P: number): { mean: number; sd: number } {
    const s1 = this.s1[k] + this.a1[q];
    const s2 = this.s2[k] + this.a2[q];
    return { mean: this.shift[k] + s1 / P, sd: Math.sqrt(Math.max(0, (s2 - (s1 * s1) / P) / (P - 1))) };
  }
}

/** Number of entries of sorted `a` below `lo`, and not above `hi`. */
export function rankBounds(a: Float64Array, lo: number, hi: number): { below: number; notAbove: number } {
  return { below: firstIndex(a, (v) => v >= lo), notAbove: firstIndex(a, (v) => v > hi) };
}

function firstIndex(a: Float64Array, pass: (v: number) => boolean): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pass(a[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
