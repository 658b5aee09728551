/**
 * Places per area on real boundaries, against an independent recomputation with turf: real GP
 * practice sites (MANIFEST §8) stand in for a user's pharmacies; the LSOA 2021 polygons are the
 * built ones the map draws. Counts use turf booleanPointInPolygon (each ring as a polygon, even-odd
 * like the atlas), distances use turf centerOfMass of the largest ring and turf distance, brute force.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { area, booleanPointInPolygon, centerOfMass, distance, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { decodeShapes } from '../../src/geo/shapes-file';
import { placeMeasures } from '../../src/geo/places-per-area';
import type { BinaryPolygons } from '../../src/geo/topology-binary';
import { dataFile } from '../support/node-db';
import { rawRows } from '../support/raw-csv';

function rings(g: BinaryPolygons, i: number): number[][][] {
  const out: number[][][] = [];
  for (let r = g.areaRings[i]; r < g.areaRings[i + 1]; r++) {
    const ring: number[][] = [];
    for (let v = g.ringStarts[r]; v < g.ringStarts[r + 1]; v++) ring.push([g.positions[2 * v], g.positions[2 * v + 1]]);
    ring.push(ring[0]);
    out.push(ring);
  }
  return out;
}

describe('places per LSOA 2021 (real boundaries, real sites) vs turf', () => {
  const g = decodeShapes(gunzipSync(readFileSync(dataFile('geo/lsoa21.bin'))), 'lsoa21').polygons;
  const sites = rawRows('lookups/gp_practice_locations_nhs_website_2019_with_lsoa21_ward24_lad24_derived.csv')
    .filter((r) => r.latitude && r.longitude)
    .map((r) => [Number(r.longitude), Number(r.latitude)])
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const lon = Float64Array.from(sites, (s) => s[0]);
  const lat = Float64Array.from(sites, (s) => s[1]);
  const m = placeMeasures(g, lon, lat);

  it('counts every site in the right LSOA and measures the nearest-site distance (a sample of 1,500 LSOAs)', () => {
    expect(sites.length).toBeGreaterThan(8000);
    // Every 22nd LSOA (about 1,500 across England) is recomputed whole.
    const sample = g.ids.map((_, i) => i).filter((i) => i % 22 === 0);
    let withPlaces = 0;
    for (const i of sample) {
      const polys = rings(g, i).filter((r) => r.length >= 4).map((r) => polygon([r]));
      let n = 0;
      for (const s of sites) if (polys.filter((p) => booleanPointInPolygon(s, p, { ignoreBoundary: true })).length % 2 === 1) n++;
      expect(m.count[i], g.ids[i]).toBe(n);
      if (n) withPlaces++;
      const largest = polys.reduce((a, b) => (area(b) > area(a) ? b : a));
      const c = centerOfMass(largest).geometry.coordinates;
      let best = Infinity;
      for (const s of sites) best = Math.min(best, distance(c, s, { units: 'kilometers' }));
      // Centroids agree to well under a metre (float32 boundaries), so distances to ~1 m.
      expect(Math.abs(m.nearestKm[i] - best), g.ids[i]).toBeLessThan(0.002);
    }
    expect(withPlaces).toBeGreaterThan(100);
  });

  it('places outside every LSOA are counted as outside, not dropped silently', () => {
    const inEngland = m.count.reduce((a, b) => a + b, 0);
    expect(inEngland + m.outside).toBe(sites.length);
    // MANIFEST §8: 8,874 of 8,882 sites fall in an English LSOA21 (super-generalised polygons; ours are the built ones).
    expect(m.outside).toBeGreaterThan(0);
    expect(m.outside).toBeLessThan(sites.length * 0.01);
  });
});
