import { describe, expect, it } from 'vitest';
import { convexHull } from './convex-hull';

describe('convexHull', () => {
  it('keeps the corners of a square and drops the points inside and on its edges', () => {
    const pts = [[0, 0], [2, 0], [2, 2], [0, 2], [1, 1], [1, 0], [0.5, 1.5]];
    const hull = convexHull(pts.map((p) => p[0]), pts.map((p) => p[1]));
    expect(hull).toEqual([[0, 0], [2, 0], [2, 2], [0, 2]]);
  });
  it('returns what there is for fewer than three distinct points, skipping missing ones', () => {
    expect(convexHull([1, 1, NaN], [2, 2, 3])).toEqual([[1, 2]]);
    expect(convexHull([0, 3], [0, 4])).toEqual([[0, 0], [3, 4]]);
  });
  it('matches a brute-force check: every point lies inside or on the hull', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const xs = Array.from({ length: 200 }, rnd);
    const ys = Array.from({ length: 200 }, rnd);
    const hull = convexHull(xs, ys);
    for (let i = 0; i < xs.length; i++) {
      for (let k = 0; k < hull.length; k++) {
        const [a, b] = [hull[k], hull[(k + 1) % hull.length]];
        expect((b[0] - a[0]) * (ys[i] - a[1]) - (b[1] - a[1]) * (xs[i] - a[0])).toBeGreaterThanOrEqual(-1e-12);
      }
    }
  });
});
