import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildPlaceGrid, haversineKm, nearestPlaces } from './nearest-place';

/** Deterministic pseudo-random points over England's extent (a small LCG, so the test needs no seed source). */
function points(n: number, seed: number): { lon: number[]; lat: number[] } {
  let s = seed;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const lon: number[] = [];
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    lon.push(-5.7 + 7.5 * next());
    lat.push(50 + 5.8 * next());
  }
  return { lon, lat };
}

describe('nearestPlaces', () => {
  it('haversine agrees with turf distance (km)', () => {
    for (const [a, b, c, d] of [[-0.1276, 51.5072, -2.2426, 53.4808], [-1.5, 52, -1.5001, 52.0001], [1.75, 52.47, -5.71, 50.07]]) {
      expect(haversineKm(a, b, c, d)).toBeCloseTo(distance([a, b], [c, d], { units: 'kilometers' }), 6);
    }
  });

  it('finds the same nearest place as a brute-force turf scan (clustered and sparse places)', () => {
    // Clustered places (most in a small box, as a town's pharmacies are) stress the grid's walk-out.
    const spread = points(300, 7);
    const town = points(900, 11);
    const pl = { lon: [...spread.lon, ...town.lon.map((x) => -1.6 + (x + 5.7) / 75)], lat: [...spread.lat, ...town.lat.map((y) => 52.9 + (y - 50) / 58)] };
    const or = points(400, 3);
    // Origins far outside the places' extent are found too (the grid search walks out to them).
    or.lon.push(-9, 3.5);
    or.lat.push(49, 58);
    const grid = buildPlaceGrid(Float64Array.from(pl.lon), Float64Array.from(pl.lat));
    const got = nearestPlaces(grid, Float64Array.from(or.lon), Float64Array.from(or.lat));
    expect(or.lon.length).toBeGreaterThan(300);
    for (let o = 0; o < or.lon.length; o++) {
      let best = Infinity;
      for (let i = 0; i < pl.lon.length; i++) best = Math.min(best, distance([or.lon[o], or.lat[o]], [pl.lon[i], pl.lat[i]], { units: 'kilometers' }));
      expect(got.km[o]).toBeCloseTo(best, 6);
      expect(haversineKm(or.lon[o], or.lat[o], pl.lon[got.place[o]], pl.lat[got.place[o]])).toBeCloseTo(best, 6);
    }
  });

  it('gives NaN and -1 without places or without an origin position', () => {
    const none = nearestPlaces(buildPlaceGrid(new Float64Array(0), new Float64Array(0)), Float64Array.of(-1), Float64Array.of(52));
    expect(Number.isNaN(none.km[0])).toBe(true);
    expect(none.place[0]).toBe(-1);
    const one = nearestPlaces(buildPlaceGrid(Float64Array.of(-1, NaN), Float64Array.of(52, 52)), Float64Array.of(NaN, -1), Float64Array.of(52, 52.009));
    expect(Number.isNaN(one.km[0])).toBe(true);
    expect(one.place[1]).toBe(0);
    expect(one.km[1]).toBeCloseTo(distance([-1, 52.009], [-1, 52], { units: 'kilometers' }), 9);
  });
});
