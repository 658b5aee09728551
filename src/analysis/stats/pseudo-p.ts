/**
 * Pseudo p-values from permutation counts.
 *
 * Definition (folded, one-sided in the direction the observed value lies):
 *
 *   p_i = (min(#{sim ≥ obs}, #{sim ≤ obs}) + 1) / (P + 1)
 *
 * For continuous data this is exactly spdep's "Pr(folded) Sim" column and PySAL esda's `p_sim`
 * (they use #{sim < obs} for the second count). Counting ties on both sides makes a tie conservative:
 * an area whose value equals the mean (every permuted I is 0, like the observed one) gets p = 1, not
 * the 1/(P + 1) that spdep and PySAL report. The smallest possible value is 1/(P + 1). spdep's
 * two-sided "Pr(z != E(Ii)) Sim" is twice this (from ranks), capped at 1.
 */

export function foldedPseudoP(atLeast: Int32Array, atMost: Int32Array, permutations: number): Float64Array {
  const p = new Float64Array(atLeast.length);
  for (let i = 0; i < p.length; i++) {
    p[i] = atLeast[i] < 0 ? NaN : (Math.min(atLeast[i], atMost[i]) + 1) / (permutations + 1);
  }
  return p;
}

/** The smallest pseudo p-value P permutations can give. */
export function minimumPseudoP(permutations: number): number {
  return 1 / (permutations + 1);
}

/** Which tail the observed value is in: +1 upper (high), −1 lower (low), 0 neither. */
export function permutationTail(atLeast: number, atMost: number): -1 | 0 | 1 {
  if (atLeast < 0) return 0;
  return atLeast < atMost ? 1 : atMost < atLeast ? -1 : 0;
}
