import { describe, expect, it } from 'vitest';
import { buildWeights } from '../weights/spatial-weights';
import { bivariateMoran, standardise } from './bivariate-moran';
import { localMoran } from './local-moran';

const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
const lists = [[1, 2], [0, 2, 3], [0, 1, 4], [1, 4, 5], [2, 3, 5], [3, 4]];
const x = Float64Array.from([4, 8, 1, 9, 5, 7]);
const y = Float64Array.from([10, 30, 20, 60, 40, 50]);

describe('bivariateMoran', () => {
  it('standardises like R scale() (sample standard deviation)', () => {
    const s = standardise(x, 'x');
    const mean = 34 / 6;
    const sd = Math.sqrt(Array.from(x).reduce((a, v) => a + (v - mean) ** 2, 0) / 5);
    expect(s[0]).toBeCloseTo((4 - mean) / sd, 14);
    expect(s.reduce((a, v) => a + v * v, 0)).toBeCloseTo(5, 12);
  });

  it('is x̃_i times the lag of ỹ', () => {
    const w = buildWeights(ids, lists, { style: 'W', kind: 't' });
    const r = bivariateMoran(x, y, w);
    const xs = standardise(x, 'x');
    const ys = standardise(y, 'y');
    expect(r.I[1]).toBeCloseTo(xs[1] * ((ys[0] + ys[2] + ys[3]) / 3), 14);
    expect(r.kernel.values).toEqual(ys);
  });

  it('with y = x is (n − 1)/n times the univariate local Moran I', () => {
    const w = buildWeights(ids, lists, { style: 'W', kind: 't' });
    const bv = bivariateMoran(x, x, w);
    const uni = localMoran(x, w);
    for (let i = 0; i < 6; i++) expect(bv.I[i]).toBeCloseTo((uni.I[i] * 5) / 6, 13);
  });

  it('rejects mismatched lengths and constant variables', () => {
    const w = buildWeights(ids, lists, { style: 'W', kind: 't' });
    expect(() => bivariateMoran(x, y.subarray(1), w)).toThrow(/6 x and 5 y values/);
    expect(() => bivariateMoran(x, new Float64Array(6).fill(3), w)).toThrow(/y: the values do not vary/);
  });
});
