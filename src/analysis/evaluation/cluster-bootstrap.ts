/**
 * A seeded cluster bootstrap of the difference-in-differences: each replicate draws, with
 * replacement, as many intervention areas as there are from the intervention areas and as many
 * comparison areas from the comparison areas (each area with all its periods and its weight), and
 * re-estimates the two-way fixed-effects coefficient. Matching is not redone: the interval is
 * conditional on the comparison areas chosen. The interval is the 2.5th to 97.5th percentile of the
 * replicates (type 7 quantiles, as R's default); the standard error is their standard deviation.
 *
 * When every area has a value in every baseline and follow-up period the coefficient equals the
 * difference of weighted mean changes (window-did.ts), so a replicate costs one pass over the areas;
 * otherwise each replicate sweeps the fixed effects again.
 */
import { createPrng } from '../stats/prng';
import type { RegressionSetup } from './panel-regressions';
import { observations, sweepFixedEffects } from './two-way-fit';

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
  // General case: the design of the whole panel, re-weighted by each replicate's draw counts.
  const use = new Uint8Array(nA * nP);
  const x = new Float64Array(nA * nP);
  for (const a of [...treated, ...comparison]) {
    for (const p of periods) {
      use[a * nP + p] = 1;
      x[a * nP + p] = group[a] === 1 && post.has(p) ? 1 : 0;
    }
  }
  const baseWeight = new Float64Array(nA);
  for (const a of [...treated, ...comparison]) baseWeight[a] = weight[a];

  const rng = createPrng(b.seed, 0x0e7a1);
  const counts = new Float64Array(nA);
  const draws = new Float64Array(b.replicates).fill(NaN);
  const step = Math.max(1, Math.floor(b.replicates / 50));
  for (let r = 0; r < b.replicates; r++) {
    counts.fill(0);
    for (const g of [treated, comparison]) for (let i = 0; i < g.length; i++) counts[g[rng.nextBelow(g.length)]] += 1;
    if (balanced) {
      let st = 0, wt = 0, sc = 0, wc = 0;
      for (const a of treated) (st += counts[a] * weight[a] * change[a]), (wt += counts[a] * weight[a]);
      for (const a of comparison) (sc += counts[a] * weight[a] * change[a]), (wc += counts[a] * weight[a]);
      draws[r] = st / wt - sc / wc;
    } else {
      const o = observations({ nAreas: nA, nPeriods: nP, y: panel.value, use, weight: baseWeight, x: [x] }, counts);
      const yt = Float64Array.from(o.cell, (k) => panel.value[k]);
      const xt = Float64Array.from(o.cell, (k) => x[k]);
      sweepFixedEffects(o, nA, nP, [yt, xt]);
      let xy = 0;
      let xx = 0;
      for (let i = 0; i < xt.length; i++) (xy += o.weight[i] * xt[i] * yt[i]), (xx += o.weight[i] * xt[i] * xt[i]);
      draws[r] = xx > 1e-12 ? xy / xx : NaN;
    }
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
