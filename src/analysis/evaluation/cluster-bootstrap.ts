/**
 * A seeded cluster bootstrap of the difference-in-differences: each replicate draws, with
 * replacement, as many intervention areas as there are from the intervention areas and as many
 * comparison areas from the comparison areas (each area with all its periods and its weight), and
 * re-estimates the two-way fixed-effects coefficient. Matching is not redone: the interval is
 * conditional on the comparison areas chosen. The interval is the 2.5th to 97.5th percentile of the
 * replicates (type 7 quantiles, as R's default); the standard error is their standard deviation.
 *
 * When every area has a value in every baseline and follow-up period the coefficient equals the
 * difference of weighted mean changes (window-did.ts), so a replicate costs one pass over the areas.
 * Otherwise the area effects are swept out within each area once (weights are constant within an
 * area, so this does not depend on the draw) and each replicate solves the small weighted normal
 * equations of y on (intervention × follow-up, period dummies): exact, with no iteration.
 */
import { createPrng } from '../stats/prng';
import type { RegressionSetup } from './panel-regressions';
import { invert } from './small-matrix';

export interface BootstrapSettings {
  replicates: number;
  seed: number;
  level?: number;
  /** Called now and then with the share of replicates done. */
  onProgress?: (done: number, total: number) => void;
}

export interface BootstrapResult {
  replicates: number;
  seed: number;
  /** Replicates that gave an estimate (all of them unless a draw left a group without data). */
  valid: number;
  se: number;
  lower: number;
  upper: number;
  draws: Float64Array;
}

/** R's quantile(type = 7) of sorted values. */
export function quantile7(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
}

export function clusterBootstrap(s: RegressionSetup, b: BootstrapSettings): BootstrapResult {
  if (!(Number.isInteger(b.replicates) && b.replicates >= 1)) throw new Error(`bootstrap replicates must be a whole number of at least 1 (got ${b.replicates})`);
  const { panel, windows, group, weight } = s;
  const nA = panel.areas.length;
  const nP = panel.periods.length;
  const periods = [...windows.pre, ...windows.post];
  const post = new Set(windows.post);
  const observed = (a: number) => periods.every((p) => Number.isFinite(panel.value[a * nP + p]));
  const treated: number[] = [];
  const comparison: number[] = [];
  for (let a = 0; a < nA; a++) {
    if (!(weight[a] > 0) || !periods.some((p) => Number.isFinite(panel.value[a * nP + p]))) continue;
    if (group[a] === 1) treated.push(a);
    else if (group[a] === 2) comparison.push(a);
  }
  if (!treated.length || !comparison.length) throw new Error('the bootstrap needs intervention and comparison areas with data');
  const balanced = [...treated, ...comparison].every(observed);
  const change = new Float64Array(nA);
  if (balanced) {
    for (const a of [...treated, ...comparison]) {
      let pre = 0;
      let after = 0;
      for (const p of windows.pre) pre += panel.value[a * nP + p];
      for (const p of windows.post) after += panel.value[a * nP + p];
      change[a] = after / windows.post.length - pre / windows.pre.length;
    }
  }
  // General case: per area, the cross-products of its within-area-demeaned (y, x, period dummies);
  // a replicate's normal equations are their sum weighted by weight × draws, solved exactly.
  const used = [...treated, ...comparison];
  const cross = balanced ? null : areaCrossProducts(s, used, periods, post);
  const rng = createPrng(b.seed, 0x0e7a1);
  const counts = new Float64Array(nA);
  const draws = new Float64Array(b.replicates).fill(NaN);
  const step = Math.max(1, Math.floor(b.replicates / 50));
  for (let r = 0; r < b.replicates; r++) {
    counts.fill(0);
    for (const g of [treated, comparison]) for (let i = 0; i < g.length; i++) counts[g[rng.nextBelow(g.length)]] += 1;
    if (balanced) {
      draws[r] = weightedMean(treated, counts, weight, change) - weightedMean(comparison, counts, weight, change);
    } else draws[r] = cross!.solve((a) => counts[a] * weight[a]);
    if (b.onProgress && (r + 1) % step === 0) b.onProgress(r + 1, b.replicates);
  }
  const ok = Float64Array.from(draws.filter(Number.isFinite)).sort();
  const level = b.level ?? 0.95;
  let mean = 0;
  for (const v of ok) mean += v;
  mean /= ok.length;
  let ss = 0;
  for (const v of ok) ss += (v - mean) ** 2;
  return {
    replicates: b.replicates, seed: b.seed, valid: ok.length, draws,
    se: ok.length > 1 ? Math.sqrt(ss / (ok.length - 1)) : NaN,
    lower: ok.length ? quantile7(ok, (1 - level) / 2) : NaN,
    upper: ok.length ? quantile7(ok, 1 - (1 - level) / 2) : NaN,
  };
}

function weightedMean(areas: number[], counts: Float64Array, weight: Float64Array, x: Float64Array): number {
  let s = 0;
  let w = 0;
  for (const a of areas) {
    s += counts[a] * weight[a] * x[a];
    w += counts[a] * weight[a];
  }
  return s / w;
}

/** Each area's cross-product matrix of z = (y, x, period dummies but the first), demeaned within the area. */
export function areaCrossProducts(s: RegressionSetup, areas: number[], periods: number[], post: Set<number>) {
  const { panel, group } = s;
  const nP = panel.periods.length;
  const T = periods.length;
  const m = 2 + (T - 1);
  const blocks = new Map<number, Float64Array>();
  const z = new Float64Array(T * m);
  for (const a of areas) {
    const obs = periods.map((p, t) => [p, t] as const).filter(([p]) => Number.isFinite(panel.value[a * nP + p]));
    if (!obs.length) continue;
    z.fill(0);
    const mean = new Float64Array(m);
    obs.forEach(([p, t], i) => {
      const row = i * m;
      z[row] = panel.value[a * nP + p];
      z[row + 1] = group[a] === 1 && post.has(p) ? 1 : 0;
      if (t > 0) z[row + 1 + t] = 1;
      for (let j = 0; j < m; j++) mean[j] += z[row + j] / obs.length;
    });
    const block = new Float64Array(m * m);
    for (let i = 0; i < obs.length; i++) {
      for (let j = 0; j < m; j++) {
        const u = z[i * m + j] - mean[j];
        if (u === 0) continue;
        for (let k = 0; k < m; k++) block[j * m + k] += u * (z[i * m + k] - mean[k]);
      }
    }
    blocks.set(a, block);
  }
  const total = new Float64Array(m * m);
  const q = m - 1;
  const xx = new Float64Array(q * q);
  const xy = new Float64Array(q);
  return {
    /** β for area weights `w(a)`; NaN when the replicate cannot identify it. */
    solve(w: (a: number) => number): number {
      total.fill(0);
      for (const [a, block] of blocks) {
        const wa = w(a);
        if (!wa) continue;
        for (let i = 0; i < m * m; i++) total[i] += wa * block[i];
      }
      // regressors are z[1..m): drop the dummies of periods no drawn area observes
      const keep: number[] = [];
      for (let j = 1; j < m; j++) if (total[j * m + j] > 1e-12) keep.push(j);
      if (!keep.includes(1)) return NaN;
      const k = keep.length;
      for (let i = 0; i < k; i++) {
        xy[i] = total[keep[i] * m];
        for (let j = 0; j < k; j++) xx[i * k + j] = total[keep[i] * m + keep[j]];
      }
      const inv = invert(xx.subarray(0, k * k), k);
      if (!inv) return NaN;
      let beta = 0;
      for (let j = 0; j < k; j++) beta += inv[j] * xy[j];
      return beta;
    },
  };
}
