/**
 * Derived weights: another style, self links added (Gi*) or removed, asymmetric links mirrored.
 * Each goes back through `buildWeightsCsr`, so the result is validated like any other.
 */
import { buildWeights, buildWeightsCsr, distanceLists, hasLink, neighbourLists, type SpatialWeights, type WeightsStyle } from './spatial-weights';

export function withStyle(w: SpatialWeights, style: WeightsStyle): SpatialWeights {
  if (w.style === style) return w;
  return buildWeightsCsr(w.ids, w.offsets.slice(), w.neighbours.slice(), { style, kind: w.kind, selfIncluded: w.selfIncluded }, w.distances?.slice());
}

/**
 * Adds a link from every area to itself, then applies the style, as spdep's
 * `nb2listw(include.self(nb), style)`: with 'W' an area with k neighbours gets 1/(k+1) on each link.
 */
export function includeSelf(w: SpatialWeights): SpatialWeights {
  if (w.selfIncluded) return w;
  const offsets = new Int32Array(w.n + 1);
  const neighbours = new Int32Array(w.neighbours.length + w.n);
  const distances = w.distances && new Float64Array(neighbours.length);
  let at = 0;
  for (let i = 0; i < w.n; i++) {
    let placed = false;
    for (let e = w.offsets[i]; e <= w.offsets[i + 1]; e++) {
      // Insert i where it belongs so the row stays sorted.
      if (!placed && (e === w.offsets[i + 1] || w.neighbours[e] > i)) {
        if (distances) distances[at] = 0;
        neighbours[at++] = i;
        placed = true;
      }
      if (e < w.offsets[i + 1]) {
        if (distances) distances[at] = w.distances[e];
        neighbours[at++] = w.neighbours[e];
      }
    }
    offsets[i + 1] = at;
  }
  return buildWeightsCsr(w.ids, offsets, neighbours, { style: w.style, kind: `${w.kind}+self`, selfIncluded: true }, distances);
}

export function excludeSelf(w: SpatialWeights): SpatialWeights {
  if (!w.selfIncluded) return w;
  const offsets = new Int32Array(w.n + 1);
  const neighbours = new Int32Array(w.neighbours.length - w.n);
  const distances = w.distances && new Float64Array(neighbours.length);
  let at = 0;
  for (let i = 0; i < w.n; i++) {
    for (let e = w.offsets[i]; e < w.offsets[i + 1]; e++) {
      if (w.neighbours[e] === i) continue;
      if (distances) distances[at] = w.distances[e];
      neighbours[at++] = w.neighbours[e];
    }
    offsets[i + 1] = at;
  }
  return buildWeightsCsr(w.ids, offsets, neighbours, { style: w.style, kind: w.kind.replace(/\+self$/, '') }, distances);
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
