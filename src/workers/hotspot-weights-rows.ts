/**
 * Putting weights in the rows the app tests: `alignWeights` reorders weights read from a file (GAL,
 * GWT, the pipeline's own) to the level's areas, naming any area that does not match; `subsetWeights`
 * keeps only the areas that have a value, dropping their links to the others (an area whose every
 * neighbour has no value becomes an island, and is flagged like any other).
 */
import { buildWeightsCsr, type SpatialWeights } from '../analysis/weights/spatial-weights';

const listSome = (ids: string[]) => `${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ` and ${ids.length - 3} more` : ''}`;

/** The same weights with rows in the order of `ids`, which must be exactly the weights' areas. */
export function alignWeights(w: SpatialWeights, ids: readonly string[], source: string): SpatialWeights {
  if (w.ids.length === ids.length && w.ids.every((id, i) => id === ids[i])) return w;
  const target = new Map(ids.map((id, i) => [id, i] as const));
  const unknown = w.ids.filter((id) => !target.has(id));
  if (unknown.length) throw new Error(`${source} names ${unknown.length} area${unknown.length === 1 ? ' that is' : 's that are'} not on this map (${listSome(unknown)}): use weights made for this level`);
  const rowOf = new Map(w.ids.map((id, i) => [id, i] as const));
  const missing = ids.filter((id) => !rowOf.has(id));
  if (missing.length) throw new Error(`${source} has no row for ${missing.length} area${missing.length === 1 ? '' : 's'} of this map (${listSome(missing)})`);
  const toTarget = Int32Array.from(w.ids, (id) => target.get(id)!);
  return rebuild(w, ids, ids.map((id) => rowOf.get(id)!), toTarget);
}

/** Only the rows where keep[i] is 1, links between kept rows only. */
export function subsetWeights(w: SpatialWeights, keep: Uint8Array): SpatialWeights {
  if (keep.length !== w.n) throw new Error(`weights: ${w.n} areas but ${keep.length} keep flags`);
  const rows: number[] = [];
  const toTarget = new Int32Array(w.n).fill(-1);
  for (let i = 0; i < w.n; i++) if (keep[i]) toTarget[i] = rows.push(i) - 1;
  if (rows.length === w.n) return w;
  return rebuild(w, rows.map((i) => w.ids[i]), rows, toTarget);
}

/** Row t of the result is source row rows[t]; links to sources with toTarget −1 are dropped. */
function rebuild(w: SpatialWeights, ids: readonly string[], rows: readonly number[], toTarget: Int32Array): SpatialWeights {
  const offsets = new Int32Array(ids.length + 1);
  for (let t = 0; t < rows.length; t++) {
    let k = 0;
    for (let e = w.offsets[rows[t]]; e < w.offsets[rows[t] + 1]; e++) if (toTarget[w.neighbours[e]] >= 0) k++;
    offsets[t + 1] = offsets[t] + k;
  }
  const neighbours = new Int32Array(offsets[ids.length]);
  const distances = w.distances && new Float64Array(neighbours.length);
  let at = 0;
  for (const s of rows) {
    for (let e = w.offsets[s]; e < w.offsets[s + 1]; e++) {
      const j = toTarget[w.neighbours[e]];
      if (j < 0) continue;
      if (distances) distances[at] = w.distances[e];
      neighbours[at++] = j;
    }
  }
  return buildWeightsCsr(ids, offsets, neighbours, { style: w.style, kind: w.kind, selfIncluded: w.selfIncluded }, distances);
}
