/**
 * Do two sets of permutation pseudo p-values (ours and spdep's) estimate the same per-area null?
 *
 * Each folded pseudo p-value is (c + 1)/(P + 1), c ≈ Binomial(P, p_i) for the area's true tail
 * probability p_i (folding at ½ only narrows the spread). The arcsine-root transform makes the spread
 * independent of p_i: Var(asin √p̂) ≈ 1/(4P), so for two independent runs
 *
 *     d_i = (asin √p̂_ours − asin √p̂_spdep) · √(2P)  ≈  N(0, 1).
 *
 * Test 1, per area: max |d_i| ≤ z* = Φ⁻¹(1 − α/(2m)). By Bonferroni this holds with probability
 *   ≥ 1 − α when both are right, whatever the dependence between areas (ours share draws).
 * Test 2, systematic shift: |mean d| ≤ 5 σ̄, where σ̄² = ½ Σ_g (n_g/m)² + ½/m bounds Var(mean d) by
 *   treating our areas that share draws (same stream and cardinality: groups g of size n_g) as
 *   perfectly correlated and spdep's areas as independent (it draws per area).
 *
 * Known, negligible differences in the null: spdep samples the k neighbour values with replacement,
 * we sample without (the variance of a k-sum differs by a factor (n − k)/(n − 1) ≥ 0.999 here).
 */
import { probit } from 'simple-statistics';

export interface Agreement {
  areas: number;
  d: Float64Array;
  maxAbsD: number;
  worst: number;
  threshold: number;
  meanD: number;
  meanBound: number;
  /** Share of areas with |d| > 1.96 (about 5 % or less when the two agree; informative only). */
  over196: number;
  maxAbsDiffP: number;
}

export function comparePseudoP(ours: Float64Array, theirs: Float64Array, permutations: number, groups: Int32Array, familyAlpha = 0.001): Agreement {
  const d = new Float64Array(ours.length).fill(NaN);
  const size = new Map<number, number>();
  let m = 0;
  let sum = 0;
  let maxAbsD = 0;
  let worst = -1;
  let over = 0;
  let maxAbsDiffP = 0;
  for (let i = 0; i < ours.length; i++) {
    if (Number.isNaN(ours[i]) && Number.isNaN(theirs[i])) continue;
    if (Number.isNaN(ours[i]) !== Number.isNaN(theirs[i])) throw new Error(`area ${i}: one side has no p-value (ours ${ours[i]}, spdep ${theirs[i]})`);
    const di = (Math.asin(Math.sqrt(ours[i])) - Math.asin(Math.sqrt(theirs[i]))) * Math.sqrt(2 * permutations);
    d[i] = di;
    m++;
    sum += di;
    if (Math.abs(di) > 1.96) over++;
    if (Math.abs(di) > maxAbsD) {
      maxAbsD = Math.abs(di);
      worst = i;
    }
    maxAbsDiffP = Math.max(maxAbsDiffP, Math.abs(ours[i] - theirs[i]));
    size.set(groups[i], (size.get(groups[i]) ?? 0) + 1);
  }
  let shared = 0;
  for (const s of size.values()) shared += (s / m) ** 2;
  return {
    areas: m, d, maxAbsD, worst, threshold: probit(1 - familyAlpha / (2 * m)),
    meanD: sum / m, meanBound: 5 * Math.sqrt(0.5 * shared + 0.5 / m), over196: over / m, maxAbsDiffP,
  };
}
