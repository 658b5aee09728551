import { describe, expect, it } from 'vitest';
import { createPrng } from '../stats/prng';
import { nearestNeighbourMatch, type MatchInput, type MatchSettings } from './nearest-neighbour';
import { normalSource } from './simulated-panel';

// Areas: T1, T2 (intervention), C1, C2, C3 (candidates), in data order.
const x = Float64Array.from([0, 0.1, 0.05, 0.2, 1]);
const base: MatchInput = { nAreas: 5, treated: Uint8Array.from([1, 1, 0, 0, 0]), eligible: new Uint8Array(5).fill(1), covariates: [x], exact: null };
const settings: MatchSettings = { distance: 'scaled-euclidean', ratio: 1, replace: false, caliper: null };
const sets = (m: ReturnType<typeof nearestNeighbourMatch>) => m.matches.map((s) => Array.from(s));

describe('nearest-neighbour matching', () => {
  it('without replacement, 2:1 matches in rounds: every area gets a first match before any gets a second', () => {
    const m = nearestNeighbourMatch(base, { ...settings, ratio: 2 });
    expect(sets(m)).toEqual([[2, 4], [3]]);
    // weights: each comparison area 1/(matches of its intervention area), scaled to sum to 3 comparison areas
    const raw = [0.5, 1, 0.5];
    const scale = 3 / raw.reduce((s, v) => s + v, 0);
    expect(Array.from(m.weights)).toEqual([1, 1, raw[0] * scale, raw[1] * scale, raw[2] * scale]);
  });

  it('with replacement, each area takes its nearest k whatever others took', () => {
    const m = nearestNeighbourMatch(base, { ...settings, ratio: 2, replace: true });
    expect(sets(m)).toEqual([[2, 3], [2, 3]]);
    expect(Array.from(m.weights)).toEqual([1, 1, 1, 1, 0]);
  });

  it('a caliper in standard deviations of the covariate leaves areas without a close match unmatched', () => {
    const mean = x.reduce((s, v) => s + v, 0) / 5;
    const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / 4);
    const caliper = 0.07 / sd; // wider than |T1 − C1| and |T2 − C1| (0.05), narrower than |T2 − C2| (0.1)
    const m = nearestNeighbourMatch(base, { ...settings, caliper });
    expect(sets(m)).toEqual([[2], []]);
    expect(m.unmatched).toEqual([1]);
  });

  it('matches only within the exact-match group, and leaves out areas with a missing covariate or group', () => {
    const exact = Int32Array.from([1, 2, 2, 1, -1]);
    const m = nearestNeighbourMatch({ ...base, exact }, settings);
    expect(sets(m)).toEqual([[3], [2]]);
    const gap = nearestNeighbourMatch({ ...base, covariates: [Float64Array.from([NaN, 0.1, 0.05, 0.2, 1])] }, settings);
    expect(gap.missing).toEqual([0]);
    expect(sets(gap)).toEqual([[2]]);
  });

  it('breaks ties towards the candidate first in data order', () => {
    const m = nearestNeighbourMatch({ ...base, covariates: [Float64Array.from([0, 5, -1, 1, 9])] }, settings);
    expect(sets(m)[0]).toEqual([2]);
  });

  it('Mahalanobis matching picks the candidate nearest by the pooled within-group covariance', () => {
    const z = normalSource(createPrng(5));
    const n = 40;
    const treated = Uint8Array.from({ length: n }, (_, i) => (i < 6 ? 1 : 0));
    const a = Float64Array.from({ length: n }, () => z());
    const b = Float64Array.from(a, (v) => 0.8 * v + 0.4 * z());
    const m = nearestNeighbourMatch({ nAreas: n, treated, eligible: new Uint8Array(n).fill(1), covariates: [a, b], exact: null }, { ...settings, distance: 'mahalanobis', replace: true });
    // pooled covariance: deviations from each group's own means, divided by n − 2
    const mean = (v: Float64Array, g: number) => v.filter((_, i) => treated[i] === g).reduce((s, t) => s + t, 0) / treated.filter((t) => t === g).length;
    const dev = (v: Float64Array) => Float64Array.from(v, (t, i) => t - mean(v, treated[i]));
    const [da, db] = [dev(a), dev(b)];
    const s = [da, db].map((u) => [da, db].map((v) => u.reduce((t, ui, i) => t + ui * v[i], 0) / (n - 2)));
    const det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
    const inv = [[s[1][1] / det, -s[0][1] / det], [-s[1][0] / det, s[0][0] / det]];
    const d2 = (i: number, j: number) => {
      const v = [a[i] - a[j], b[i] - b[j]];
      return v[0] * (inv[0][0] * v[0] + inv[0][1] * v[1]) + v[1] * (inv[1][0] * v[0] + inv[1][1] * v[1]);
    };
    for (let t = 0; t < 6; t++) {
      let best = -1;
      for (let c = 6; c < n; c++) if (best < 0 || d2(t, c) < d2(t, best)) best = c;
      expect(m.matches[t][0]).toBe(best);
    }
  });
});
