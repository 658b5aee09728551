/**
 * Weighted least squares with area and period fixed effects and standard errors clustered by area,
 * as `lm(y ~ x + factor(area) + factor(period), weights = w)` with
 * `sandwich::vcovCL(fit, cluster = ~area, type = "HC1")` computes them, without building the
 * thousands of dummy columns: by Frisch–Waugh–Lovell the coefficients of x are those of the
 * regression of the fixed-effect residuals of y on those of x, the residuals are the full model's,
 * and the rows of (X'WX)⁻¹X'W that belong to x are those of the residualised x, so the clustered
 * sandwich for x is exact.
 *
 * Two small-sample factors are returned. `vcov` uses G/(G − 1) × (n − 1)/(n − k) with k counting
 * the intercept, period effects and x but not the area effects, which are nested within the area
 * clusters (Stata's xtreg and R's fixest do this; Cameron & Miller 2015, §IV). `vcovLm` counts every
 * column of the dummy-variable model as `vcovCL(type = "HC1")` on the lm does; with few periods
 * that overstates the variance (by about 2× with two periods), so intervals over-cover.
 */
import { invert } from './small-matrix';

export interface TwoWayDesign {
  nAreas: number;
  nPeriods: number;
  /** Outcome, area-major (y[a × nPeriods + p]). */
  y: Float64Array;
  /** 1 where an observation may be used; it is used when y and every x are finite there too. */
  use: Uint8Array;
  /** Weight of each area, the same in each of its periods; 0 leaves the area out. */
  weight: Float64Array;
  /** Regressors besides the fixed effects, each area-major. */
  x: Float64Array[];
}

export interface TwoWayFit {
  /** NaN for a regressor the fixed effects absorb (e.g. a period with no treated area). */
  coef: Float64Array;
  /** q × q, row-major; NaN rows and columns for absorbed regressors (area effects not counted in k). */
  vcov: Float64Array;
  /** The same with every dummy counted, as sandwich::vcovCL(type = "HC1") on the lm. */
  vcovLm: Float64Array;
  nObs: number;
  nAreas: number;
  nPeriods: number;
  /** Clusters (areas) with at least one observation. */
  nClusters: number;
  /** Columns of the equivalent dummy-variable model (its rank). */
  k: number;
  /** The same without the area effects (nested within clusters). */
  kNested: number;
}

/** Observations in use, as parallel arrays (one entry per area-period). */
interface Observations {
  area: Int32Array;
  period: Int32Array;
  weight: Float64Array;
  /** Position in the area-major panel. */
  cell: Int32Array;
}

function observations(d: TwoWayDesign, extraWeight?: Float64Array): Observations {
  const cells: number[] = [];
  const nP = d.nPeriods;
  for (let a = 0; a < d.nAreas; a++) {
    const w = d.weight[a] * (extraWeight ? extraWeight[a] : 1);
    if (!(w > 0)) continue;
    for (let p = 0; p < nP; p++) {
      const k = a * nP + p;
      if (d.use[k] && Number.isFinite(d.y[k]) && d.x.every((x) => Number.isFinite(x[k]))) cells.push(k);
    }
  }
  const cell = Int32Array.from(cells);
  return {
    cell,
    area: Int32Array.from(cell, (k) => Math.floor(k / nP)),
    period: Int32Array.from(cell, (k) => k % nP),
    weight: Float64Array.from(cell, (k) => d.weight[Math.floor(k / nP)] * (extraWeight ? extraWeight[Math.floor(k / nP)] : 1)),
  };
}

/**
 * Sweeps area and period means out of each vector (weighted; alternating projections until nothing
 * moves). A balanced panel with area weights is done after one pass; the second pass confirms it.
 */
function sweepFixedEffects(o: Observations, nAreas: number, nPeriods: number, vectors: Float64Array[]): void {
  const n = o.cell.length;
  const areaN = new Float64Array(nAreas);
  const periodW = new Float64Array(nPeriods);
  for (let i = 0; i < n; i++) {
    areaN[o.area[i]] += 1;
    periodW[o.period[i]] += o.weight[i];
  }
  const sA = new Float64Array(nAreas);
  const sP = new Float64Array(nPeriods);
  for (const v of vectors) {
    let scale = 0;
    for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(v[i]));
    const tol = 1e-13 * Math.max(scale, 1e-300);
    for (let iter = 0; iter < 100_000; iter++) {
      sA.fill(0);
      for (let i = 0; i < n; i++) sA[o.area[i]] += v[i];
      let moved = 0;
      for (let a = 0; a < nAreas; a++) if (areaN[a]) moved = Math.max(moved, Math.abs((sA[a] /= areaN[a])));
      for (let i = 0; i < n; i++) v[i] -= sA[o.area[i]];
      sP.fill(0);
      for (let i = 0; i < n; i++) sP[o.period[i]] += o.weight[i] * v[i];
      for (let p = 0; p < nPeriods; p++) if (periodW[p]) moved = Math.max(moved, Math.abs((sP[p] /= periodW[p])));
      for (let i = 0; i < n; i++) v[i] -= sP[o.period[i]];
      if (moved <= tol) break;
    }
  }
}

/** Connected components of the area–period graph (the dummy model loses one column per extra one). */
function components(o: Observations, nAreas: number, nPeriods: number): { areas: number; periods: number; groups: number } {
  const parent = Int32Array.from({ length: nAreas + nPeriods }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const seen = new Uint8Array(nAreas + nPeriods);
  for (let i = 0; i < o.cell.length; i++) {
    const a = o.area[i];
    const p = nAreas + o.period[i];
    seen[a] = seen[p] = 1;
    parent[find(a)] = find(p);
  }
  let areas = 0;
  let periods = 0;
  const roots = new Set<number>();
  for (let i = 0; i < nAreas + nPeriods; i++) {
    if (!seen[i]) continue;
    if (i < nAreas) areas++;
    else periods++;
    roots.add(find(i));
  }
  return { areas, periods, groups: roots.size };
}

export function fitTwoWay(d: TwoWayDesign): TwoWayFit {
  const o = observations(d);
  const n = o.cell.length;
  const q = d.x.length;
  const yt = Float64Array.from(o.cell, (k) => d.y[k]);
  const xt = d.x.map((x) => Float64Array.from(o.cell, (k) => x[k]));
  const rawSq = xt.map((x) => x.reduce((s, v, i) => s + o.weight[i] * v * v, 0));
  sweepFixedEffects(o, d.nAreas, d.nPeriods, [yt, ...xt]);
  // A regressor the fixed effects absorb has (numerically) nothing left after the sweep.
  const kept = xt.map((x, j) => x.reduce((s, v, i) => s + o.weight[i] * v * v, 0) > 1e-10 * rawSq[j]).map((ok, j) => (ok ? j : -1)).filter((j) => j >= 0);
  const m = kept.length;
  const coef = new Float64Array(q).fill(NaN);
  const vcov = new Float64Array(q * q).fill(NaN);
  const vcovLm = new Float64Array(q * q).fill(NaN);
  const c = components(o, d.nAreas, d.nPeriods);
  const k = c.areas + c.periods - c.groups + m;
  const base = { nObs: n, nAreas: c.areas, nPeriods: c.periods, nClusters: c.areas, k, kNested: k - (c.areas - 1) };
  if (!m) return { coef, vcov, vcovLm, ...base };
  const xtx = new Float64Array(m * m);
  const xty = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const w = o.weight[i];
    for (let r = 0; r < m; r++) {
      const xr = w * xt[kept[r]][i];
      xty[r] += xr * yt[i];
      for (let s = 0; s < m; s++) xtx[r * m + s] += xr * xt[kept[s]][i];
    }
  }
  const inv = invert(xtx, m);
  if (!inv) throw new Error('the effect cannot be estimated: the regressors are collinear with the area and period effects');
  const b = new Float64Array(m);
  for (let r = 0; r < m; r++) for (let s = 0; s < m; s++) b[r] += inv[r * m + s] * xty[s];
  // Cluster scores: Σ over an area's observations of w · x̃ · e.
  const score = new Float64Array(d.nAreas * m);
  for (let i = 0; i < n; i++) {
    let e = yt[i];
    for (let r = 0; r < m; r++) e -= xt[kept[r]][i] * b[r];
    const we = o.weight[i] * e;
    for (let r = 0; r < m; r++) score[o.area[i] * m + r] += we * xt[kept[r]][i];
  }
  const meat = new Float64Array(m * m);
  for (let a = 0; a < d.nAreas; a++) {
    for (let r = 0; r < m; r++) {
      const sr = score[a * m + r];
      if (sr === 0) continue;
      for (let s = 0; s < m; s++) meat[r * m + s] += sr * score[a * m + s];
    }
  }
  const G = c.areas;
  const adj = G > 1 && n > base.kNested ? ((n - 1) / (n - base.kNested)) * (G / (G - 1)) : NaN;
  const adjLm = G > 1 && n > base.k ? ((n - 1) / (n - base.k)) * (G / (G - 1)) : NaN;
  for (let r = 0; r < m; r++) {
    coef[kept[r]] = b[r];
    for (let s = 0; s < m; s++) {
      let v = 0;
      for (let u = 0; u < m; u++) for (let t = 0; t < m; t++) v += inv[r * m + u] * meat[u * m + t] * inv[t * m + s];
      vcov[kept[r] * q + kept[s]] = v * adj;
      vcovLm[kept[r] * q + kept[s]] = v * adjLm;
    }
  }
  return { coef, vcov, vcovLm, ...base };
}
