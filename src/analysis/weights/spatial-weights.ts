/**
 * The one spatial-weights representation (compressed sparse rows), used by every builder, importer,
 * statistic and worker. A plain object of typed arrays, so it crosses `postMessage` unchanged.
 *
 * Every weights object is made by `buildWeights`, which validates it once: ids unique, neighbour
 * indices in range, no duplicates, self only when asked for. Islands (areas with no neighbour other
 * than themselves) are kept and listed, never dropped, so callers can flag them or attach a kNN
 * fallback (see island-fallback.ts).
 */

/** 'B': binary (every link weighs 1); 'W': row-standardised (each row sums to 1). */
export type WeightsStyle = 'B' | 'W';

export interface SpatialWeights {
  readonly n: number;
  /** Area ids in row order. */
  readonly ids: readonly string[];
  /** Row i's links are offsets[i] .. offsets[i + 1] - 1 (length n + 1). */
  readonly offsets: Int32Array;
  /** Neighbour row indices, ascending within each row (the order spdep's read.gal gives). */
  readonly neighbours: Int32Array;
  readonly weights: Float64Array;
  readonly style: WeightsStyle;
  /** How it was made, e.g. 'queen', 'rook', 'knn-8', 'distance-5km', 'gal'; '+self' when self is included. */
  readonly kind: string;
  /** True when each row also links to itself (the Gi* form). */
  readonly selfIncluded: boolean;
  /** Rows with no neighbour other than themselves, ascending. */
  readonly islands: Int32Array;
  /** True when every link i → j has a link j → i. */
  readonly symmetric: boolean;
  /** Great-circle distance in km for each link, when the weights came from distances. */
  readonly distances?: Float64Array;
}

export interface BuildWeightsOptions {
  style: WeightsStyle;
  kind: string;
  /** Allow (and expect) each row to link to itself. */
  selfIncluded?: boolean;
  /** Per-row distances aligned with `lists`. */
  distances?: readonly (readonly number[])[];
}

/** Builds and validates weights from one neighbour list (row indices) per area. */
export function buildWeights(ids: readonly string[], lists: readonly (readonly number[])[], opts: BuildWeightsOptions): SpatialWeights {
  if (lists.length !== ids.length) throw new Error(`weights: ${ids.length} ids but ${lists.length} neighbour lists`);
  const offsets = new Int32Array(ids.length + 1);
  for (let i = 0; i < ids.length; i++) offsets[i + 1] = offsets[i] + lists[i].length;
  const neighbours = new Int32Array(offsets[ids.length]);
  const distances = opts.distances ? new Float64Array(offsets[ids.length]) : undefined;
  for (let i = 0; i < ids.length; i++) {
    if (opts.distances && opts.distances[i].length !== lists[i].length) throw new Error(`weights: area "${ids[i]}" has ${lists[i].length} neighbours but ${opts.distances[i].length} distances`);
    lists[i].forEach((j, k) => {
      neighbours[offsets[i] + k] = Number.isInteger(j) ? j : -1;
      if (distances) distances[offsets[i] + k] = opts.distances![i][k];
    });
  }
  return buildWeightsCsr(ids, offsets, neighbours, { ...opts, distances: undefined }, distances);
}

/**
 * Builds and validates weights from CSR arrays (taken over, rows sorted in place). The fast path for
 * derived weights: no per-row JavaScript arrays for 33k areas.
 */
export function buildWeightsCsr(ids: readonly string[], offsets: Int32Array, neighbours: Int32Array, opts: BuildWeightsOptions, distances?: Float64Array): SpatialWeights {
  const n = ids.length;
  if (offsets.length !== n + 1 || offsets[0] !== 0 || offsets[n] !== neighbours.length) throw new Error(`weights: offsets do not describe ${n} rows of ${neighbours.length} links`);
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const prev = seen.get(id);
    if (prev !== undefined) throw new Error(`weights: id "${id}" appears twice (rows ${prev + 1} and ${i + 1})`);
    seen.set(id, i);
  });
  const islands: number[] = [];
  const self = opts.selfIncluded === true;
  for (let i = 0; i < n; i++) {
    const a = offsets[i];
    const b = offsets[i + 1];
    if (b < a) throw new Error(`weights: offsets decrease at row ${i + 1}`);
    sortRow(neighbours, distances, a, b);
    let hasSelf = false;
    for (let e = a; e < b; e++) {
      const j = neighbours[e];
      if (j < 0 || j >= n) throw new Error(`weights: area "${ids[i]}" has neighbour index ${j}, outside 0..${n - 1}`);
      if (e > a && neighbours[e - 1] === j) throw new Error(`weights: area "${ids[i]}" lists neighbour "${ids[j]}" twice`);
      if (j === i) {
        if (!self) throw new Error(`weights: area "${ids[i]}" lists itself as a neighbour`);
        hasSelf = true;
      }
    }
    if (self && !hasSelf) throw new Error(`weights: self-included weights but area "${ids[i]}" does not list itself`);
    if (b - a === (self ? 1 : 0)) islands.push(i);
  }
  return {
    n, ids, offsets, neighbours, weights: styleWeights(offsets, opts.style), style: opts.style, kind: opts.kind, selfIncluded: self,
    islands: Int32Array.from(islands), symmetric: isSymmetric(offsets, neighbours), distances,
  };
}

/** Sorts one row by neighbour index, carrying distances along; rows are usually sorted already. */
function sortRow(nb: Int32Array, dist: Float64Array | undefined, a: number, b: number): void {
  let sorted = true;
  for (let e = a + 1; e < b && sorted; e++) if (nb[e - 1] > nb[e]) sorted = false;
  if (sorted) return;
  const order = Array.from({ length: b - a }, (_, k) => a + k).sort((x, y) => nb[x] - nb[y]);
  const nbs = order.map((e) => nb[e]);
  const ds = dist && order.map((e) => dist[e]);
  nbs.forEach((j, k) => {
    nb[a + k] = j;
    if (dist) dist[a + k] = ds![k];
  });
}

function styleWeights(offsets: Int32Array, style: WeightsStyle): Float64Array {
  const n = offsets.length - 1;
  const w = new Float64Array(offsets[n]);
  for (let i = 0; i < n; i++) {
    const k = offsets[i + 1] - offsets[i];
    w.fill(style === 'W' ? 1 / k : 1, offsets[i], offsets[i + 1]);
  }
  return w;
}

/** Binary-structure symmetry: uses that each row is sorted, so each reverse link is a binary search. */
export function isSymmetric(offsets: Int32Array, neighbours: Int32Array): boolean {
  const n = offsets.length - 1;
  for (let i = 0; i < n; i++) {
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      if (!hasLink(offsets, neighbours, neighbours[e], i)) return false;
    }
  }
  return true;
}

export function hasLink(offsets: Int32Array, neighbours: Int32Array, from: number, to: number): boolean {
  let lo = offsets[from];
  let hi = offsets[from + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = neighbours[mid];
    if (v === to) return true;
    if (v < to) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Neighbour lists (row indices) of a weights object, e.g. to rebuild it with other options. */
export function neighbourLists(w: SpatialWeights): number[][] {
  const lists: number[][] = [];
  for (let i = 0; i < w.n; i++) lists.push(Array.from(w.neighbours.subarray(w.offsets[i], w.offsets[i + 1])));
  return lists;
}

/** Per-row distance lists, when the weights carry distances. */
export function distanceLists(w: SpatialWeights): number[][] | undefined {
  const d = w.distances;
  if (!d) return undefined;
  const lists: number[][] = [];
  for (let i = 0; i < w.n; i++) lists.push(Array.from(d.subarray(w.offsets[i], w.offsets[i + 1])));
  return lists;
}

/** Number of links per row (including self when self is included). */
export function cardinalities(w: SpatialWeights): Int32Array {
  const c = new Int32Array(w.n);
  for (let i = 0; i < w.n; i++) c[i] = w.offsets[i + 1] - w.offsets[i];
  return c;
}
