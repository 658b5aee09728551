/**
 * A hotspot result is computed on the areas that have a value; the map, legend, table and the
 * class API speak of every area of the level. These helpers put the result back on the level's rows
 * (areas without a value get the class "no-value") and count areas and residents per class.
 */
import { CLASS_LABELS } from '../../analysis/stats/cluster-classes';
import type { HotspotResult } from '../../analysis/stats/hotspots';
import type { HotspotClassKey } from '../../map/hotspot-styles';

export interface FrameClasses {
  /** Index into `keys` per area of the level. */
  cluster: Uint8Array;
  keys: readonly HotspotClassKey[];
  /** Result row per area of the level; −1 for areas without a value. */
  rowOf: Int32Array;
}

const NO_VALUE_LABEL = 'No value (not tested)';

export function classLabel(key: HotspotClassKey): string {
  return key === 'no-value' ? NO_VALUE_LABEL : CLASS_LABELS[key];
}

/** `rows[r]` is the level row of result row r. */
export function frameClasses(result: HotspotResult, rows: Int32Array, n: number): FrameClasses {
  if (rows.length !== result.ids.length) throw new Error(`hotspots: ${rows.length} rows for ${result.ids.length} results`);
  const keys = [...result.classes, 'no-value'] as HotspotClassKey[];
  const noValue = keys.length - 1;
  const cluster = new Uint8Array(n).fill(noValue);
  const rowOf = new Int32Array(n).fill(-1);
  for (let r = 0; r < rows.length; r++) {
    cluster[rows[r]] = result.cluster[r];
    rowOf[rows[r]] = r;
  }
  return { cluster, keys, rowOf };
}

export interface ClassCount {
  key: HotspotClassKey;
  label: string;
  areas: number;
  residents: number;
}

/**
 * Areas and residents per class within the mask (null: all areas), in the order of `keys`,
 * leaving out "no-value" and "no-neighbours" when no area has them.
 */
export function classCounts(fc: FrameClasses, population: ArrayLike<number>, mask: Uint8Array | null): ClassCount[] {
  const areas = new Float64Array(fc.keys.length);
  const residents = new Float64Array(fc.keys.length);
  for (let i = 0; i < fc.cluster.length; i++) {
    if (mask && !mask[i]) continue;
    areas[fc.cluster[i]]++;
    const p = population[i];
    if (Number.isFinite(p)) residents[fc.cluster[i]] += p;
  }
  return fc.keys
    .map((key, k) => ({ key, label: classLabel(key), areas: areas[k], residents: residents[k] }))
    .filter((c) => c.areas > 0 || (c.key !== 'no-value' && c.key !== 'no-neighbours'));
}

/** Level rows whose value is finite in every given array, as result rows are laid out. */
export function testedRows(...values: Float64Array[]): Int32Array {
  const out: number[] = [];
  const n = values[0].length;
  for (let i = 0; i < n; i++) if (values.every((v) => Number.isFinite(v[i]))) out.push(i);
  return Int32Array.from(out);
}

export function pick(values: Float64Array, rows: Int32Array): Float64Array {
  return Float64Array.from(rows, (i) => values[i]);
}
