/** The permutation engine's output for a range of areas, and joining ranges from workers. */

/** Results for areas start .. end − 1, indexed from 0. Areas with no link get counts −1 and NaN moments. */
export interface PermutationPart {
  start: number;
  end: number;
  permutations: number;
  /** How many permuted statistics were ≥ / ≤ the observed one. */
  atLeast: Int32Array;
  atMost: Int32Array;
  /** Mean and standard deviation (n − 1 divisor, like R's var) of the permuted statistics. */
  simMean: Float64Array;
  simSd: Float64Array;
}

export function emptyPart(start: number, end: number, permutations: number): PermutationPart {
  const m = end - start;
  return { start, end, permutations, atLeast: new Int32Array(m), atMost: new Int32Array(m), simMean: new Float64Array(m), simSd: new Float64Array(m) };
}

/** Joins parts covering 0 .. n − 1 (from workers) into one. */
export function mergeParts(parts: readonly PermutationPart[], n: number): PermutationPart {
  const sorted = [...parts].sort((a, b) => a.start - b.start);
  const P = sorted[0]?.permutations ?? 0;
  let at = 0;
  for (const p of sorted) {
    if (p.start !== at || p.permutations !== P) throw new Error(`permutations: parts do not tile 0..${n} (gap or overlap at ${at})`);
    at = p.end;
  }
  if (at !== n) throw new Error(`permutations: parts cover 0..${at}, not 0..${n}`);
  const out = emptyPart(0, n, P);
  for (const p of sorted) {
    out.atLeast.set(p.atLeast, p.start);
    out.atMost.set(p.atMost, p.start);
    out.simMean.set(p.simMean, p.start);
    out.simSd.set(p.simSd, p.start);
  }
  return out;
}
