import { describe, expect, it } from 'vitest';
import { buildWeights, cardinalities, isSymmetric, neighbourLists } from './spatial-weights';

// A 3 × 3 grid of squares, numbered row by row; rook neighbours share an edge.
const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
const rook = [[1, 3], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7], [2, 4, 8], [3, 7], [4, 6, 8], [5, 7]];

describe('buildWeights', () => {
  it('stores rows in CSR form, sorted, with binary or row-standardised weights', () => {
    const unsorted = rook.map((l) => [...l].reverse());
    const b = buildWeights(ids, unsorted, { style: 'B', kind: 'rook' });
    expect(Array.from(b.offsets)).toEqual([0, 2, 5, 7, 10, 14, 17, 19, 22, 24]);
    expect(neighbourLists(b)).toEqual(rook);
    expect(new Set(b.weights)).toEqual(new Set([1]));
    const w = buildWeights(ids, rook, { style: 'W', kind: 'rook' });
    for (let i = 0; i < w.n; i++) {
      const row = Array.from(w.weights.subarray(w.offsets[i], w.offsets[i + 1]));
      expect(row.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 15);
      expect(row.every((x) => x === 1 / rook[i].length)).toBe(true);
    }
    expect(Array.from(cardinalities(w))).toEqual(rook.map((l) => l.length));
    expect(w.symmetric).toBe(true);
  });

  it('keeps islands and lists them instead of dropping them', () => {
    const lists = [[1], [0], [], [4], [3], []];
    const w = buildWeights(['p', 'q', 'r', 's', 't', 'u'], lists, { style: 'W', kind: 'test' });
    expect(w.n).toBe(6);
    expect(Array.from(w.islands)).toEqual([2, 5]);
    expect(w.offsets[3] - w.offsets[2]).toBe(0);
  });

  it('rejects duplicate ids, out-of-range and duplicate neighbours, and self links unless asked for', () => {
    expect(() => buildWeights(['a', 'a'], [[1], [0]], { style: 'B', kind: 't' })).toThrow(/"a" appears twice \(rows 1 and 2\)/);
    expect(() => buildWeights(['a', 'b'], [[2], [0]], { style: 'B', kind: 't' })).toThrow(/"a" has neighbour index 2/);
    expect(() => buildWeights(['a', 'b'], [[1, 1], [0]], { style: 'B', kind: 't' })).toThrow(/lists neighbour "b" twice/);
    expect(() => buildWeights(['a', 'b'], [[0, 1], [0]], { style: 'B', kind: 't' })).toThrow(/"a" lists itself/);
    expect(() => buildWeights(['a', 'b'], [[0, 1], [0]], { style: 'B', kind: 't', selfIncluded: true })).toThrow(/"b" does not list itself/);
    expect(() => buildWeights(['a'], [[0], [0]], { style: 'B', kind: 't' })).toThrow(/1 ids but 2 neighbour lists/);
  });

  it('counts a self-only row as an island in self-included weights', () => {
    const w = buildWeights(['a', 'b', 'c'], [[0, 1], [1, 0], [2]], { style: 'W', kind: 't', selfIncluded: true });
    expect(Array.from(w.islands)).toEqual([2]);
    expect(Array.from(w.weights)).toEqual([0.5, 0.5, 0.5, 0.5, 1]);
  });

  it('detects asymmetric structure', () => {
    expect(isSymmetric(Int32Array.from([0, 1, 2]), Int32Array.from([1, 0]))).toBe(true);
    const w = buildWeights(['a', 'b', 'c'], [[1], [2], [1]], { style: 'B', kind: 'knn-1' });
    expect(w.symmetric).toBe(false);
  });
});
