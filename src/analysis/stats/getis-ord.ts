/**
 * Getis–Ord local G: Gi (links exclude i) and Gi* (links include i; pass `includeSelf(w)`), with the
 * analytical moments of spdep's `localG` (Ord & Getis 1995), GeoDa = FALSE:
 *
 *   Gi*:  x̄ = mean(x), s² = Σ(x − x̄)²/n,  E = W_i x̄,  V = s² (n S1_i − W_i²)/(n − 1)
 *   Gi:   x̄_i, s²_i over the other n − 1 areas,  E = W_i x̄_i,  V = s²_i ((n − 1) S1_i − W_i²)/(n − 2)
 *   z_i = (Σ_j w_ij x_j − E) / √V,    G_i = Σ_j w_ij x_j / Σ_j x_j   (Σ_{j≠i} x_j for Gi)
 *
 * Permutation null for Gi*: every link, the self link included, is redrawn from the other n − 1
 * areas (as spdep's `localG_perm`, and as the Gi* moments assume: x_i is random too). Holding x_i
 * fixed instead (PySAL esda, GeoDa) only adds a constant w_ii x_i to every draw, so the Gi* pseudo
 * p-value would be exactly the Gi one and the "star" would change nothing. For Gi the two agree.
 *
 * G is a ratio of sums and assumes x ≥ 0; `hotspots` warns when it is not.
 */
import type { SpatialWeights } from '../weights/spatial-weights';
import type { LagKernel } from './permutation-engine';
import { rowSums, spatialLag } from './spatial-lag';

export interface GetisOrd {
  star: boolean;
  G: Float64Array;
  expected: Float64Array;
  variance: Float64Array;
  z: Float64Array;
  kernel: LagKernel;
}

export function getisOrd(x: Float64Array, w: SpatialWeights): GetisOrd {
  const n = w.n;
  const star = w.selfIncluded;
  if (x.length !== n) throw new Error(`Getis-Ord G: ${n} areas but ${x.length} values`);
  if (n < 3) throw new Error(`Getis-Ord G needs at least 3 areas (got ${n})`);
  const lx = spatialLag(w, x);
  const { sum: W, sumSq: S1 } = rowSums(w);
  let sx = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i];
    sxx += x[i] * x[i];
  }
  const xbar = sx / n;
  let ssc = 0;
  for (let i = 0; i < n; i++) ssc += (x[i] - xbar) ** 2;
  const s2star = ssc / n;
  const G = new Float64Array(n);
  const expected = new Float64Array(n);
  const variance = new Float64Array(n);
  const z = new Float64Array(n);
  const slope = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let mean: number;
    let v: number;
    if (star) {
      mean = xbar;
      v = (s2star * (n * S1[i] - W[i] * W[i])) / (n - 1);
    } else {
      mean = (sx - x[i]) / (n - 1);
      const s2 = (sxx - x[i] * x[i]) / (n - 1) - mean * mean;
      v = (s2 * ((n - 1) * S1[i] - W[i] * W[i])) / (n - 2);
    }
    const e = W[i] * mean;
    z[i] = (lx[i] - e) / Math.sqrt(v);
    const denom = star ? sx : sx - x[i];
    slope[i] = 1 / denom;
    G[i] = lx[i] / denom;
    expected[i] = e / denom;
    variance[i] = v / (denom * denom);
  }
  return { star, G, expected, variance, z, kernel: { values: x, slope } };
}
