import { describe, expect, it } from 'vitest';
import { buildWeights } from '../weights/spatial-weights';
import { includeSelf } from '../weights/weights-transform';
import { localMoran } from './local-moran';

// Seven areas with uneven neighbour counts, and one island.
const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const lists = [[1, 2, 6], [0, 2, 3], [0, 1, 3, 4], [1, 2, 4], [2, 3], [], [0]];
const x = Float64Array.from([3.2, 8.1, 4.4, 9.7, 1.3, 5.5, 6.0]);

/** All k-subsets of the other areas' values: the exact conditional-randomisation distribution of the sum. */
function subsetSums(values: number[], k: number): number[] {
  const out: number[] = [];
  const rec = (from: number, left: number, acc: number) => {
    if (left === 0) return void out.push(acc);
    for (let j = from; j <= values.length - left; j++) rec(j + 1, left - 1, acc + values[j]);
  };
  rec(0, k, 0);
  return out;
}

describe('localMoran', () => {
  for (const style of ['W', 'B'] as const) {
    it(`has E[Ii] and Var[Ii] equal to the exact conditional permutation moments (style ${style})`, () => {
      const w = buildWeights(ids, lists, { style, kind: 't' });
      const r = localMoran(x, w);
      const n = x.length;
      const mean = x.reduce((s, v) => s + v, 0) / n;
      const z = Array.from(x, (v) => v - mean);
      const m2 = z.reduce((s, v) => s + v * v, 0) / n;
      for (let i = 0; i < n; i++) {
        const k = w.offsets[i + 1] - w.offsets[i];
        if (k === 0) continue;
        const c = w.weights[w.offsets[i]];
        const stats = subsetSums(z.filter((_, j) => j !== i), k).map((s) => (z[i] / m2) * c * s);
        const e = stats.reduce((s, v) => s + v, 0) / stats.length;
        const v = stats.reduce((s, t) => s + (t - e) ** 2, 0) / stats.length;
        expect(r.expected[i]).toBeCloseTo(e, 12);
        expect(r.variance[i]).toBeCloseTo(v, 12);
        expect(r.z[i]).toBeCloseTo((r.I[i] - e) / Math.sqrt(v), 10);
      }
    });
  }

  it('sums to n times the global Moran I under row standardisation', () => {
    const w = buildWeights(ids, lists.map((l, i) => (i === 5 ? [4] : l)).map((l, i) => (i === 4 ? [2, 3, 5] : l)), { style: 'W', kind: 't' });
    const r = localMoran(x, w);
    const n = x.length;
    const mean = x.reduce((s, v) => s + v, 0) / n;
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      den += (x[i] - mean) ** 2;
      for (let e = w.offsets[i]; e < w.offsets[i + 1]; e++) num += w.weights[e] * (x[i] - mean) * (x[w.neighbours[e]] - mean);
    }
    const S0 = w.weights.reduce((s, v) => s + v, 0);
    const globalI = (n / S0) * (num / den);
    // Σ Ii = n Σ z lz / Σ z² = S0 · I, and S0 = n for row-standardised weights without islands.
    expect(r.I.reduce((s, v) => s + v, 0)).toBeCloseTo(S0 * globalI, 12);
    expect(S0).toBeCloseTo(n, 12);
  });

  it('gives an island I = 0 and no z (spdep with zero.policy = TRUE)', () => {
    const r = localMoran(x, buildWeights(ids, lists, { style: 'W', kind: 't' }));
    expect(r.I[5]).toBe(0);
    expect(Number.isNaN(r.z[5])).toBe(true);
  });

  it('refuses self-included weights and constant values', () => {
    const w = buildWeights(ids, lists, { style: 'W', kind: 't' });
    expect(() => localMoran(x, includeSelf(w))).toThrow(/must not include self/);
    expect(() => localMoran(new Float64Array(7).fill(2), w)).toThrow(/do not vary/);
  });
});
