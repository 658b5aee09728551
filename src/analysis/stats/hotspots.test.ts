import { describe, expect, it } from 'vitest';
import { buildWeights } from '../weights/spatial-weights';
import { computeHotspots, reclassify } from './hotspots';
import { createPrng } from './prng';

// A 14 × 14 grid (queen contiguity) with noise, a block of high values and a block of low values.
const side = 14;
const ids = Array.from({ length: side * side }, (_, i) => `A${String(i).padStart(3, '0')}`);
const lists = ids.map((_, i) => {
  const r = Math.floor(i / side);
  const c = i % side;
  const out: number[] = [];
  for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
    const rr = r + dr;
    const cc = c + dc;
    if ((dr || dc) && rr >= 0 && rr < side && cc >= 0 && cc < side) out.push(rr * side + cc);
  }
  return out;
});
const weights = buildWeights(ids, lists, { style: 'W', kind: 'queen' });
const noise = createPrng(77);
const x = Float64Array.from(ids, (_, i) => {
  const r = Math.floor(i / side);
  const c = i % side;
  const base = 50 + (noise.nextUint32() / 2 ** 32 - 0.5) * 20;
  if (r >= 2 && r <= 5 && c >= 2 && c <= 5) return base + 40;
  if (r >= 8 && r <= 11 && c >= 8 && c <= 11) return base - 30;
  return base + 0.5;
});
const hot = 3 * side + 3;
const cold = 9 * side + 9;
const request = { x, weights, seed: 1, permutations: 999 };

describe('computeHotspots', () => {
  it('Gi*: finds the planted hot and cold blocks', () => {
    const r = computeHotspots({ ...request, stat: 'gistar' });
    expect(r.classes[r.cluster[hot]]).toBe('hot-99');
    expect(r.classes[r.cluster[cold]]).toMatch(/^cold-9/);
    expect(r.z[hot]).toBeGreaterThan(3);
    expect(r.pseudoP[hot]).toBe(0.001);
    expect(r.correction).toBe('fdr');
    // Far from both blocks nothing should be flagged.
    expect(r.classes[r.cluster[13]]).toBe('not-significant');
  });

  it('LISA: High-High and Low-Low inside the blocks; z and zSim agree in sign', () => {
    const r = computeHotspots({ ...request, stat: 'lisa' });
    expect(r.classes[r.cluster[hot]]).toBe('high-high');
    expect(r.classes[r.cluster[cold]]).toBe('low-low');
    expect(Math.sign(r.z[hot])).toBe(Math.sign(r.zSim[hot]));
    expect(r.significantCounts.none).toBeGreaterThanOrEqual(r.significantCounts.fdr);
    expect(r.significantCounts.fdr).toBeGreaterThanOrEqual(r.significantCounts.bonferroni);
  });

  it('bivariate LISA: x high where the lag of y is high', () => {
    const y = Float64Array.from(x, (v, i) => v * 2 + (i % 5));
    const r = computeHotspots({ ...request, stat: 'bilisa', y });
    expect(r.classes[r.cluster[hot]]).toBe('high-high');
    expect(Number.isNaN(r.z[hot])).toBe(true);
    expect(Number.isFinite(r.zSim[hot])).toBe(true);
  });

  it('is reproducible by seed, and reclassifies without permuting again', () => {
    const a = computeHotspots({ ...request, stat: 'gi' });
    const b = computeHotspots({ ...request, stat: 'gi' });
    expect(b.pseudoP).toEqual(a.pseudoP);
    const none = reclassify(a, { correction: 'none', alpha: 0.1 });
    expect(none.pseudoP).toBe(a.pseudoP);
    expect(none.pAdjusted).toEqual(a.pseudoP);
    expect(none.significant.reduce((s, v) => s + v, 0)).toBe(Array.from(a.pseudoP).filter((p) => p <= 0.1).length);
    expect(() => reclassify(a, { alpha: 0 })).toThrow(/alpha/);
    expect(() => reclassify(a, { correction: 'holm' as 'fdr' })).toThrow(/correction must be one of/);
  });

  it('flags islands as untested and warns about raw counts', () => {
    const islandLists = lists.map((l, i) => (i === 0 ? [] : l.filter((j) => j !== 0)));
    const w = buildWeights(ids, islandLists, { style: 'W', kind: 'queen' });
    const counts = Float64Array.from(x, (v) => Math.round(v));
    const r = computeHotspots({ stat: 'gistar', x: counts, weights: w, seed: 3, permutations: 99 });
    expect(Array.from(r.islands)).toEqual([0]);
    expect(r.classes[r.cluster[0]]).toBe('no-neighbours');
    expect(Number.isNaN(r.pseudoP[0])).toBe(true);
    expect(r.warnings.join(' ')).toMatch(/raw counts/);
    expect(r.warnings.join(' ')).toMatch(/1 area has no neighbours.*A000/);
  });

  it('names the bad option or value', () => {
    expect(() => computeHotspots({ ...request, stat: 'lisa', permutations: 100_000 })).toThrow(/permutations must be a whole number from 99 to 99999/);
    expect(() => computeHotspots({ ...request, stat: 'lisa', seed: -2 })).toThrow(/seed/);
    expect(() => computeHotspots({ ...request, stat: 'bilisa' })).toThrow(/needs a second variable/);
    expect(() => computeHotspots({ ...request, stat: 'lisa', alpha: 5 })).toThrow(/alpha/);
    const bad = Float64Array.from(x);
    bad[17] = NaN;
    expect(() => computeHotspots({ ...request, stat: 'lisa', x: bad })).toThrow('value for area "A017" is missing or not a finite number');
    expect(() => computeHotspots({ ...request, stat: 'nope' as 'lisa' })).toThrow(/stat must be one of/);
  });
});
