import { describe, expect, it } from 'vitest';
import { areasInShape, boxRing, type LonLat } from './select-in-shape';

/** A 5 × 5 grid of points at whole degrees. */
const lon = Float64Array.from({ length: 25 }, (_, i) => i % 5);
const lat = Float64Array.from({ length: 25 }, (_, i) => Math.floor(i / 5));

describe('box and lasso selection', () => {
  it('a box takes the points inside it, in either drag direction', () => {
    const want = [6, 7, 8, 11, 12, 13];
    expect(areasInShape(boxRing([0.5, 0.5], [3.5, 2.5]), lon, lat, null)).toEqual(want);
    expect(areasInShape(boxRing([3.5, 2.5], [0.5, 0.5]), lon, lat, null)).toEqual(want);
  });

  it('a lasso takes what it encloses and respects the focus region', () => {
    const triangle: LonLat[] = [[-0.5, -0.5], [4, -0.5], [-0.5, 4]];
    expect(areasInShape(triangle, lon, lat, null)).toEqual([0, 1, 2, 3, 5, 6, 7, 10, 11, 15]);
    const eligible = Uint8Array.from({ length: 25 }, (_, i) => (i % 2 ? 1 : 0));
    expect(areasInShape(triangle, lon, lat, eligible)).toEqual([1, 3, 5, 7, 11, 15]);
  });

  it('a figure-of-eight lasso selects both loops', () => {
    const eight: LonLat[] = [[-0.5, -0.5], [1.5, 1.5], [3.5, 1.5], [3.5, 3.5], [1.5, 1.5], [-0.5, 1.5]];
    const got = areasInShape(eight, lon, lat, null);
    expect(got).toContain(0);
    expect(got).toContain(18);
  });

  it('a click or a line selects nothing', () => {
    expect(areasInShape([[1, 1], [1, 1]], lon, lat, null)).toEqual([]);
    expect(areasInShape([[0, 0], [2, 2], [4, 4]], lon, lat, null)).toEqual([]);
  });
});
