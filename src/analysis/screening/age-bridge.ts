/**
 * Residents aged 55–74 from Census 2021 age bands that do not fit the range (50–64 and 65+ are the
 * bands published for LSOAs). Single years of age exist only for larger areas (Sub-ICB / CCG-sized
 * units), so each small area borrows its unit's split of those bands:
 *
 *   55–74 ≈ (50–64) × s₁ + (65+) × s₂,   s₁ = P(55–64) / P(50–64),   s₂ = P(65–74) / P(65+)
 *
 * with P the unit's single-year population. The assumption is that within each band the small area
 * has its unit's age mix. The range repeats the sum with the lowest and the highest s₁ and s₂ found
 * among all units (the youngest and the oldest within-band mix in England), which brackets the error
 * of that assumption for all but unusually skewed areas; it says nothing about Census error.
 */

/** Age of the last single-year column: the population files' 90 means 90 and over. */
export const OPEN_AGE = 90;

export interface BandSplit {
  /** Residents aged 55–64 as a share of 50–64. */
  s1: number;
  /** Residents aged 65–74 as a share of 65 and over. */
  s2: number;
}

/** `persons[a]`: residents aged a (a = 0 … 90, 90 = 90+). */
export function bandSplit(persons: ArrayLike<number>): BandSplit {
  if (persons.length !== OPEN_AGE + 1) throw new Error(`bandSplit: expected ${OPEN_AGE + 1} single years (0–${OPEN_AGE}+), got ${persons.length}`);
  const sum = (from: number, to: number) => {
    let s = 0;
    for (let a = from; a <= to; a++) s += persons[a];
    return s;
  };
  const b1 = sum(50, 64);
  const b2 = sum(65, OPEN_AGE);
  return { s1: b1 > 0 ? sum(55, 64) / b1 : NaN, s2: b2 > 0 ? sum(65, 74) / b2 : NaN };
}

export interface Estimate {
  est: Float64Array;
  low: Float64Array;
  high: Float64Array;
}

export interface SplitRange {
  s1: [number, number];
  s2: [number, number];
}

/** The lowest and highest s₁ and s₂ among the units (NaN units ignored). */
export function splitRange(splits: readonly BandSplit[]): SplitRange {
  const finite = (xs: number[]) => xs.filter(Number.isFinite);
  const s1 = finite(splits.map((s) => s.s1));
  const s2 = finite(splits.map((s) => s.s2));
  if (!s1.length || !s2.length) throw new Error('splitRange: no unit has residents in both bands');
  return { s1: [Math.min(...s1), Math.max(...s1)], s2: [Math.min(...s2), Math.max(...s2)] };
}

/**
 * Residents aged 55–74 per small area: its bands split by its unit's shares (point estimate) and by
 * the range's extremes (low / high). NaN in an input gives NaN for that area.
 */
export function bridge55to74(a50to64: Float64Array, a65plus: Float64Array, s1: Float64Array, s2: Float64Array, range: SplitRange): Estimate {
  const n = a50to64.length;
  if (a65plus.length !== n || s1.length !== n || s2.length !== n) throw new Error('bridge55to74: inputs differ in length');
  const est = new Float64Array(n);
  const low = new Float64Array(n);
  const high = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    est[i] = a50to64[i] * s1[i] + a65plus[i] * s2[i];
    low[i] = a50to64[i] * range.s1[0] + a65plus[i] * range.s2[0];
    high[i] = a50to64[i] * range.s1[1] + a65plus[i] * range.s2[1];
  }
  return { est, low, high };
}
