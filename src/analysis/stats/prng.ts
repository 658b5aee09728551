/**
 * The seeded random numbers behind every permutation test: xoshiro128** (Blackman & Vigna), seeded
 * through splitmix32. Only 32-bit integer arithmetic (Math.imul, shifts), so a seed gives the same
 * stream in node, in any browser and in a Web Worker, on every machine. Nothing in src/analysis may
 * use Math.random or the clock.
 */

export interface Prng {
  /** Uniform on 0 .. 2³² − 1. */
  nextUint32(): number;
  /** Uniform on 0 .. m − 1, without modulo bias (1 ≤ m ≤ 2³²). */
  nextBelow(m: number): number;
}

const TWO_32 = 4294967296;

/** Seeds are whole numbers 0 .. 2³² − 1, so they survive URLs, CSV and JSON unchanged. */
export function assertSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_32) throw new Error(`seed must be a whole number from 0 to 4294967295 (got ${seed})`);
}

/**
 * A generator for (seed, stream): different streams of one seed are independent sequences, so parts
 * of a computation can each have their own without any of them depending on the others' order.
 */
export function createPrng(seed: number, stream = 0): Prng {
  assertSeed(seed);
  if (!Number.isInteger(stream) || stream < 0 || stream >= TWO_32) throw new Error(`stream must be a whole number from 0 to 4294967295 (got ${stream})`);
  const mixer = (start: number) => {
    let sm = start | 0;
    return () => {
      sm = (sm + 0x9e3779b9) | 0;
      let z = sm;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
  };
  const a = mixer(seed);
  // The stream goes through its own mixer with a different start, so (seed, stream) pairs do not alias.
  const b = mixer(Math.imul(stream, 0x27d4eb2d) ^ 0x165667b1);
  const state = [a() ^ (stream && b()), a() ^ (stream && b()), a() ^ (stream && b()), a() ^ (stream && b())];
  // The all-zero state is the one xoshiro cannot leave.
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return xoshiro128ss(state[0], state[1], state[2], state[3]);
}

/** The generator from a raw 128-bit state (exposed so it can be checked against the reference). */
export function xoshiro128ss(a: number, b: number, c: number, d: number): Prng {
  let s0 = a | 0;
  let s1 = b | 0;
  let s2 = c | 0;
  let s3 = d | 0;
  const nextUint32 = () => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  const nextBelow = (m: number) => {
    if (!Number.isInteger(m) || m < 1 || m > TWO_32) throw new Error(`nextBelow: bound must be a whole number from 1 to 2^32 (got ${m})`);
    // Reject the top partial block of 2³² so every residue is equally likely.
    const limit = TWO_32 - (TWO_32 % m);
    for (;;) {
      const r = nextUint32();
      if (r < limit) return r % m;
    }
  };
  return { nextUint32, nextBelow };
}
