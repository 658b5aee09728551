/**
 * The permutation engine's output for a share of the areas, and joining shares from workers. A share
 * is the areas in start .. end − 1 whose draw stream (area index mod `streams`) is in
 * streamFrom .. streamTo − 1: splitting by stream lets each worker generate only its own streams'
 * draws; splitting by range is for when there is a single stream.
 */

export interface PermutationShare {
  start: number;
  end: number;
  streamFrom: number;
  streamTo: number;
}

/** Results for a share, indexed from `start` (areas outside the share's streams are left at 0). */
export interface PermutationPart extends PermutationShare {
  permutations: number;
  /** Number of independent draw streams (see permutation-engine.ts). */
  streams: number;
  /** How many permuted statistics were ≥ / ≤ the observed one; −1 for areas with no link. */
  atLeast: Int32Array;
  atMost: Int32Array;
  /** Mean and standard deviation (n − 1 divisor, like R's var) of the permuted statistics; NaN for no link. */
  simMean: Float64Array;
  simSd: Float64Array;
}

export function emptyPart(share: PermutationShare, permutations: number, streams: number): PermutationPart {
  const m = share.end - share.start;
  return { ...share, permutations, streams, atLeast: new Int32Array(m), atMost: new Int32Array(m), simMean: new Float64Array(m), simSd: new Float64Array(m) };
}

/** Joins shares (from workers) into one part for areas 0 .. n − 1; every area must be covered once. */
export function mergeParts(parts: readonly PermutationPart[], n: number): PermutationPart {
  if (parts.length === 0) throw new Error('permutations: nothing to merge');
  const { permutations, streams } = parts[0];
  const out = emptyPart({ start: 0, end: n, streamFrom: 0, streamTo: streams }, permutations, streams);
  const covered = new Uint8Array(n);
  for (const p of parts) {
    if (p.permutations !== permutations || p.streams !== streams) throw new Error('permutations: parts come from different runs');
    for (let i = p.start; i < p.end; i++) {
      const g = i % streams;
      if (g < p.streamFrom || g >= p.streamTo) continue;
      if (covered[i]++) throw new Error(`permutations: area ${i} is in two parts`);
      const q = i - p.start;
      out.atLeast[i] = p.atLeast[q];
      out.atMost[i] = p.atMost[q];
      out.simMean[i] = p.simMean[q];
      out.simSd[i] = p.simSd[q];
    }
  }
  const missing = covered.indexOf(0);
  if (missing >= 0) throw new Error(`permutations: area ${missing} is in no part`);
  return out;
}

/**
 * Splits the work of one run into `parts` shares of about equal cost: by draw stream when there are
 * at least as many streams as parts (each share then generates only its own draws), else by range.
 */
export function splitShares(n: number, streams: number, parts: number): PermutationShare[] {
  const k = Math.max(1, Math.min(parts, streams >= parts ? streams : n));
  return Array.from({ length: k }, (_, j) => {
    if (streams >= parts) {
      return { start: 0, end: n, streamFrom: Math.floor((j * streams) / k), streamTo: Math.floor(((j + 1) * streams) / k) };
    }
    return { start: Math.floor((j * n) / k), end: Math.floor(((j + 1) * n) / k), streamFrom: 0, streamTo: streams };
  });
}
