import { describe, expect, it } from 'vitest';
import { balanceRow } from './balance';

const mean = (v: number[], w?: number[]) => v.reduce((s, x, i) => s + x * (w ? w[i] : 1), 0) / (w ? w.reduce((s, x) => s + x, 0) : v.length);
const sd = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + (x - mean(v)) ** 2, 0) / (v.length - 1));

describe('balance (MatchIt conventions)', () => {
  // areas 0–2 intervention, 3–6 candidates; after matching areas 3 and 5 carry weights 1.5 and 0.5
  const x = Float64Array.from([10, 12, 17, 4, 9, 14, 30]);
  const treated = Uint8Array.from([1, 1, 1, 0, 0, 0, 0]);
  const weights = Float64Array.from([1, 1, 1, 1.5, 0, 0.5, 0]);
  const row = balanceRow('x', 'X', x, treated, [0, 1, 2, 3, 4, 5, 6], weights);

  it('divides both differences by the SD of the intervention areas before matching', () => {
    const sdT = sd([10, 12, 17]);
    expect(row.before.treatedMean).toBeCloseTo(13, 12);
    expect(row.before.comparisonMean).toBeCloseTo(mean([4, 9, 14, 30]), 12);
    expect(row.before.smd).toBeCloseTo((13 - mean([4, 9, 14, 30])) / sdT, 12);
    const after = mean([4, 14], [1.5, 0.5]);
    expect(row.after.comparisonMean).toBeCloseTo(after, 12);
    expect(row.after.smd).toBeCloseTo((13 - after) / sdT, 12);
  });

  it('gives the variance ratio with reliability-weighted variances', () => {
    const wv = (v: number[], w: number[]) => {
      const s = w.reduce((a, b) => a + b, 0);
      const p = w.map((x) => x / s);
      const m = v.reduce((a, x, i) => a + p[i] * x, 0);
      return v.reduce((a, x, i) => a + p[i] * (x - m) ** 2, 0) / (1 - p.reduce((a, q) => a + q * q, 0));
    };
    expect(row.before.varianceRatio).toBeCloseTo(sd([10, 12, 17]) ** 2 / sd([4, 9, 14, 30]) ** 2, 12);
    expect(row.after.varianceRatio).toBeCloseTo(sd([10, 12, 17]) ** 2 / wv([4, 14], [1.5, 0.5]), 12);
  });

  it('uses √(p(1 − p)) for a 0/1 covariate and reports no variance ratio', () => {
    const b = balanceRow('b', 'B', Float64Array.from([1, 0, 1, 0, 0, 1, 0]), treated, [0, 1, 2, 3, 4, 5, 6], weights);
    const p = 2 / 3;
    expect(b.before.smd).toBeCloseTo((p - 0.25) / Math.sqrt(p * (1 - p)), 12);
    expect(b.before.varianceRatio).toBeNaN();
  });
});
