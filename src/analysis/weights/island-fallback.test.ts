import { describe, expect, it } from 'vitest';
import { attachIslands } from './island-fallback';
import { buildWeights, neighbourLists } from './spatial-weights';

// Penzance-ish mainland chain plus an offshore island (Scilly) and a far one.
const ids = ['m1', 'm2', 'm3', 'scilly'];
const lon = [-5.53, -5.2, -4.9, -6.3];
const lat = [50.12, 50.2, 50.3, 49.93];

describe('attachIslands', () => {
  it('links each island to its nearest areas, both ways by default', () => {
    const w = buildWeights(ids, [[1], [0, 2], [1], []], { style: 'W', kind: 'queen' });
    const { weights, attached } = attachIslands(w, lon, lat);
    expect(attached).toEqual([{ island: 3, neighbours: [0] }]);
    expect(neighbourLists(weights)).toEqual([[1, 3], [0, 2], [1], [0]]);
    expect(weights.islands.length).toBe(0);
    expect(weights.symmetric).toBe(true);
    expect(weights.kind).toBe('queen+islands-knn1');
    expect(weights.weights[weights.offsets[0]]).toBe(0.5);
  });

  it('can add one-way links only, and k > 1', () => {
    const w = buildWeights(ids, [[1], [0, 2], [1], []], { style: 'B', kind: 'queen' });
    const { weights } = attachIslands(w, lon, lat, { k: 2, symmetric: false });
    expect(neighbourLists(weights)[3]).toEqual([0, 1]);
    expect(neighbourLists(weights)[0]).toEqual([1]);
    expect(weights.symmetric).toBe(false);
  });

  it('returns the same weights when there is no island', () => {
    const w = buildWeights(ids.slice(0, 2), [[1], [0]], { style: 'W', kind: 'queen' });
    expect(attachIslands(w, lon.slice(0, 2), lat.slice(0, 2)).weights).toBe(w);
  });
});
