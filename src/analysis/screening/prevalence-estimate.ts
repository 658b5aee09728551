/**
 * Smokers among an estimated number of residents: residents × prevalence, with a range that combines
 * the residents' range with the prevalence's 95 % confidence interval (low residents × lower limit,
 * high residents × upper limit). Where a prevalence has no interval its value is used at both ends,
 * so the range then reflects only the residents' uncertainty. Prevalences are percentages.
 */
import type { Estimate } from './age-bridge';

export interface Prevalence {
  value: Float64Array;
  /** 95 % limits; NaN where none is published. */
  lower: Float64Array;
  upper: Float64Array;
}

export function applyPrevalence(residents: Estimate, p: Prevalence): Estimate {
  const n = residents.est.length;
  if (p.value.length !== n || p.lower.length !== n || p.upper.length !== n) throw new Error('applyPrevalence: inputs differ in length');
  const est = new Float64Array(n);
  const low = new Float64Array(n);
  const high = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = p.value[i] / 100;
    const lo = (Number.isFinite(p.lower[i]) ? p.lower[i] : p.value[i]) / 100;
    const hi = (Number.isFinite(p.upper[i]) ? p.upper[i] : p.value[i]) / 100;
    est[i] = residents.est[i] * v;
    low[i] = residents.low[i] * lo;
    high[i] = residents.high[i] * hi;
  }
  return { est, low, high };
}

/** Element-wise sum of two estimates (e.g. current + ex-smokers = ever-smokers; the ends add up). */
export function addEstimates(a: Estimate, b: Estimate): Estimate {
  const add = (x: Float64Array, y: Float64Array) => Float64Array.from(x, (v, i) => v + y[i]);
  return { est: add(a.est, b.est), low: add(a.low, b.low), high: add(a.high, b.high) };
}
