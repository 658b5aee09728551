import { describe, expect, it } from 'vitest';
import { DrawTable } from './permutation-draws';
import { createPrng } from './prng';

describe('DrawTable', () => {
  it('draws distinct indices in range, and restores its scratch pool after every row', () => {
    const t = new DrawTable(50, 12);
    const rows = 400;
    const out = new Int32Array(rows * 12);
    t.fill(createPrng(1), rows, out);
    for (let r = 0; r < rows; r++) {
      const row = Array.from(out.subarray(r * 12, r * 12 + 12));
      expect(new Set(row).size).toBe(12);
      expect(row.every((v) => v >= 0 && v < 50)).toBe(true);
    }
    expect(Array.from(t.scratch)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('gives every index the same chance in every column (chi-square)', () => {
    const pool = 20;
    const width = 5;
    const rows = 40_000;
    const out = new Int32Array(rows * width);
    new DrawTable(pool, width).fill(createPrng(99), rows, out);
    for (let col = 0; col < width; col++) {
      const counts = new Array<number>(pool).fill(0);
      for (let r = 0; r < rows; r++) counts[out[r * width + col]]++;
      const e = rows / pool;
      const chi2 = counts.reduce((s, c) => s + (c - e) ** 2 / e, 0);
      // 19 degrees of freedom: P(χ² > 43.82) = 0.001.
      expect(chi2).toBeLessThan(43.82);
    }
  });

  it('refuses more values per draw than the pool holds', () => {
    expect(() => new DrawTable(3, 4)).toThrow(/4 values per draw but only 3/);
  });
});
