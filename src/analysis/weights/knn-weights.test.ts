import { describe, expect, it } from 'vitest';
import { haversineKm } from './great-circle';
import { knnWeights } from './knn-weights';
import { neighbourLists } from './spatial-weights';

/** Deterministic scatter over England's extent (no Math.random in analysis code or its tests). */
function scatter(n: number): { ids: string[]; lon: number[]; lat: number[] } {
  const lon: number[] = [];
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    lon.push(-5.7 + 7.5 * ((i * 0.6180339887498949) % 1));
    lat.push(49.9 + 5.9 * ((i * 0.7548776662466927 + 0.3) % 1));
  }
  return { ids: lon.map((_, i) => `A${i}`), lon, lat };
}

function bruteForce(lon: number[], lat: number[], i: number, k: number): number[] {
  return lon
    .map((_, j) => [j, haversineKm(lon[i], lat[i], lon[j], lat[j])] as const)
    .filter(([j]) => j !== i)
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .slice(0, k)
    .map(([j]) => j);
}

describe('knnWeights', () => {
  it('finds the same k nearest areas as a brute-force great-circle search', () => {
    const { ids, lon, lat } = scatter(600);
    const k = 6;
    const w = knnWeights(ids, lon, lat, k);
    const lists = neighbourLists(w);
    for (let i = 0; i < ids.length; i++) expect(lists[i]).toEqual(bruteForce(lon, lat, i, k).sort((a, b) => a - b));
    expect(w.kind).toBe('knn-6');
    expect(w.islands.length).toBe(0);
    for (let e = 0; e < 20; e++) {
      const i = ids.length - 1 - e;
      const j = lists[i][0];
      const d = w.distances![w.offsets[i]];
      expect(d).toBeCloseTo(haversineKm(lon[i], lat[i], lon[j], lat[j]), 9);
    }
  });

  it('measures along the sphere, not in degrees: at 60°N a degree of longitude is half a degree of latitude', () => {
    // Point 0 has one neighbour 0.9° of longitude east (≈ 50 km) and one 0.6° of latitude north (≈ 67 km).
    const w = knnWeights(['o', 'east', 'north'], [0, 0.9, 0], [60, 60, 60.6], 1);
    expect(neighbourLists(w)[0]).toEqual([1]);
  });

  it('rejects a k the data cannot support', () => {
    expect(() => knnWeights(['a', 'b'], [0, 1], [50, 50], 2)).toThrow(/k = 2 needs more than 2 areas/);
    expect(() => knnWeights(['a', 'b'], [0, 1], [50, 50], 0)).toThrow(/whole number/);
    expect(() => knnWeights(['a', 'b'], [0, NaN], [50, 50], 1)).toThrow(/point 2 has invalid/);
  });
});
