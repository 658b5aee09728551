import { describe, expect, it } from 'vitest';
import { buildWeights } from '../weights/spatial-weights';
import { includeSelf } from '../weights/weights-transform';
import { getisOrd } from './getis-ord';
import { localMoran } from './local-moran';
import { drawStreams, permute, streamsFor } from './permutation-engine';
import { mergeParts, splitShares } from './permutation-part';

// Nine areas on a 3 × 3 grid (queen), plus rows wide enough that an area often draws itself, which
// exercises the engine's stand-in for self draws.
const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
const queen = [[1, 3, 4], [0, 2, 3, 4, 5], [1, 4, 5], [0, 1, 4, 6, 7], [0, 1, 2, 3, 5, 6, 7, 8], [1, 2, 4, 7, 8], [3, 4, 7], [3, 4, 5, 6, 8], [4, 5, 7]];
const x = Float64Array.from([1.5, 7.25, 3.0, 9.5, 4.75, 2.0, 8.0, 6.5, 0.5]);
// A ring where each area links to the two on either side: with self links (Gi*) 5 of the 8 others.
const ring = ids.map((_, i) => [i - 2, i - 1, i + 1, i + 2].map((j) => (j + 9) % 9).sort((a, b) => a - b));

/** Exact P(stat ≥ obs), P(stat ≤ obs), mean and sd over all k-subsets of the other areas (or all areas). */
function exactNull(values: number[], k: number, stat: (sum: number) => number, obs: number) {
  const stats: number[] = [];
  const rec = (from: number, left: number, acc: number) => {
    if (left === 0) return void stats.push(stat(acc));
    for (let j = from; j <= values.length - left; j++) rec(j + 1, left - 1, acc + values[j]);
  };
  rec(0, k, 0);
  const mean = stats.reduce((s, v) => s + v, 0) / stats.length;
  const sd = Math.sqrt(stats.reduce((s, v) => s + (v - mean) ** 2, 0) / stats.length);
  // Tolerance for ties between separately rounded float sums.
  const eps = 1e-12 * Math.max(1, Math.abs(obs));
  return { ge: stats.filter((s) => s >= obs - eps).length / stats.length, le: stats.filter((s) => s <= obs + eps).length / stats.length, mean, sd };
}

const P = 20_000;
/** Binomial tolerance: 5 standard errors (false-failure chance below 1e-6 per check) plus one count. */
const tol = (p: number) => 5 * Math.sqrt((p * (1 - p)) / P) + 1 / P;

describe('permute', () => {
  it("reproduces the exact conditional permutation distribution of local Moran's I", () => {
    const w = buildWeights(ids, queen, { style: 'W', kind: 'queen' });
    const lm = localMoran(x, w);
    const part = permute(lm.kernel, w, { permutations: P, seed: 11 });
    for (let i = 0; i < 9; i++) {
      const c = w.weights[w.offsets[i]];
      const others = Array.from(lm.centred).filter((_, j) => j !== i);
      const ex = exactNull(others, queen[i].length, (s) => lm.kernel.slope[i] * c * s, lm.I[i]);
      expect(Math.abs(part.atLeast[i] / P - ex.ge)).toBeLessThan(tol(ex.ge));
      expect(Math.abs(part.atMost[i] / P - ex.le)).toBeLessThan(tol(ex.le));
      expect(Math.abs(part.simMean[i] - ex.mean)).toBeLessThan((5 * ex.sd) / Math.sqrt(P) + 1e-12);
      // The centre links to all 8 others, so its null has a single value (sd 0).
      if (ex.sd === 0) expect(part.simSd[i]).toBeLessThan(1e-12);
      else expect(Math.abs(part.simSd[i] / ex.sd - 1)).toBeLessThan(0.05);
    }
  });

  it('redraws the self link of Gi* from the other areas too', () => {
    const w = includeSelf(buildWeights(ids, ring, { style: 'B', kind: 'ring' }));
    const g = getisOrd(x, w);
    const part = permute(g.kernel, w, { permutations: P, seed: 5 });
    for (let i = 0; i < 9; i++) {
      const others = Array.from(x).filter((_, j) => j !== i);
      const ex = exactNull(others, ring[i].length + 1, (s) => g.kernel.slope[i] * s, g.G[i]);
      expect(Math.abs(part.atLeast[i] / P - ex.ge)).toBeLessThan(tol(ex.ge));
      expect(Math.abs(part.atMost[i] / P - ex.le)).toBeLessThan(tol(ex.le));
    }
  });

  it('counts ties on both sides, exactly, for integer data', () => {
    const xi = Float64Array.from([1, 2, 1, 2, 1, 2, 1, 2, 1]);
    const w = includeSelf(buildWeights(ids, ring, { style: 'B', kind: 'ring' }));
    const g = getisOrd(xi, w);
    const part = permute(g.kernel, w, { permutations: P, seed: 3 });
    for (let i = 0; i < 9; i++) {
      const sumObs = [i, ...ring[i]].reduce((s, j) => s + xi[j], 0);
      const ex = exactNull(Array.from(xi).filter((_, j) => j !== i), ring[i].length + 1, (s) => s, sumObs);
      expect(ex.ge + ex.le).toBeGreaterThan(1); // there are ties to count
      expect(Math.abs(part.atLeast[i] / P - ex.ge)).toBeLessThan(tol(ex.ge));
      expect(Math.abs(part.atMost[i] / P - ex.le)).toBeLessThan(tol(ex.le));
    }
  });

  it('gives an area with a zero slope (value at the mean) all ties, and islands no counts', () => {
    const lists = queen.map((l) => l.filter((j) => j !== 8));
    lists[8] = [];
    const w = buildWeights(ids, lists, { style: 'W', kind: 'q' });
    const v = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const lm = localMoran(v, w);
    expect(lm.kernel.slope[4]).toBe(0);
    const part = permute(lm.kernel, w, { permutations: 99, seed: 1 });
    expect([part.atLeast[4], part.atMost[4]]).toEqual([99, 99]);
    expect([part.atLeast[8], part.atMost[8]]).toEqual([-1, -1]);
    expect(Number.isNaN(part.simMean[8])).toBe(true);
  });

  it('gives identical numbers however the areas are split, and is reproducible by seed', () => {
    const w = buildWeights(ids, queen, { style: 'W', kind: 'queen' });
    const lm = localMoran(x, w);
    const opts = { permutations: 999, seed: 2024 };
    const whole = permute(lm.kernel, w, opts);
    const split = mergeParts([permute(lm.kernel, w, { ...opts, start: 4, end: 9 }), permute(lm.kernel, w, { ...opts, start: 0, end: 4 })], 9);
    expect(split).toEqual(whole);
    const G = streamsFor(w, 999);
    expect(G).toBeGreaterThan(2);
    const byStream = splitShares(9, G, 2).map((share) => permute(lm.kernel, w, { ...opts, ...share }));
    expect(byStream.map((p) => [p.streamFrom, p.streamTo])).toEqual([[0, Math.floor(G / 2)], [Math.floor(G / 2), G]]);
    expect(mergeParts(byStream, 9)).toEqual(whole);
    expect(permute(lm.kernel, w, opts)).toEqual(whole);
    expect(permute(lm.kernel, w, { ...opts, seed: 2025 }).atLeast).not.toEqual(whole.atLeast);
  });

  it('uses more independent draw streams when permutations are cheap', () => {
    expect(drawStreams(999, 25)).toBe(16);
    expect(drawStreams(9999, 25)).toBe(8);
    expect(drawStreams(99_999, 25)).toBe(1);
  });

  it('rejects bad options and weights it cannot permute', () => {
    const w = buildWeights(ids, queen, { style: 'W', kind: 'queen' });
    const lm = localMoran(x, w);
    expect(() => permute(lm.kernel, w, { permutations: 98, seed: 1 })).toThrow(/from 99 to 99999/);
    expect(() => permute(lm.kernel, w, { permutations: 99, seed: 1, start: 5, end: 3 })).toThrow(/bad area range/);
    const uneven = { ...w, weights: Float64Array.from(w.weights, (v, e) => (e === 0 ? v * 2 : v)) };
    expect(() => permute(lm.kernel, uneven, { permutations: 99, seed: 1 })).toThrow(/"a" have different weights/);
    const full = includeSelf(w);
    expect(() => permute(getisOrd(x, full).kernel, full, { permutations: 99, seed: 1 })).toThrow(/"e"|9 links but only 8 other areas/);
    expect(() => mergeParts([permute(lm.kernel, w, { permutations: 99, seed: 1, start: 0, end: 4 })], 9)).toThrow(/area 4 is in no part/);
    expect(() => permute(lm.kernel, w, { permutations: 99, seed: 1, streamFrom: 0, streamTo: 99 })).toThrow(/bad stream range/);
  });
});

describe('splitShares', () => {
  it('splits by stream when there are enough streams, else by area range', () => {
    expect(splitShares(100, 16, 2)).toEqual([{ start: 0, end: 100, streamFrom: 0, streamTo: 8 }, { start: 0, end: 100, streamFrom: 8, streamTo: 16 }]);
    expect(splitShares(100, 1, 2)).toEqual([{ start: 0, end: 50, streamFrom: 0, streamTo: 1 }, { start: 50, end: 100, streamFrom: 0, streamTo: 1 }]);
    expect(splitShares(1, 1, 2)).toEqual([{ start: 0, end: 1, streamFrom: 0, streamTo: 1 }]);
  });
});
