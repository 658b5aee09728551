import { describe, expect, it } from 'vitest';
import { adjustPValues, bonferroniReach, significantCounts } from './multiple-testing';

describe('adjustPValues', () => {
  it('Benjamini–Hochberg: step-up q-values, monotone in p', () => {
    // Sorted p: 0.005, 0.01, 0.03, 0.04 (m = 4) → m p/rank: 0.02, 0.02, 0.04, 0.04.
    const q = adjustPValues(Float64Array.from([0.01, 0.04, 0.03, 0.005]), 'fdr');
    expect(Array.from(q).map((v) => +v.toFixed(12))).toEqual([0.02, 0.04, 0.04, 0.02]);
    // A larger p earlier in the list pulls smaller ranks down to its q (the running minimum).
    const q2 = adjustPValues(Float64Array.from([0.04, 0.041, 0.042, 0.043]), 'fdr');
    expect(Array.from(q2).map((v) => +v.toFixed(12))).toEqual([0.043, 0.043, 0.043, 0.043]);
  });

  it('matches the BH procedure: q ≤ α exactly for the areas the step-up rule rejects', () => {
    const p = Float64Array.from({ length: 200 }, (_, i) => ((i * 7919) % 200) / 4000 + (i % 3 === 0 ? 0 : 0.02));
    const alpha = 0.05;
    const sorted = Array.from(p).sort((a, b) => a - b);
    let kMax = 0;
    sorted.forEach((v, r) => {
      if (v <= ((r + 1) * alpha) / p.length) kMax = r + 1;
    });
    const q = adjustPValues(p, 'fdr');
    expect(Array.from(q).filter((v) => v <= alpha).length).toBe(kMax);
  });

  it('Bonferroni multiplies by m and caps at 1; none leaves p alone; NaN is left out of m', () => {
    const p = Float64Array.from([0.01, NaN, 0.3, 0.02]);
    const b = adjustPValues(p, 'bonferroni');
    expect(b[0]).toBeCloseTo(0.03, 15);
    expect(Number.isNaN(b[1])).toBe(true);
    expect(b[2]).toBeCloseTo(0.9, 15);
    expect(adjustPValues(Float64Array.from([0.5, 0.6]), 'bonferroni')[1]).toBe(1);
    expect(Array.from(adjustPValues(p, 'none'))).toEqual(Array.from(p));
  });

  it('counts significant areas under each correction', () => {
    const p = Float64Array.from([0.001, 0.002, 0.03, 0.2, NaN]);
    expect(significantCounts(p, 0.05)).toEqual({ none: 3, fdr: 3, bonferroni: 2 });
  });
});

describe('bonferroniReach', () => {
  it('says Bonferroni is unreachable for 33,755 LSOAs with 999 or even 99,999 permutations', () => {
    const r = bonferroniReach(33_755, 999, 0.05);
    expect(r.reachable).toBe(false);
    expect(r.minimumP).toBe(0.001);
    expect(r.threshold).toBeCloseTo(0.05 / 33_755, 18);
    expect(r.permutationsNeeded).toBe(675_099);
    expect(r.message).toMatch(/cannot flag any area with 999 permutations.*675,099/);
    expect(bonferroniReach(33_755, 99_999, 0.05).reachable).toBe(false);
  });

  it('is reachable for few areas, exactly from the needed permutation count', () => {
    expect(bonferroniReach(50, 999, 0.05).reachable).toBe(true);
    const need = bonferroniReach(300, 99, 0.05).permutationsNeeded;
    expect(need).toBe(5999);
    expect(bonferroniReach(300, need, 0.05).reachable).toBe(true);
    expect(bonferroniReach(300, need - 1, 0.05).reachable).toBe(false);
    expect(() => bonferroniReach(300, 999, 0)).toThrow(/alpha/);
  });
});
