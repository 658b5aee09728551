import { describe, expect, it } from 'vitest';
import { distanceBandWeights, minimumConnectingDistanceKm } from './distance-band-weights';
import { haversineKm } from './great-circle';
import { neighbourLists } from './spatial-weights';

describe('distanceBandWeights', () => {
  const n = 800;
  const lon = Array.from({ length: n }, (_, i) => -3 + 2 * ((i * 0.618034) % 1));
  const lat = Array.from({ length: n }, (_, i) => 52 + 1.5 * ((i * 0.41421356 + 0.1) % 1));
  const ids = lon.map((_, i) => `P${i}`);

  it('links exactly the pairs within the band, by great-circle distance', () => {
    const w = distanceBandWeights(ids, lon, lat, 9);
    const lists = neighbourLists(w);
    for (let i = 0; i < n; i += 7) {
      const expected = lon.map((_, j) => j).filter((j) => j !== i && haversineKm(lon[i], lat[i], lon[j], lat[j]) <= 9);
      expect(lists[i]).toEqual(expected);
    }
    expect(w.symmetric).toBe(true);
    expect(w.kind).toBe('distance-9km');
  });

  it('proposes the smallest band that leaves no island', () => {
    const d = minimumConnectingDistanceKm(lon, lat);
    expect(distanceBandWeights(ids, lon, lat, d).islands.length).toBe(0);
    expect(distanceBandWeights(ids, lon, lat, d * 0.999).islands.length).toBeGreaterThan(0);
  });

  it('keeps areas out of range as islands', () => {
    const w = distanceBandWeights(['a', 'b', 'far'], [0, 0.01, 3], [51, 51, 51], 5);
    expect(Array.from(w.islands)).toEqual([2]);
  });
});
