import { describe, expect, it } from 'vitest';
import { classTotals } from '../../analysis/stats/cluster-classes';
import { computeHotspots } from '../../analysis/stats/hotspots';
import { buildWeights } from '../../analysis/weights/spatial-weights';
import { subsetWeights } from '../../workers/hotspot-weights-rows';
import { classCounts, frameClasses, pick, testedRows } from './hotspot-frame';

// A 7 × 7 rook grid, high values in one corner, two areas without a value.
const side = 7;
const ids = Array.from({ length: side * side }, (_, i) => `G${i}`);
const lists = ids.map((_, i) => {
  const [r, c] = [Math.floor(i / side), i % side];
  return [[r - 1, c], [r + 1, c], [r, c - 1], [r, c + 1]].filter(([a, b]) => a >= 0 && a < side && b >= 0 && b < side).map(([a, b]) => a * side + b);
});
const x = Float64Array.from(ids, (_, i) => 40 - 4 * (Math.floor(i / side) + (i % side)) + ((i * 7919) % 5));
x[10] = NaN;
x[30] = NaN;
const population = Float64Array.from(ids, (_, i) => 1000 + i);
const rows = testedRows(x);
const keep = Uint8Array.from(ids, (_, i) => (Number.isFinite(x[i]) ? 1 : 0));
const weights = subsetWeights(buildWeights(ids, lists, { style: 'W', kind: 'rook' }), keep);
const result = computeHotspots({ stat: 'gistar', x: pick(x, rows), weights, permutations: 999, seed: 3, correction: 'none', alpha: 0.1 });

describe('frameClasses and classCounts', () => {
  it('puts each result row back on its area and marks areas without a value', () => {
    const fc = frameClasses(result, rows, ids.length);
    expect(fc.keys[fc.cluster[10]]).toBe('no-value');
    expect(fc.rowOf[10]).toBe(-1);
    for (let r = 0; r < rows.length; r++) {
      expect(ids[rows[r]]).toBe(result.ids[r]);
      expect(fc.keys[fc.cluster[rows[r]]]).toBe(result.classes[result.cluster[r]]);
    }
  });

  it('counts areas and residents per class as the core does, and only inside the mask', () => {
    const fc = frameClasses(result, rows, ids.length);
    const all = classCounts(fc, population, null);
    const core = classTotals(result.cluster, result.classes, pick(population, rows));
    for (const c of all) {
      if (c.key === 'no-value') expect([c.areas, c.residents]).toEqual([2, population[10] + population[30]]);
      else expect([c.areas, c.residents]).toEqual([core[c.key].areas, core[c.key].total]);
    }
    expect(all.some((c) => c.key.startsWith('hot-') && c.areas > 0)).toBe(true);
    const mask = Uint8Array.from(ids, (_, i) => (i < side ? 1 : 0));
    const top = classCounts(fc, population, mask);
    expect(top.reduce((s, c) => s + c.areas, 0)).toBe(side);
    expect(top.find((c) => c.key === 'no-value')).toBeUndefined();
    expect(top.find((c) => c.key === 'no-neighbours')).toBeUndefined();
  });

  it('refuses rows that do not match the result', () => {
    expect(() => frameClasses(result, rows.subarray(1), ids.length)).toThrow(/rows for/);
  });
});
