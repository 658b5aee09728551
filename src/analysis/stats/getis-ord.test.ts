import { describe, expect, it } from 'vitest';
import { buildWeights } from '../weights/spatial-weights';
import { includeSelf } from '../weights/weights-transform';
import { getisOrd } from './getis-ord';

const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const lists = [[1, 2], [0, 2, 3], [0, 1, 3, 4], [1, 2, 4, 5], [2, 3, 5], [3, 4, 6], [5, 7], [6]];
const x = Float64Array.from([2, 9, 4, 11, 7, 3, 5, 1]);

/** Means and variances of the sums of all k-subsets of `values` (sampling without replacement). */
function exactMoments(values: number[], k: number): { mean: number; variance: number } {
  const sums: number[] = [];
  const rec = (from: number, left: number, acc: number) => {
    if (left === 0) return void sums.push(acc);
    for (let j = from; j <= values.length - left; j++) rec(j + 1, left - 1, acc + values[j]);
  };
  rec(0, k, 0);
  const mean = sums.reduce((s, v) => s + v, 0) / sums.length;
  return { mean, variance: sums.reduce((s, v) => s + (v - mean) ** 2, 0) / sums.length };
}

describe('getisOrd', () => {
  for (const style of ['B', 'W'] as const) {
    it(`Gi: z uses the exact moments of the lag when the other areas' values are randomised (${style})`, () => {
      const w = buildWeights(ids, lists, { style, kind: 't' });
      const g = getisOrd(x, w);
      expect(g.star).toBe(false);
      for (let i = 0; i < x.length; i++) {
        const k = lists[i].length;
        const c = w.weights[w.offsets[i]];
        const { mean, variance } = exactMoments(Array.from(x).filter((_, j) => j !== i), k);
        const lag = c * lists[i].reduce((s, j) => s + x[j], 0);
        expect(g.z[i]).toBeCloseTo((lag - c * mean) / Math.sqrt(c * c * variance), 10);
        const others = x.reduce((s, v) => s + v, 0) - x[i];
        expect(g.G[i]).toBeCloseTo(lag / others, 14);
        expect(g.expected[i]).toBeCloseTo((c * mean) / others, 14);
      }
    });

    it(`Gi*: z uses the exact moments when all n values, x_i included, are randomised (${style})`, () => {
      const w = includeSelf(buildWeights(ids, lists, { style, kind: 't' }));
      const g = getisOrd(x, w);
      expect(g.star).toBe(true);
      const total = x.reduce((s, v) => s + v, 0);
      for (let i = 0; i < x.length; i++) {
        const k = lists[i].length + 1;
        const c = w.weights[w.offsets[i]];
        const { mean, variance } = exactMoments(Array.from(x), k);
        const lag = c * (x[i] + lists[i].reduce((s, j) => s + x[j], 0));
        expect(g.z[i]).toBeCloseTo((lag - c * mean) / Math.sqrt(c * c * variance), 10);
        expect(g.G[i]).toBeCloseTo(lag / total, 14);
        expect(g.variance[i]).toBeCloseTo((c * c * variance) / total ** 2, 14);
      }
    });
  }

  it('puts a cluster of high values above zero and a cluster of low values below', () => {
    const g = getisOrd(Float64Array.from([1, 1, 1, 10, 12, 11, 1, 1]), includeSelf(buildWeights(ids, lists, { style: 'W', kind: 't' })));
    expect(g.z[4]).toBeGreaterThan(1);
    expect(g.z[0]).toBeLessThan(0);
  });
});
