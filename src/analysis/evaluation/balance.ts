/**
 * Covariate balance before and after matching, with MatchIt's conventions (its `summary()` for the
 * ATT) so the numbers can be compared with it: means of intervention and comparison areas (weighted
 * by the matching weights after matching), the standardised mean difference — the difference of
 * means divided by the standard deviation of the intervention areas before matching (n − 1; for a
 * 0/1 covariate √(p(1 − p))), the same denominator before and after — and the variance ratio.
 */

export interface BalanceSide {
  treatedMean: number;
  comparisonMean: number;
  /** Standardised mean difference (intervention − comparison) / SD of intervention areas before matching. */
  smd: number;
  /** Variance of intervention areas / variance of comparison areas (NaN for 0/1 covariates). */
  varianceRatio: number;
}

export interface BalanceRow {
  id: string;
  label: string;
  before: BalanceSide;
  after: BalanceSide;
}

/** MatchIt's wvar: weighted variance with reliability weights (n − 1 when weights are equal). */
function wvar(x: Float64Array, rows: readonly number[], w: ArrayLike<number> | null, binary: boolean): number {
  let sw = 0;
  for (const r of rows) sw += w ? w[r] : 1;
  let m = 0;
  let sw2 = 0;
  for (const r of rows) {
    const wi = (w ? w[r] : 1) / sw;
    m += wi * x[r];
    sw2 += wi * wi;
  }
  if (binary) return m * (1 - m);
  let ss = 0;
  for (const r of rows) ss += ((w ? w[r] : 1) / sw) * (x[r] - m) ** 2;
  return ss / (1 - sw2);
}

function wmean(x: Float64Array, rows: readonly number[], w: ArrayLike<number> | null): number {
  let s = 0;
  let sw = 0;
  for (const r of rows) {
    const wi = w ? w[r] : 1;
    s += wi * x[r];
    sw += wi;
  }
  return s / sw;
}

/** MatchIt's pooled SD (proportional contributions), its fallback when the treated SD is ~0. */
function pooledSd(x: Float64Array, t: number[], c: number[], binary: boolean): number {
  const n = t.length + c.length;
  if (binary) {
    let v = 0;
    for (const g of [t, c]) {
      const s = g.reduce((a, r) => a + x[r], 0);
      if (g.length) v += (s * (1 - s / g.length)) / n;
    }
    return Math.sqrt(v);
  }
  let ss = 0;
  for (const g of [t, c]) {
    const m = wmean(x, g, null);
    for (const r of g) ss += (x[r] - m) ** 2;
  }
  return Math.sqrt(ss / (n - 2));
}

function side(x: Float64Array, t: number[], c: number[], w: ArrayLike<number> | null, sd: number, binary: boolean): BalanceSide {
  const tw = w ? t.filter((r) => w[r] !== 0) : t;
  const cw = w ? c.filter((r) => w[r] !== 0) : c;
  const treatedMean = tw.length ? wmean(x, tw, w) : NaN;
  const comparisonMean = cw.length ? wmean(x, cw, w) : NaN;
  const diff = treatedMean - comparisonMean;
  const tooSmall = tw.length < 2 && cw.length < 2;
  const smd = Math.abs(diff) <= Math.sqrt(Number.EPSILON) ? diff : tooSmall ? NaN : diff / sd;
  const varianceRatio = binary || tw.length < 2 || cw.length < 2 ? NaN : wvar(x, tw, w, false) / wvar(x, cw, w, false);
  return { treatedMean, comparisonMean, smd, varianceRatio };
}

/**
 * One covariate's row. `sample`: the areas in the matching (intervention areas and candidate
 * comparison areas with a value); `weights`: the matching weights (0 for areas not matched).
 */
export function balanceRow(id: string, label: string, x: Float64Array, treated: Uint8Array, sample: ArrayLike<number>, weights: Float64Array): BalanceRow {
  const rows = Array.from(sample).filter((r) => Number.isFinite(x[r]));
  const t = rows.filter((r) => treated[r] === 1);
  const c = rows.filter((r) => treated[r] !== 1);
  const binary = rows.every((r) => x[r] === 0 || x[r] === 1);
  let sd = Math.sqrt(wvar(x, t, null, binary));
  if (!Number.isFinite(sd) || sd < Math.sqrt(Number.EPSILON)) sd = pooledSd(x, t, c, binary);
  return { id, label, before: side(x, t, c, null, sd, binary), after: side(x, t, c, weights, sd, binary) };
}
