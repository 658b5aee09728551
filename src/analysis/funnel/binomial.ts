/**
 * The binomial distribution's CDF and quantile, for funnel-plot control limits. The CDF is the
 * regularised incomplete beta, P(X ≤ k) = I_{1-p}(n − k, k + 1); the quantile is the smallest k with
 * P(X ≤ k) ≥ q (R's qbinom), found by stepping from the normal approximation.
 */
import { incompleteBeta } from '../evaluation/distributions';

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  return incompleteBeta(1 - p, n - k, k + 1);
}

/** Smallest k in 0…n with P(X ≤ k) ≥ q. A relative fuzz of 1e-12 on q, as R's qbinom uses, keeps rounding from stepping one too far. */
export function binomialQuantile(q: number, n: number, p: number): number {
  if (!(q >= 0 && q <= 1)) throw new Error(`binomialQuantile: q must be in [0, 1] (got ${q})`);
  if (p <= 0) return 0;
  if (p >= 1) return n;
  const target = q * (1 - 64 * Number.EPSILON);
  const sd = Math.sqrt(n * p * (1 - p));
  const z = normalQuantile(q);
  let k = Math.min(n, Math.max(0, Math.floor(n * p + z * sd)));
  if (binomialCdf(k, n, p) >= target) {
    while (k > 0 && binomialCdf(k - 1, n, p) >= target) k--;
  } else {
    while (k < n && binomialCdf(k, n, p) < target) k++;
  }
  return k;
}

/** Φ⁻¹(q) (Acklam's rational approximation, ~1e-9): only a starting point for the exact search. */
function normalQuantile(q: number): number {
  if (q <= 0) return -Infinity;
  if (q >= 1) return Infinity;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (q < lo) {
    const t = Math.sqrt(-2 * Math.log(q));
    return (((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5]) / ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1);
  }
  if (q > 1 - lo) return -normalQuantile(1 - q);
  const r = q - 0.5;
  const s = r * r;
  return ((((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r) / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
}
