import { describe, expect, it } from 'vitest';
import { createPrng, xoshiro128ss } from './prng';

describe('prng', () => {
  it('follows the xoshiro128** reference: state (1, 2, 3, 4) starts 11520, 0, 5927040', () => {
    // Worked by hand from the reference algorithm: out = rotl(s1 · 5, 7) · 9, then the state update.
    const g = xoshiro128ss(1, 2, 3, 4);
    expect([g.nextUint32(), g.nextUint32(), g.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const c = createPrng(43);
    const sa = Array.from({ length: 50 }, () => a.nextUint32());
    expect(Array.from({ length: 50 }, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({ length: 50 }, () => c.nextUint32())).not.toEqual(sa);
  });

  it('draws bounded integers uniformly (chi-square over 10 cells)', () => {
    const g = createPrng(7);
    const counts = new Array<number>(10).fill(0);
    const draws = 100_000;
    for (let i = 0; i < draws; i++) counts[g.nextBelow(10)]++;
    const chi2 = counts.reduce((s, c) => s + (c - draws / 10) ** 2 / (draws / 10), 0);
    // 9 degrees of freedom: P(χ² > 27.88) = 0.001.
    expect(chi2).toBeLessThan(27.88);
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });

  it('handles bounds of 1 and 2³², and rejects bad seeds and bounds', () => {
    const g = createPrng(0);
    expect(g.nextBelow(1)).toBe(0);
    const big = g.nextBelow(4294967296);
    expect(big).toBeGreaterThanOrEqual(0);
    expect(big).toBeLessThan(4294967296);
    expect(() => createPrng(-1)).toThrow(/seed must be a whole number/);
    expect(() => createPrng(1.5)).toThrow(/seed/);
    expect(() => g.nextBelow(0)).toThrow(/bound/);
  });
});
