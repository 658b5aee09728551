/**
 * Bivariate local Moran's I (x at i against the spatial lag of y), as spdep's `localmoran_bv` with
 * scale = TRUE: x and y are standardised with the sample standard deviation (n − 1 divisor, R's
 * `scale`), and
 *
 *   Ibv_i = x̃_i · Σ_j w_ij ỹ_j
 *
 * There is no analytical variance in common use, so inference is by conditional permutation of y
 * (x_i held fixed, y redrawn on i's links from the other areas), as in spdep and PySAL.
 * PySAL's Moran_Local_BV standardises with the n divisor instead, which scales Ibv by n/(n − 1) and
 * leaves pseudo p-values unchanged.
 */
import type { SpatialWeights } from '../weights/spatial-weights';
import type { LagKernel } from './permutation-engine';
import { mean, spatialLag } from './spatial-lag';

export interface BivariateMoran {
  I: Float64Array;
  /** Standardised x and the lag of standardised y: their signs give the quadrant. */
  xStd: Float64Array;
  lagYStd: Float64Array;
  kernel: LagKernel;
}

export function standardise(v: Float64Array, label: string): Float64Array {
  const n = v.length;
  const m = mean(v);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (v[i] - m) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  if (!(sd > 0)) throw new Error(`${label}: the values do not vary`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (v[i] - m) / sd;
  return out;
}

export function bivariateMoran(x: Float64Array, y: Float64Array, w: SpatialWeights): BivariateMoran {
  if (w.selfIncluded) throw new Error("bivariate local Moran's I: weights must not include self links");
  if (x.length !== w.n || y.length !== w.n) throw new Error(`bivariate local Moran's I: ${w.n} areas but ${x.length} x and ${y.length} y values`);
  const xs = standardise(x, 'bivariate local Moran x');
  const ys = standardise(y, 'bivariate local Moran y');
  const lag = spatialLag(w, ys);
  const I = new Float64Array(w.n);
  for (let i = 0; i < w.n; i++) I[i] = xs[i] * lag[i];
  return { I, xStd: xs, lagYStd: lag, kernel: { values: ys, slope: xs } };
}
