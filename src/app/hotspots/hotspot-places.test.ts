import { describe, expect, it } from 'vitest';
import type { HotspotClassKey } from '../../map/hotspot-styles';
import { hotspotPlaces } from './hotspot-places';

const keys: HotspotClassKey[] = ['not-significant', 'hot-99', 'hot-95', 'hot-90', 'cold-90', 'cold-95', 'cold-99', 'no-neighbours', 'no-value'];
const k = (c: HotspotClassKey) => keys.indexOf(c);

describe('hotspotPlaces', () => {
  // Six areas in two authorities (A, B) of one ICB (X); areas are unit squares along the x axis.
  const cluster = Uint8Array.from([k('hot-99'), k('hot-95'), k('not-significant'), k('hot-90'), k('cold-99'), k('no-value')]);
  const fc = { cluster, keys, rowOf: Int32Array.from([0, 1, 2, 3, 4, -1]) };
  const areas = {
    lad: ['A', 'A', 'A', 'B', 'B', 'B'],
    icb: ['X', 'X', 'X', 'X', 'X', 'X'],
    population: [100, 200, 300, 1000, 50, 70],
    bbox: Array.from({ length: 6 }, (_, i) => [i, 0, i + 1, 1]).flat(),
  };
  const names = (c: string) => `Place ${c}`;

  it('counts hot-spot areas and their residents per authority, ranked by residents, with the bounds of the hot areas', () => {
    const r = hotspotPlaces(fc, areas, null, 'lad', names);
    expect(r.map((p) => [p.code, p.name, p.areas, p.residents, p.tested])).toEqual([['B', 'Place B', 1, 1000, 2], ['A', 'Place A', 2, 300, 3]]);
    expect(r[1].bbox).toEqual([0, 0, 2, 1]);
  });

  it('groups by ICB, and counts only areas inside the focus', () => {
    expect(hotspotPlaces(fc, areas, null, 'icb', names).map((p) => [p.code, p.areas, p.residents])).toEqual([['X', 3, 1300]]);
    const mask = Uint8Array.from([1, 1, 1, 0, 0, 0]);
    expect(hotspotPlaces(fc, areas, mask, 'lad', names).map((p) => p.code)).toEqual(['A']);
  });

  it('leaves out places with no hot spot (cold spots are not hot spots)', () => {
    const cold = { ...fc, cluster: Uint8Array.from([k('cold-99'), k('cold-95'), 0, 0, 0, 0]) };
    expect(hotspotPlaces(cold, areas, null, 'lad', names)).toEqual([]);
  });
});
