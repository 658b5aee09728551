import { describe, expect, it } from 'vitest';
import { normaliseScores, referenceStats, referenceValues } from './normalise-scores';

const v = Float64Array.from([3, 1, NaN, 2, 2, 10]);

/** Mid-rank percentile by counting, the textbook definition. */
function percentileByCounting(values: number[], x: number): number {
  const ref = values.filter(Number.isFinite);
  const below = ref.filter((r) => r < x).length;
  const equal = ref.filter((r) => r === x).length;
  return (100 * (below + equal / 2)) / ref.length;
}

describe('normaliseScores', () => {
  it('percentile: mid-rank among the reference, missing stays missing, flip is 100 − p', () => {
    const up = normaliseScores(v, { method: 'percentile', sign: 1, reference: null });
    const down = normaliseScores(v, { method: 'percentile', sign: -1, reference: null });
    for (let i = 0; i < v.length; i++) {
      if (Number.isNaN(v[i])) {
        expect(up[i]).toBeNaN();
        continue;
      }
      expect(up[i]).toBeCloseTo(percentileByCounting([...v], v[i]), 12);
      expect(down[i]).toBeCloseTo(100 - up[i], 12);
    }
    // The two tied 2s share one percentile.
    expect(up[3]).toBe(up[4]);
  });

  it('z-score uses the population SD of the reference', () => {
    const z = normaliseScores(v, { method: 'zscore', sign: 1, reference: null });
    const ref = [3, 1, 2, 2, 10];
    const mean = ref.reduce((a, b) => a + b) / ref.length;
    const sd = Math.sqrt(ref.reduce((a, b) => a + (b - mean) ** 2, 0) / ref.length);
    expect(z[5]).toBeCloseTo((10 - mean) / sd, 12);
    const neg = normaliseScores(v, { method: 'zscore', sign: -1, reference: null });
    expect(neg[1]).toBeCloseTo(-(1 - mean) / sd, 12);
  });

  it('min–max against a reference subset scores outside areas beyond 0–100', () => {
    const ref = Uint8Array.from([1, 1, 0, 1, 0, 0]); // values 3, 1, 2: min 1, max 3
    const m = normaliseScores(v, { method: 'minmax', sign: 1, reference: ref });
    expect([...m].map((x) => (Number.isNaN(x) ? 'NaN' : x))).toEqual([100, 0, 'NaN', 50, 50, 450]);
    const flipped = normaliseScores(v, { method: 'minmax', sign: -1, reference: ref });
    expect(flipped[0]).toBe(0);
    expect(flipped[1]).toBe(100);
  });

  it('a constant input gives every area the same score (no division by zero)', () => {
    const c = Float64Array.from([4, 4, 4]);
    expect([...normaliseScores(c, { method: 'zscore', sign: 1, reference: null })]).toEqual([0, 0, 0]);
    expect([...normaliseScores(c, { method: 'minmax', sign: 1, reference: null })]).toEqual([50, 50, 50]);
    expect([...normaliseScores(c, { method: 'percentile', sign: 1, reference: null })]).toEqual([50, 50, 50]);
  });

  it('an empty reference gives no scores', () => {
    const s = normaliseScores(v, { method: 'percentile', sign: 1, reference: new Uint8Array(v.length) });
    expect([...s].every(Number.isNaN)).toBe(true);
    expect(referenceStats(referenceValues(v, new Uint8Array(v.length))).n).toBe(0);
  });
});
