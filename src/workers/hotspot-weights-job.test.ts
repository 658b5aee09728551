import { describe, expect, it } from 'vitest';
import { writeGal } from '../analysis/weights/gal';
import { haversineKm } from '../analysis/weights/great-circle';
import { writeGwt } from '../analysis/weights/gwt';
import { knnWeights } from '../analysis/weights/knn-weights';
import { buildWeights, neighbourLists, type SpatialWeights } from '../analysis/weights/spatial-weights';
import { buildJobWeights, MAX_BAND_LINKS } from './hotspot-weights-job';
import type { WeightsJob } from './hotspot-weights-messages';
import { alignWeights, subsetWeights } from './hotspot-weights-rows';

// A 4 × 4 rook grid about 1 km apart (Midlands), plus an offshore island far to the south-west.
const side = 4;
const ids = [...Array.from({ length: side * side }, (_, i) => `A${String(i).padStart(2, '0')}`), 'ISLE'];
const lon = Float64Array.from(ids, (_, i) => (i < 16 ? -1.5 + (i % side) * 0.0146 : -6.3));
const lat = Float64Array.from(ids, (_, i) => (i < 16 ? 52.5 + Math.floor(i / side) * 0.009 : 49.93));
const rookLists = ids.map((_, i) => {
  if (i === 16) return [];
  const r = Math.floor(i / side);
  const c = i % side;
  return [[r - 1, c], [r + 1, c], [r, c - 1], [r, c + 1]].filter(([a, b]) => a >= 0 && a < side && b >= 0 && b < side).map(([a, b]) => a * side + b);
});
const rook = buildWeights(ids, rookLists, { style: 'B', kind: 'rook' });
// The pipeline writes files in its own order; the map may list areas in another.
const galText = writeGal(rook, { shape: 'test', key: 'code' });
const url = 'data/weights/test-rook.gal';

const job = (over: Partial<WeightsJob>): WeightsJob => ({
  type: 'weights', job: 1, source: { kind: 'contiguity', rule: 'rook', url }, ids, lon, lat, keep: null, style: 'W', islands: 'flag', ...over,
});
const loads: string[] = [];
const loadText = async (u: string) => {
  loads.push(u);
  return galText;
};
const named = (w: SpatialWeights, i: number) => neighbourLists(w)[i].map((j) => w.ids[j]).sort();

describe('buildJobWeights', () => {
  it('reads the pipeline GAL once, flags the island and row-standardises', async () => {
    const cache = new Map<string, SpatialWeights>();
    const a = await buildJobWeights(job({}), loadText, cache);
    await buildJobWeights(job({ style: 'B' }), loadText, cache);
    expect(loads.filter((u) => u === url)).toHaveLength(1);
    expect(a.info.islands).toEqual(['ISLE']);
    expect(a.info.links).toBe(2 * (2 * side * (side - 1)));
    expect(a.weights.style).toBe('W');
    expect(a.weights.weights[a.weights.offsets[0]]).toBe(0.5);
    expect(a.info.label).toMatch(/^Rook contiguity.*row-standardised$/);
  });

  it('links the island to its nearest area when asked, both ways', async () => {
    const { weights, info } = await buildJobWeights(job({ islands: 'knn' }), loadText, new Map());
    expect(info.islands).toEqual([]);
    expect(info.attached).toEqual([{ island: 'ISLE', neighbours: ['A00'] }]);
    expect(named(weights, 16)).toEqual(['A00']);
    expect(named(weights, 0)).toContain('ISLE');
  });

  it('drops areas without a value and their links; an area cut off becomes an island', async () => {
    const keep = new Uint8Array(ids.length).fill(1);
    keep[1] = 0;
    keep[4] = 0; // A00's only neighbours
    const { weights, info } = await buildJobWeights(job({ keep }), loadText, new Map());
    expect(weights.n).toBe(ids.length - 2);
    expect(weights.ids).not.toContain('A01');
    expect(info.dropped).toBe(2);
    expect(info.islands).toEqual(['A00', 'ISLE']);
    expect(named(weights, weights.ids.indexOf('A05'))).toEqual(['A06', 'A09']);
  });

  it('builds kNN among the areas with a value only', async () => {
    const keep = new Uint8Array(ids.length).fill(1);
    keep[5] = 0;
    const { weights } = await buildJobWeights(job({ source: { kind: 'knn', k: 3 }, keep }), loadText, new Map());
    const expected = knnWeights(ids.filter((_, i) => i !== 5), lon.filter((_, i) => i !== 5), lat.filter((_, i) => i !== 5), 3);
    expect(neighbourLists(weights)).toEqual(neighbourLists(expected));
    expect(weights.distances).toBeDefined();
  });

  it('uses the smallest connecting band by default and names the area that sets it', async () => {
    const { weights, info } = await buildJobWeights(job({ source: { kind: 'band', km: null }, style: 'B' }), loadText, new Map());
    const toIsle = Math.min(...ids.slice(0, 16).map((_, i) => haversineKm(lon[16], lat[16], lon[i], lat[i])));
    expect(info.bandKm!).toBeGreaterThanOrEqual(toIsle);
    expect(info.bandKm! - toIsle).toBeLessThan(0.011);
    expect(info.islands).toEqual([]);
    expect(info.notes.join(' ')).toMatch(/set by ISLE/);
    expect(weights.kind).toMatch(/^distance-/);
  });

  it('refuses a band with more links than fit, saying how many', async () => {
    const n = Math.ceil(Math.sqrt(MAX_BAND_LINKS)) + 10;
    const many = Array.from({ length: n }, (_, i) => `P${i}`);
    const pts = Float64Array.from(many, (_, i) => -1 + (i % 50) * 1e-4);
    const lats = Float64Array.from(many, (_, i) => 52 + Math.floor(i / 50) * 1e-4);
    const j = job({ source: { kind: 'band', km: 50 }, ids: many, lon: pts, lat: lats });
    await expect(buildJobWeights(j, loadText, new Map())).rejects.toThrow(/would link each area to about [\d,]+ others/);
  });

  it('reads imported GAL and GWT files in any row order, and names areas that do not match', async () => {
    const reversed = alignWeights(rook, [...ids].reverse(), 'test');
    const gal = await buildJobWeights(job({ source: { kind: 'file', name: 'mine.gal', text: writeGal(reversed) } }), loadText, new Map());
    expect(neighbourLists(gal.weights)).toEqual(neighbourLists(alignWeights(rook, ids, 'x')));
    const knn = knnWeights(ids, lon, lat, 2);
    const gwt = await buildJobWeights(job({ source: { kind: 'file', name: 'mine.txt', text: writeGwt(knn) } }), loadText, new Map());
    expect(neighbourLists(gwt.weights)).toEqual(neighbourLists(knn));
    expect(gwt.weights.distances).toEqual(knn.distances);
    const wrong = galText.replace(/A03/g, 'B03');
    await expect(buildJobWeights(job({ source: { kind: 'file', name: 'other.gal', text: wrong } }), loadText, new Map())).rejects.toThrow(/other\.gal names 1 area that is not on this map \(B03\)/);
  });
});

describe('subsetWeights', () => {
  it('returns the same object when every area is kept, and keeps distances aligned', () => {
    expect(subsetWeights(rook, new Uint8Array(ids.length).fill(1))).toBe(rook);
    const knn = knnWeights(ids, lon, lat, 3);
    const keep = Uint8Array.from(ids, (_, i) => (i % 3 ? 1 : 0));
    const sub = subsetWeights(knn, keep);
    for (let i = 0; i < sub.n; i++) {
      for (let e = sub.offsets[i]; e < sub.offsets[i + 1]; e++) {
        const a = ids.indexOf(sub.ids[i]);
        const b = ids.indexOf(sub.ids[sub.neighbours[e]]);
        expect(sub.distances![e]).toBeCloseTo(haversineKm(lon[a], lat[a], lon[b], lat[b]), 6);
      }
    }
  });
});
