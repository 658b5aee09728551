import { describe, expect, it } from 'vitest';
import { foldedPseudoP, minimumPseudoP, permutationTail } from './pseudo-p';

describe('foldedPseudoP', () => {
  it('takes the smaller tail count, plus one, over P + 1', () => {
    // P = 99: 3 permutations ≥ observed (upper tail) → (3 + 1)/100; 97 ≥ and 4 ≤ → (4 + 1)/100.
    const p = foldedPseudoP(Int32Array.from([3, 97, 0, 99, -1]), Int32Array.from([96, 4, 99, 99, -1]), 99);
    expect(Array.from(p.subarray(0, 4))).toEqual([0.04, 0.05, 0.01, 1]);
    expect(Number.isNaN(p[4])).toBe(true);
  });

  it('never goes below 1/(P + 1)', () => {
    expect(minimumPseudoP(999)).toBe(0.001);
    expect(foldedPseudoP(Int32Array.from([0]), Int32Array.from([999]), 999)[0]).toBe(minimumPseudoP(999));
  });

  it('says which tail the observed value is in', () => {
    expect(permutationTail(3, 96)).toBe(1);
    expect(permutationTail(96, 3)).toBe(-1);
    expect(permutationTail(50, 50)).toBe(0);
    expect(permutationTail(-1, -1)).toBe(0);
  });
});
