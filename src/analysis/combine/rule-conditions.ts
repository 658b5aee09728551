/**
 * Single conditions of an overlap rule, judged per area: 1 met, 0 not met, UNKNOWN where the area
 * has no value to judge. `sign` orients "worse": +1 when higher values are worse, −1 when lower are.
 */
export const UNKNOWN = 255;

export type Comparison = 'at-most' | 'at-least';

/** value ≤ threshold or value ≥ threshold. */
export function thresholdCondition(values: Float64Array, op: Comparison, threshold: number): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = !Number.isFinite(v) ? UNKNOWN : (op === 'at-most' ? v <= threshold : v >= threshold) ? 1 : 0;
  }
  return out;
}

/**
 * In the worst `share` of areas nationally by national rank (1 = worst of `ranked`): the worst two
 * deciles are share 0.2. A rank on the boundary belongs to the worse group when rank ≤ share × ranked.
 */
export function worstShareCondition(rank: Float64Array, ranked: number, share: number): Uint8Array {
  const out = new Uint8Array(rank.length);
  const limit = share * ranked;
  for (let i = 0; i < rank.length; i++) out[i] = !Number.isFinite(rank[i]) || ranked <= 0 ? UNKNOWN : rank[i] <= limit ? 1 : 0;
  return out;
}

export interface EnglandTest {
  england: number;
  sign: 1 | -1;
  /** Require the whole 95 % confidence interval to be worse than England (where the area has one). */
  significant: boolean;
}

export interface EnglandCondition {
  met: Uint8Array;
  /** Areas judged on their value alone because they have no confidence interval (significant test only). */
  withoutInterval: Uint8Array;
}

/**
 * Worse than England's value. With `significant`, an area with a confidence interval meets it only if
 * the interval lies wholly on the worse side (Fingertips' comparison); an area without one is judged
 * on its value and flagged in `withoutInterval`, so the UI can say how many were.
 */
export function englandCondition(values: Float64Array, lower: Float64Array, upper: Float64Array, t: EnglandTest): EnglandCondition {
  const n = values.length;
  const met = new Uint8Array(n);
  const withoutInterval = new Uint8Array(n);
  const e = t.england;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || !Number.isFinite(e)) {
      met[i] = UNKNOWN;
      continue;
    }
    const hasCi = Number.isFinite(lower[i]) && Number.isFinite(upper[i]);
    if (t.significant && hasCi) met[i] = (t.sign === 1 ? lower[i] > e : upper[i] < e) ? 1 : 0;
    else {
      met[i] = (t.sign === 1 ? v > e : v < e) ? 1 : 0;
      if (t.significant) withoutInterval[i] = 1;
    }
  }
  return { met, withoutInterval };
}

/** Inside the focus region (null: every area is inside). */
export function maskCondition(n: number, mask: Uint8Array | null): Uint8Array {
  return mask ? Uint8Array.from(mask, (m) => (m ? 1 : 0)) : new Uint8Array(n).fill(1);
}
