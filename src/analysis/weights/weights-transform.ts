/**
 * Derived weights: another style, self links added (Gi*) or removed, asymmetric links mirrored.
 * Each goes back through `buildWeights`, so the result is validated like any other.
 */
import { buildWeights, distanceLists, hasLink, neighbourLists, type SpatialWeights, type WeightsStyle } from './spatial-weights';

export function withStyle(w: SpatialWeights, style: WeightsStyle): SpatialWeights {
  if (w.style === style) return w;
  return buildWeights(w.ids, neighbourLists(w), { style, kind: w.kind, selfIncluded: w.selfIncluded, distances: distanceLists(w) });
}

/**
 * Adds a link from every area to itself, then applies the style, as spdep's
 * `nb2listw(include.self(nb), style)`: with 'W' an area with k neighbours gets 1/(k+1) on each link.
 */
export function includeSelf(w: SpatialWeights): SpatialWeights {
  if (w.selfIncluded) return w;
  const lists = neighbourLists(w).map((l, i) => [...l, i]);
  const dists = distanceLists(w)?.map((l) => [...l, 0]);
  return buildWeights(w.ids, lists, { style: w.style, kind: `${w.kind}+self`, selfIncluded: true, distances: dists });
}

export function excludeSelf(w: SpatialWeights): SpatialWeights {
  if (!w.selfIncluded) return w;
  const dl = distanceLists(w);
  const keep = neighbourLists(w).map((l, i) => l.map((j, k) => [j, k]).filter(([j]) => j !== i));
  return buildWeights(w.ids, keep.map((l) => l.map(([j]) => j)), {
    style: w.style, kind: w.kind.replace(/\+self$/, ''), distances: dl && keep.map((l, i) => l.map(([, k]) => dl[i][k])),
  });
}

/** Adds j → i wherever only i → j exists (kNN weights are asymmetric; many analyses want them mirrored). */
export function symmetrise(w: SpatialWeights): SpatialWeights {
  if (w.symmetric) return w;
  const lists = neighbourLists(w);
  const dl = distanceLists(w);
  for (let i = 0; i < w.n; i++) {
    for (let e = w.offsets[i]; e < w.offsets[i + 1]; e++) {
      const j = w.neighbours[e];
      if (!hasLink(w.offsets, w.neighbours, j, i)) {
        lists[j].push(i);
        dl?.[j].push(w.distances![e]);
      }
    }
  }
  return buildWeights(w.ids, lists, { style: w.style, kind: `${w.kind}-sym`, selfIncluded: w.selfIncluded, distances: dl });
}

/** Links i → j without j → i, as [i, j] row-index pairs (for reports). */
export function asymmetricLinks(w: SpatialWeights, limit = Infinity): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < w.n && out.length < limit; i++) {
    for (let e = w.offsets[i]; e < w.offsets[i + 1] && out.length < limit; e++) {
      if (!hasLink(w.offsets, w.neighbours, w.neighbours[e], i)) out.push([i, w.neighbours[e]]);
    }
  }
  return out;
}
