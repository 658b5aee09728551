/**
 * Funnel-plot control limits for a proportion: exact binomial limits around a target proportion,
 * interpolated between whole counts as Spiegelhalter (2005, "Funnel plots for comparing institutional
 * performance", Stat Med 24:1185) and PHE's funnel-plot tools do. For a limit at probability q and
 * denominator n: r = qbinom(q, n, θ), α = (P(X ≤ r) − q) / (P(X ≤ r) − P(X ≤ r − 1)), limit = (r − α) / n.
 * The 95 % limits use q = 0.025 and 0.975; the 99.8 % limits q = 0.001 and 0.999.
 * Pure: typed arrays in and out.
 */
import { binomialCdf, binomialQuantile } from './binomial';

/** A limit as a proportion (0–1) at probability q for denominator n around θ. */
export function funnelLimit(q: number, n: number, theta: number): number {
  if (!(n > 0) || !Number.isFinite(n)) return NaN;
  const size = Math.round(n);
  const r = binomialQuantile(q, size, theta);
  const at = binomialCdf(r, size, theta);
  const below = binomialCdf(r - 1, size, theta);
  const alpha = at > below ? (at - q) / (at - below) : 0;
  return Math.min(1, Math.max(0, (r - alpha) / size));
}

export interface FunnelLimits {
  /** Lower and upper 95 % and 99.8 % limits for each denominator, as proportions (0–1). */
  lower95: Float64Array;
  upper95: Float64Array;
  lower998: Float64Array;
  upper998: Float64Array;
}

export function funnelLimits(denominators: ArrayLike<number>, theta: number): FunnelLimits {
  const m = denominators.length;
  const out = { lower95: new Float64Array(m), upper95: new Float64Array(m), lower998: new Float64Array(m), upper998: new Float64Array(m) };
  for (let i = 0; i < m; i++) {
    const n = denominators[i];
    out.lower95[i] = funnelLimit(0.025, n, theta);
    out.upper95[i] = funnelLimit(0.975, n, theta);
    out.lower998[i] = funnelLimit(0.001, n, theta);
    out.upper998[i] = funnelLimit(0.999, n, theta);
  }
  return out;
}

/** Where each unit lies: 2 above the 99.8 % limit, 1 above 95 %, 0 within, −1 below 95 %, −2 below 99.8 %; NaN without a value. */
export function funnelPositions(numerators: ArrayLike<number>, denominators: ArrayLike<number>, theta: number): Float64Array {
  return positionsAgainst(numerators, denominators, funnelLimits(denominators, theta));
}

/** The same positions against any limits (exact binomial or overdispersion-adjusted). */
export function positionsAgainst(numerators: ArrayLike<number>, denominators: ArrayLike<number>, lim: FunnelLimits): Float64Array {
  const out = new Float64Array(numerators.length);
  for (let i = 0; i < out.length; i++) {
    const n = denominators[i];
    if (!(n > 0) || !Number.isFinite(numerators[i])) {
      out[i] = NaN;
      continue;
    }
    const p = numerators[i] / n;
    out[i] = p > lim.upper998[i] ? 2 : p > lim.upper95[i] ? 1 : p < lim.lower998[i] ? -2 : p < lim.lower95[i] ? -1 : 0;
  }
  return out;
}
