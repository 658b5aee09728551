/** Spatial lag Σ_j w_ij v_j, summed in neighbour order (the order spdep's lag.listw uses). */
import type { SpatialWeights } from '../weights/spatial-weights';

export function spatialLag(w: SpatialWeights, v: ArrayLike<number>): Float64Array {
  if (v.length !== w.n) throw new Error(`spatial lag: ${w.n} areas in the weights but ${v.length} values`);
  const out = new Float64Array(w.n);
  const { offsets, neighbours, weights } = w;
  for (let i = 0; i < w.n; i++) {
    let s = 0;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) s += weights[e] * v[neighbours[e]];
    out[i] = s;
  }
  return out;
}

/** Row sums Σ_j w_ij and sums of squares Σ_j w_ij² (spdep's Wi and S1i / Wi2). */
export function rowSums(w: SpatialWeights): { sum: Float64Array; sumSq: Float64Array } {
  const sum = new Float64Array(w.n);
  const sumSq = new Float64Array(w.n);
  for (let i = 0; i < w.n; i++) {
    let s = 0;
    let s2 = 0;
    for (let e = w.offsets[i]; e < w.offsets[i + 1]; e++) {
      s += w.weights[e];
      s2 += w.weights[e] * w.weights[e];
    }
    sum[i] = s;
    sumSq[i] = s2;
  }
  return { sum, sumSq };
}

export function mean(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s / v.length;
}
