/**
 * Multiple-testing adjustment of per-area p-values. With thousands of areas, a 5 % test per area
 * flags hundreds by chance alone; adjusted p-values say which areas survive a study-wide error rate.
 *
 * - 'fdr': Benjamini–Hochberg (1995) adjusted p-values (q-values): q_(k) = min_{j ≥ k} m p_(j) / j.
 *   q ≤ α is the BH procedure at level α: expected share of false discoveries ≤ α (valid for
 *   independent or positively dependent tests, the usual case for neighbouring areas).
 * - 'bonferroni': min(1, m p): family-wise error ≤ α under any dependence; very strict.
 * - 'none': p unchanged.
 * Missing p-values (NaN: areas with no neighbours) are left out of m and stay NaN.
 */
import { minimumPseudoP } from './pseudo-p';

export type Correction = 'fdr' | 'bonferroni' | 'none';
export const CORRECTIONS: readonly Correction[] = ['fdr', 'bonferroni', 'none'];

export function adjustPValues(p: Float64Array, method: Correction): Float64Array {
  const sorted = sortedFinite(p);
  const m = sorted.length;
  const out = new Float64Array(p.length);
  if (method !== 'fdr') {
    for (let i = 0; i < p.length; i++) out[i] = method === 'none' || Number.isNaN(p[i]) ? p[i] : Math.min(1, p[i] * m);
    return out;
  }
  // q at each sorted position is the running minimum of m p_(j) / j from the top; tied p-values share
  // the q of their last position, so each area's q is found by searching for its p.
  const q = new Float64Array(m);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    running = Math.min(running, (sorted[r] * m) / (r + 1));
    q[r] = running;
  }
  for (let i = 0; i < p.length; i++) out[i] = Number.isNaN(p[i]) ? NaN : q[lastAtMost(sorted, p[i])];
  return out;
}

/** The p-values that are not NaN, ascending (native numeric sort of a typed array). */
function sortedFinite(p: Float64Array): Float64Array {
  let m = 0;
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i])) m++;
  const out = new Float64Array(m);
  let at = 0;
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i])) out[at++] = p[i];
  return out.sort();
}

function lastAtMost(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export function assertAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new Error(`significance level (alpha) must be between 0 and 1 (got ${alpha})`);
}

export interface BonferroniReach {
  reachable: boolean;
  /** Smallest pseudo p-value the permutations can give: 1/(P + 1). */
  minimumP: number;
  /** What an area's p must reach: α / m. */
  threshold: number;
  /** Fewest permutations for which an area could pass. */
  permutationsNeeded: number;
  /** A plain-language sentence for the UI and the CLI. */
  message: string;
}

/**
 * Whether any area can pass Bonferroni at all: with P permutations no pseudo p-value is below
 * 1/(P + 1), so if 1/(P + 1) > α/m nothing can ever be significant, whatever the data.
 */
export function bonferroniReach(tests: number, permutations: number, alpha: number): BonferroniReach {
  assertAlpha(alpha);
  const minimumP = minimumPseudoP(permutations);
  const threshold = alpha / tests;
  const reachable = minimumP <= threshold;
  const permutationsNeeded = Math.max(0, Math.ceil(tests / alpha) - 1);
  const message = reachable
    ? `Bonferroni can flag areas: the smallest pseudo p-value, 1/${permutations + 1}, is within α/${tests}.`
    : `Bonferroni cannot flag any area with ${permutations.toLocaleString('en-GB')} permutations: the smallest pseudo p-value is 1/${(permutations + 1).toLocaleString('en-GB')} = ${minimumP.toPrecision(2)}, above α/m = ${alpha}/${tests.toLocaleString('en-GB')} = ${threshold.toPrecision(2)}. It would need ${permutationsNeeded.toLocaleString('en-GB')} permutations; use FDR instead.`;
  return { reachable, minimumP, threshold, permutationsNeeded, message };
}

/** How many areas are significant at α under each correction (for the UI's comparison), from one sort. */
export function significantCounts(p: Float64Array, alpha: number): Record<Correction, number> {
  assertAlpha(alpha);
  const sorted = sortedFinite(p);
  const m = sorted.length;
  let none = 0;
  let bonferroni = 0;
  let fdr = 0;
  for (let r = 0; r < m; r++) {
    if (sorted[r] <= alpha) none++;
    if (sorted[r] * m <= alpha) bonferroni++;
    // BH step-up: the largest rank whose p is within rank · α / m, and every area up to it.
    if (sorted[r] * m <= alpha * (r + 1)) fdr = r + 1;
  }
  return { fdr, bonferroni, none };
}
