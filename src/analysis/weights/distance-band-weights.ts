/**
 * Distance-band weights: areas whose points are within `thresholdKm` of each other (great-circle)
 * are neighbours. Symmetric by construction; areas with nothing in range are islands.
 */
import { chordToKm, kmToChord, unitVectors } from './great-circle';
import type { PointWeightsOptions } from './knn-weights';
import { buildPointIndex, nearest, within } from './point-index';
import { buildWeights, type SpatialWeights } from './spatial-weights';

export function distanceBandWeights(ids: readonly string[], lon: ArrayLike<number>, lat: ArrayLike<number>, thresholdKm: number, opts: PointWeightsOptions = {}): SpatialWeights {
  if (!(thresholdKm > 0) || !Number.isFinite(thresholdKm)) throw new Error(`distance-band weights: threshold must be a positive number of km (got ${thresholdKm})`);
  if (lon.length !== ids.length) throw new Error(`distance-band weights: ${ids.length} ids but ${lon.length} points`);
  const index = buildPointIndex(unitVectors(lon, lat));
  const c = kmToChord(thresholdKm);
  // A hair of slack so a pair exactly at the threshold is not lost to chord round-off.
  const r2 = c * c * (1 + 1e-12);
  const lists: number[][] = [];
  const dists: number[][] = [];
  for (let i = 0; i < ids.length; i++) {
    const r = within(index, i, r2);
    lists.push(r.ids);
    dists.push(r.d2.map((d) => chordToKm(Math.sqrt(d))));
  }
  return buildWeights(ids, lists, { style: opts.style ?? 'W', kind: `distance-${thresholdKm}km`, distances: dists });
}

/**
 * The smallest band that leaves no area without a neighbour: the largest nearest-neighbour distance
 * (what GeoDa proposes as the default threshold).
 */
export function minimumConnectingDistanceKm(lon: ArrayLike<number>, lat: ArrayLike<number>): number {
  const index = buildPointIndex(unitVectors(lon, lat));
  let max = 0;
  for (let i = 0; i < index.n; i++) max = Math.max(max, nearest(index, i, 1).d2[0]);
  return chordToKm(Math.sqrt(max));
}
