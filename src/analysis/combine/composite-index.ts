/**
 * The composite risk index: the weighted average of normalised indicator scores (see
 * normalise-scores.ts), so it stays on the scores' own scale (0–100 for percentiles and min–max,
 * SD units for z-scores). An area missing any weighted input has no index (NaN), never a partial
 * one: a partial average would quietly rank it on fewer risks than its neighbours. Inputs with
 * weight 0 are left out entirely.
 */
export interface CompositeIndex {
  values: Float64Array;
  /** Weights as shares of their total (0 for inputs left out). */
  shares: number[];
}

export function weightShares(weights: readonly number[]): number[] {
  const w = weights.map((x) => (Number.isFinite(x) && x > 0 ? x : 0));
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => (total > 0 ? x / total : 0));
}

export function compositeIndex(scores: readonly Float64Array[], weights: readonly number[]): CompositeIndex {
  if (scores.length !== weights.length) throw new Error(`${scores.length} score arrays but ${weights.length} weights`);
  const shares = weightShares(weights);
  const n = scores[0]?.length ?? 0;
  const values = new Float64Array(n);
  const used = shares.map((s, j) => [s, j] as const).filter(([s]) => s > 0);
  if (used.length === 0) return { values: values.fill(NaN), shares };
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (const [s, j] of used) sum += s * scores[j][i];
    // NaN from any weighted input propagates: the area has no index.
    values[i] = sum;
  }
  return { values, shares };
}

/** What each input adds to one area's index (share × score); they sum to the index. */
export function contributions(scores: readonly Float64Array[], shares: readonly number[], index: number): number[] {
  return shares.map((s, j) => (s > 0 ? s * scores[j][index] : 0));
}

/** Areas (inside `scope`, if given) whose value is missing. */
export function countMissing(values: Float64Array, scope: Uint8Array | null): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if ((!scope || scope[i]) && !Number.isFinite(values[i])) n++;
  return n;
}

/** Rank of each area by value within `scope` (1 = highest); NaN for missing or out-of-scope areas. */
export function rankDescending(values: Float64Array, scope: Uint8Array | null): Float64Array {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if ((!scope || scope[i]) && Number.isFinite(values[i])) idx.push(i);
  idx.sort((a, b) => values[b] - values[a]);
  const out = new Float64Array(values.length).fill(NaN);
  // Ties share the best rank ("1, 2, 2, 4"), as published rankings do.
  for (let r = 0; r < idx.length; r++) out[idx[r]] = r > 0 && values[idx[r]] === values[idx[r - 1]] ? out[idx[r - 1]] : r + 1;
  return out;
}
