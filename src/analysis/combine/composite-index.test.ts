import { describe, expect, it } from 'vitest';
import { compositeIndex, contributions, countMissing, rankDescending, weightShares } from './composite-index';

const a = Float64Array.from([10, 50, NaN, 90]);
const b = Float64Array.from([30, 70, 20, NaN]);

describe('compositeIndex', () => {
  it('is the weighted average of the scores, with weights as shares of their total', () => {
    const { values, shares } = compositeIndex([a, b], [3, 1]);
    expect(shares).toEqual([0.75, 0.25]);
    expect(values[0]).toBeCloseTo(0.75 * 10 + 0.25 * 30, 12);
    expect(values[1]).toBeCloseTo(0.75 * 50 + 0.25 * 70, 12);
  });

  it('an area missing any weighted input has no index', () => {
    const { values } = compositeIndex([a, b], [1, 1]);
    expect(values[2]).toBeNaN();
    expect(values[3]).toBeNaN();
    expect(countMissing(values, null)).toBe(2);
    expect(countMissing(values, Uint8Array.from([1, 1, 0, 1]))).toBe(1);
  });

  it('an input with weight 0 is left out, so its gaps do not matter', () => {
    const { values, shares } = compositeIndex([a, b], [0, 2]);
    expect(shares).toEqual([0, 1]);
    expect([...values]).toEqual([30, 70, 20, NaN]);
  });

  it('contributions add up to the index', () => {
    const { values, shares } = compositeIndex([a, b], [2, 5]);
    const c = contributions([a, b], shares, 1);
    expect(c[0] + c[1]).toBeCloseTo(values[1], 12);
    expect(c[0]).toBeCloseTo((2 / 7) * 50, 12);
  });

  it('rejects mismatched inputs and handles all-zero weights', () => {
    expect(() => compositeIndex([a], [1, 2])).toThrow(/weights/);
    expect(weightShares([0, 0])).toEqual([0, 0]);
    expect([...compositeIndex([a, b], [0, 0]).values].every(Number.isNaN)).toBe(true);
  });
});

describe('rankDescending', () => {
  it('ranks the highest first within the scope, ties sharing the better rank', () => {
    const r = rankDescending(Float64Array.from([5, 9, 5, NaN, 1]), Uint8Array.from([1, 1, 1, 1, 0]));
    expect([...r].map((x) => (Number.isNaN(x) ? null : x))).toEqual([2, 1, 2, null, null]);
  });
});
