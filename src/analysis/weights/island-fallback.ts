/**
 * The kNN fallback for islands: each area with no neighbour (e.g. the Isles of Scilly under
 * contiguity) is linked to its k nearest areas by great-circle distance. By default the links are
 * mirrored, so contiguity weights stay symmetric and the island also counts in its neighbours' lags.
 */
import { unitVectors } from './great-circle';
import { buildPointIndex, nearest } from './point-index';
import { buildWeights, distanceLists, neighbourLists, type SpatialWeights } from './spatial-weights';

export interface IslandFallbackOptions {
  k?: number;
  /** Also add the reverse links (default true). */
  symmetric?: boolean;
}

export interface IslandFallback {
  weights: SpatialWeights;
  /** Each former island and the areas it was linked to (row indices). */
  attached: { island: number; neighbours: number[] }[];
}

export function attachIslands(w: SpatialWeights, lon: ArrayLike<number>, lat: ArrayLike<number>, opts: IslandFallbackOptions = {}): IslandFallback {
  const k = opts.k ?? 1;
  if (!Number.isInteger(k) || k < 1 || k >= w.n) throw new Error(`island fallback: k must be a whole number from 1 to ${w.n - 1} (got ${k})`);
  if (lon.length !== w.n || lat.length !== w.n) throw new Error(`island fallback: ${w.n} areas but ${lon.length} points`);
  if (w.islands.length === 0) return { weights: w, attached: [] };
  if (w.distances) throw new Error('island fallback: distance-based weights have no islands to fix with kNN; widen the band instead');
  const index = buildPointIndex(unitVectors(lon, lat));
  const lists = neighbourLists(w);
  const attached: IslandFallback['attached'] = [];
  const symmetric = opts.symmetric ?? true;
  for (const i of w.islands) {
    const near = Array.from(nearest(index, i, k).ids);
    for (const j of near) {
      if (!lists[i].includes(j)) lists[i].push(j);
      if (symmetric && !lists[j].includes(i)) lists[j].push(i);
    }
    attached.push({ island: i, neighbours: near });
  }
  const weights = buildWeights(w.ids, lists, {
    style: w.style, kind: `${w.kind}+islands-knn${k}`, selfIncluded: w.selfIncluded, distances: distanceLists(w),
  });
  return { weights, attached };
}
