import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { rawRows } from '../../../test/support/raw-csv';
import { buildPlaceGrid, haversineKm, nearestPlaces } from './nearest-place';

/** Real practice sites (MANIFEST §8) as "places"; origins are other real sites shifted by up to ~30 km. */
function practiceSites(): { lon: number[]; lat: number[] } {
  const rows = rawRows('lookups/gp_practice_locations_nhs_website_2019_with_lsoa21_ward24_lad24_derived.csv');
  const lon: number[] = [];
  const lat: number[] = [];
  for (const r of rows) {
    const [x, y] = [Number(r.longitude), Number(r.latitude)];
    if (r.longitude && r.latitude && Number.isFinite(x) && Number.isFinite(y)) [lon.push(x), lat.push(y)];
  }
  return { lon, lat };
}

describe('nearestPlaces', () => {
  it('haversine agrees with turf distance (km)', () => {
    for (const [a, b, c, d] of [[-0.1276, 51.5072, -2.2426, 53.4808], [-1.5, 52, -1.5001, 52.0001], [1.75, 52.47, -5.71, 50.07]]) {
      expect(haversineKm(a, b, c, d)).toBeCloseTo(distance([a, b], [c, d], { units: 'kilometers' }), 6);
    }
  });

  it('finds the same nearest place as a brute-force turf scan, on real sites', () => {
    const sites = practiceSites();
    // Every 7th site is a place ("pharmacies"), a sample of the others are origins.
    const pl = { lon: [] as number[], lat: [] as number[] };
    const or = { lon: [] as number[], lat: [] as number[] };
    sites.lon.forEach((x, i) => {
      if (i % 7 === 0) [pl.lon.push(x), pl.lat.push(sites.lat[i])];
      else if (i % 23 === 1) [or.lon.push(x + ((i % 5) - 2) * 0.1), or.lat.push(sites.lat[i] + ((i % 3) - 1) * 0.1)];
    });
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
