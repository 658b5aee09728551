/**
 * Univariate local Moran's I with the analytical moments of spdep's `localmoran` under its defaults
 * (spdep ≥ 1.2: conditional = TRUE, mlvar = TRUE, adjust.x = FALSE):
 *
 *   z = x − x̄,  m2 = Σz²/n,  lz_i = Σ_j w_ij z_j
 *   I_i    = z_i lz_i / m2
 *   E[I_i] = −z_i² W_i / ((n − 1) m2)                                     (W_i = Σ_j w_ij)
 *   Var[I_i] = (z_i/m2)² · n/(n − 2) · (W2_i − W_i²/(n − 1)) · (m2 − z_i²/(n − 1))   (W2_i = Σ_j w_ij²)
 *   Z_i = (I_i − E[I_i]) / √Var[I_i]
 *
 * These are the moments under randomisation conditional on z_i (Sokal, Oden & Thomson 1998), which
 * is what the permutation test below simulates. spdep's older unconditional default (total
 * randomisation, −W_i/(n − 1) and Anselin's 1995 variance) is not used. Areas without neighbours
 * get I = 0 and NaN z, as spdep gives with zero.policy = TRUE.
 */
import type { SpatialWeights } from '../weights/spatial-weights';
import type { LagKernel } from './permutation-engine';
import { mean, rowSums, spatialLag } from './spatial-lag';

export interface LocalMoran {
  I: Float64Array;
  expected: Float64Array;
  variance: Float64Array;
  z: Float64Array;
  /** x − x̄ and its spatial lag: their signs give the LISA quadrant (GeoDa/PySAL convention). */
  centred: Float64Array;
  lag: Float64Array;
  kernel: LagKernel;
}

export function localMoran(x: Float64Array, w: SpatialWeights): LocalMoran {
  if (w.selfIncluded) throw new Error("local Moran's I: weights must not include self links");
  const n = w.n;
  if (x.length !== n) throw new Error(`local Moran's I: ${n} areas but ${x.length} values`);
  if (n < 3) throw new Error(`local Moran's I needs at least 3 areas (got ${n})`);
  const xbar = mean(x);
  const z = new Float64Array(n);
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    z[i] = x[i] - xbar;
    m2 += z[i] * z[i];
  }
  m2 /= n;
  if (!(m2 > 0)) throw new Error("local Moran's I: the values do not vary");
  const lz = spatialLag(w, z);
  const { sum: W, sumSq: W2 } = rowSums(w);
  const I = new Float64Array(n);
  const expected = new Float64Array(n);
  const variance = new Float64Array(n);
  const zscore = new Float64Array(n);
  const slope = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const zi = z[i];
    slope[i] = zi / m2;
    I[i] = slope[i] * lz[i];
    expected[i] = -(zi * zi * W[i]) / ((n - 1) * m2);
    variance[i] = slope[i] * slope[i] * (n / (n - 2)) * (W2[i] - (W[i] * W[i]) / (n - 1)) * (m2 - (zi * zi) / (n - 1));
    zscore[i] = (I[i] - expected[i]) / Math.sqrt(variance[i]);
  }
  return { I, expected, variance, z: zscore, centred: z, lag: lz, kernel: { values: z, slope } };
}
