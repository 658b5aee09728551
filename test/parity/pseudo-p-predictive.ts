/**
 * A tight check that spdep's pseudo p-values come from the same per-area null as ours, built so that
 * a few hundred wrong areas fail it (p-value-agreement.ts, at equal permutation counts, only catches
 * single grossly wrong areas or a shift of all of them).
 *
 * Ours run with many permutations (P_o = 99,999), so they pin down each area's tail probability r_i
 * (the folded one, ≤ ½) a hundred times more tightly than spdep's 999. spdep's folded count
 * F = p·(P_s + 1) − 1 is min(Y, P_s − Y) with Y ~ Binomial(P_s, r_i). Given our count F_o, the
 * distribution of F that allows for our own uncertainty is the beta-binomial predictive (Jeffreys
 * prior: r ~ Beta(F_o + ½, P_o − F_o + ½)), folded the same way. Against it, per area:
 *
 * - an exact tail probability t_i = P(|F − E F| ≥ |F_obs − E F|); every area must pass Bonferroni at
 *   family-wise α = 0.001 (t_i ≥ α/m);
 * - a standardised residual e_i = (F_obs − E F)/sd F, with E e_i = 0 and E e_i² = 1 exactly under the
 *   predictive, and Var(e_i²) = κ_i − 1 from its own kurtosis.
 *
 * In aggregate, over the areas where spdep's expected count is at least 5 (r ≳ 0.005; further in the
 * tail e_i is far from normal, its kurtosis runs into the thousands and Σ e² would say nothing, while
 * the per-area test still covers those areas): |Σ e_i| and Σ e_i² − m must stay within 5 standard
 * deviations. spdep draws each area
 * independently, but our areas that share draws (same stream and cardinality, groups of size n_g)
 * have correlated errors, a share of about ρ = P_s/P_o of each e_i's variance; treating each group
 * as perfectly correlated bounds the covariance between areas by ρ Σ n_g² (for Σ e) and 2ρ² Σ n_g²
 * (for Σ e², as for squares of correlated normal variables).
 * A wrong area whose spdep p-value sits 3 of spdep's standard deviations off adds about 9 to Σ e²,
 * so a few hundred of them exceed the bound (about 5 √(2k) ≈ 1,100 for k = 25,000 areas).
 */
export interface PredictiveAgreement {
  areas: number;
  /** Areas in the aggregate (expected spdep count ≥ 5). */
  aggregated: number;
  /** Smallest per-area tail probability, its area, and the Bonferroni floor it must reach. */
  minTail: number;
  worst: number;
  tailFloor: number;
  sumE: number;
  sumEBound: number;
  /** Σ e² − (areas aggregated), and its bound. */
  excessE2: number;
  excessE2Bound: number;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error about 1e-15). */
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** pmf of the folded count min(Y, n − Y), Y ~ BetaBinomial(n, a, b), on 0 .. ⌊n/2⌋. */
export function foldedBetaBinomial(n: number, a: number, b: number): Float64Array {
  const lnB = (x: number, y: number) => lnGamma(x) + lnGamma(y) - lnGamma(x + y);
  const pmf = new Float64Array(Math.floor(n / 2) + 1);
  // ln pmf(0) = ln B(a, n + b) − ln B(a, b); then the ratio pmf(y + 1)/pmf(y), in logs.
  let lp = lnB(a, n + b) - lnB(a, b);
  for (let y = 0; y <= n; y++) {
    pmf[Math.min(y, n - y)] += Math.exp(lp);
    lp += Math.log(((n - y) * (y + a)) / ((y + 1) * (n - y - 1 + b)));
  }
  return pmf;
}

const countOf = (p: number, permutations: number) => Math.round(p * (permutations + 1) - 1);
const MIN_EXPECTED_COUNT = 5;

export function predictiveAgreement(ours: Float64Array, oursP: number, theirs: Float64Array, theirsP: number, groups: Int32Array, familyAlpha = 0.001): PredictiveAgreement {
  const size = new Map<number, number>();
  let m = 0;
  let k = 0;
  let sumE = 0;
  let sumE2 = 0;
  let varE2 = 0;
  let minTail = Infinity;
  let worst = -1;
  // Areas with the same count of ours share one predictive: computed once per count.
  const cache = new Map<number, { pmf: Float64Array; mean: number; sd: number; kurtosis: number }>();
  for (let i = 0; i < ours.length; i++) {
    if (Number.isNaN(ours[i]) && Number.isNaN(theirs[i])) continue;
    if (Number.isNaN(ours[i]) !== Number.isNaN(theirs[i])) throw new Error(`area ${i}: one side has no p-value (ours ${ours[i]}, spdep ${theirs[i]})`);
    const fo = countOf(ours[i], oursP);
    let d = cache.get(fo);
    if (!d) {
      const pmf = foldedBetaBinomial(theirsP, fo + 0.5, oursP - fo + 0.5);
      let mean = 0;
      for (let f = 0; f < pmf.length; f++) mean += f * pmf[f];
      let m2 = 0;
      let m4 = 0;
      for (let f = 0; f < pmf.length; f++) {
        const dev2 = (f - mean) ** 2;
        m2 += dev2 * pmf[f];
        m4 += dev2 * dev2 * pmf[f];
      }
      d = { pmf, mean, sd: Math.sqrt(m2), kurtosis: m4 / (m2 * m2) };
      cache.set(fo, d);
    }
    const fs = countOf(theirs[i], theirsP);
    if (fs < 0 || fs >= d.pmf.length) throw new Error(`area ${i}: spdep p-value ${theirs[i]} is not a folded pseudo p-value for ${theirsP} permutations`);
    const dist = Math.abs(fs - d.mean);
    let tail = 0;
    // Counts as far from the mean as the observed one, with a relative allowance for rounding.
    for (let f = 0; f < d.pmf.length; f++) if (Math.abs(f - d.mean) >= dist * (1 - 1e-12)) tail += d.pmf[f];
    m++;
    if (tail < minTail) {
      minTail = tail;
      worst = i;
    }
    if (d.mean < MIN_EXPECTED_COUNT) continue;
    const e = (fs - d.mean) / d.sd;
    k++;
    sumE += e;
    sumE2 += e * e;
    varE2 += d.kurtosis - 1;
    size.set(groups[i], (size.get(groups[i]) ?? 0) + 1);
  }
  let shared = 0;
  for (const s of size.values()) shared += s * s;
  const rho = theirsP / oursP;
  return {
    areas: m, aggregated: k, minTail, worst, tailFloor: familyAlpha / m,
    sumE, sumEBound: 5 * Math.sqrt(k + rho * shared),
    excessE2: sumE2 - k, excessE2Bound: 5 * Math.sqrt(varE2 + 2 * rho * rho * shared),
  };
}
