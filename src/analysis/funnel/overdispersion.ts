/**
 * Overdispersion-adjusted funnel limits for a proportion: Spiegelhalter's additive random-effects
 * method (Spiegelhalter 2005, "Handling over-dispersion of performance indicators", Qual Saf Health
 * Care 14:347; the default of the NHS-R FunnelPlotR package), on the proportion scale:
 *   z_i = (y_i − θ) / s_i with s_i² = θ(1 − θ) / n_i;
 *   z winsorised: values beyond the 10th and 90th percentiles are set to them (percentile k = the
 *   ⌊0.1·I⌋-th smallest / largest of the I z-scores, counting from 0);
 *   φ = Σ z_w² / I;  τ² = max(0, (I·φ − (I − 1)) / (Σ w_i − Σ w_i² / Σ w_i)), w_i = 1 / s_i²;
 *   limits θ ± z_q √(s_i² + τ²) (normal), clipped to [0, 1].
 * With τ² = 0 (no overdispersion) the limits are the normal-approximation ones. Pure: arrays in and out.
 */
import { positionsAgainst, type FunnelLimits } from './funnel-limits';

const WINSOR_TAIL = 0.1;
const Z95 = 1.959963984540054;
const Z998 = 3.090232306167813;

export interface Overdispersion {
  /** Winsorised overdispersion factor φ (1 = as much spread as chance). */
  phi: number;
  /** Between-unit variance τ² on the proportion scale (0 = none). */
  tau2: number;
  /** Units used (denominator above 0). */
  units: number;
}

export function overdispersion(numerators: ArrayLike<number>, denominators: ArrayLike<number>, theta: number): Overdispersion {
  const z: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < denominators.length; i++) {
    const n = denominators[i];
    if (!(n > 0) || !Number.isFinite(numerators[i])) continue;
    const s2 = (theta * (1 - theta)) / n;
    z.push((numerators[i] / n - theta) / Math.sqrt(s2));
    w.push(1 / s2);
  }
  const units = z.length;
  if (units < 2) return { phi: NaN, tau2: 0, units };
  const sorted = [...z].sort((a, b) => a - b);
  const k = Math.floor(WINSOR_TAIL * units);
  const lo = sorted[k];
  const hi = sorted[units - 1 - k];
  const phi = z.reduce((s, v) => s + Math.min(hi, Math.max(lo, v)) ** 2, 0) / units;
  const sw = w.reduce((s, v) => s + v, 0);
  const sw2 = w.reduce((s, v) => s + v * v, 0);
  const tau2 = Math.max(0, (units * phi - (units - 1)) / (sw - sw2 / sw));
  return { phi, tau2, units };
}

/** Additive random-effects limits for each denominator, as proportions (0–1). */
export function adjustedLimits(denominators: ArrayLike<number>, theta: number, tau2: number): FunnelLimits {
  const m = denominators.length;
  const out = { lower95: new Float64Array(m), upper95: new Float64Array(m), lower998: new Float64Array(m), upper998: new Float64Array(m) };
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  for (let i = 0; i < m; i++) {
    const n = denominators[i];
    const sd = n > 0 ? Math.sqrt((theta * (1 - theta)) / n + tau2) : NaN;
    out.lower95[i] = clip(theta - Z95 * sd);
    out.upper95[i] = clip(theta + Z95 * sd);
    out.lower998[i] = clip(theta - Z998 * sd);
    out.upper998[i] = clip(theta + Z998 * sd);
  }
  return out;
}

/** Positions against the adjusted limits: 2 above 99.8 %, 1 above 95 %, 0 within, −1, −2 below; NaN without a value. */
export function adjustedPositions(numerators: ArrayLike<number>, denominators: ArrayLike<number>, theta: number, tau2: number): Float64Array {
  return positionsAgainst(numerators, denominators, adjustedLimits(denominators, theta, tau2));
}
