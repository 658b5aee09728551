/**
 * Puts indicators on one scale before they are combined. Every method is oriented so that a higher
 * score means more risk (`sign` −1 flips an indicator whose low values are the risky ones, e.g. an
 * IMD rank) and is measured against a reference set of areas (all of England, or the focus region).
 * Areas outside the reference are scored against it too, so their scores can fall outside 0–100.
 *
 * - percentile: mid-rank percentile among the reference areas, 0–100 (ties share their mean rank,
 *   so flipping the direction gives exactly 100 − p).
 * - zscore: (x − mean) / standard deviation of the reference (population SD), in SD units.
 * - minmax: position between the reference minimum and maximum, 0–100.
 *
 * Missing values (NaN) stay missing; they never count as zero.
 */
export type Normalisation = 'percentile' | 'zscore' | 'minmax';

export interface NormaliseOptions {
  method: Normalisation;
  /** +1: higher values mean more risk; −1: lower values mean more risk. */
  sign: 1 | -1;
  /** 1 for the areas that form the reference distribution; null: every area. */
  reference: Uint8Array | null;
}

export interface ReferenceStats {
  n: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
}

/** The reference areas' finite values, sorted ascending. */
export function referenceValues(values: Float64Array, reference: Uint8Array | null): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && (!reference || reference[i])) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && (!reference || reference[i])) out[j++] = values[i];
  return out.sort();
}

export function referenceStats(sorted: Float64Array): ReferenceStats {
  const n = sorted.length;
  if (n === 0) return { n, mean: NaN, sd: NaN, min: NaN, max: NaN };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i] - mean) ** 2;
  return { n, mean, sd: Math.sqrt(ss / n), min: sorted[0], max: sorted[n - 1] };
}

/** Index of the first element ≥ x (lower) or > x (upper) in an ascending array. */
function bound(sorted: Float64Array, x: number, upper: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (upper ? sorted[mid] <= x : sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function normaliseScores(values: Float64Array, opts: NormaliseOptions): Float64Array {
  const sorted = referenceValues(values, opts.reference);
  const out = new Float64Array(values.length).fill(NaN);
  if (sorted.length === 0) return out;
  const s = referenceStats(sorted);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) continue;
    if (opts.method === 'percentile') {
      const below = bound(sorted, x, false);
      const equal = bound(sorted, x, true) - below;
      const p = (100 * (below + equal / 2)) / s.n;
      out[i] = opts.sign === 1 ? p : 100 - p;
    } else if (opts.method === 'zscore') {
      out[i] = s.sd > 0 ? (opts.sign * (x - s.mean)) / s.sd : 0;
    } else {
      const range = s.max - s.min;
      out[i] = range > 0 ? (100 * (opts.sign === 1 ? x - s.min : s.max - x)) / range : 50;
    }
  }
  return out;
}
