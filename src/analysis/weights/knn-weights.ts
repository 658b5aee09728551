/**
 * k-nearest-neighbour weights from area points (lon/lat degrees), by great-circle distance.
 * kNN weights are asymmetric (i may be among j's nearest without the reverse); `symmetric` on the
 * result says so, and `symmetrise` in weights-transform.ts mirrors them when wanted.
 */
import { chordToKm, unitVectors } from './great-circle';
import { buildPointIndex, nearest } from './point-index';
import { buildWeights, type SpatialWeights, type WeightsStyle } from './spatial-weights';

export interface PointWeightsOptions {
  style?: WeightsStyle;
}

export function knnWeights(ids: readonly string[], lon: ArrayLike<number>, lat: ArrayLike<number>, k: number, opts: PointWeightsOptions = {}): SpatialWeights {
  if (!Number.isInteger(k) || k < 1) throw new Error(`kNN weights: k must be a whole number ≥ 1 (got ${k})`);
  if (k >= ids.length) throw new Error(`kNN weights: k = ${k} needs more than ${ids.length} areas`);
  if (lon.length !== ids.length) throw new Error(`kNN weights: ${ids.length} ids but ${lon.length} points`);
  const index = buildPointIndex(unitVectors(lon, lat));
  const lists: number[][] = [];
  const dists: number[][] = [];
  for (let i = 0; i < ids.length; i++) {
    const r = nearest(index, i, k);
    lists.push(Array.from(r.ids));
    dists.push(Array.from(r.d2, (d) => chordToKm(Math.sqrt(d))));
  }
  return buildWeights(ids, lists, { style: opts.style ?? 'W', kind: `knn-${k}`, distances: dists });
}
