import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/analysis/stats/prng';
import { comparePseudoP } from './p-value-agreement';

// The agreement test itself, on simulated pseudo p-values: it must accept two runs from the same
// null and reject runs whose nulls differ. (No R needed.)
const P = 999;
const m = 4000;
const prng = createPrng(8);
const uniform = () => prng.nextUint32() / 2 ** 32;

function pseudoP(trueP: Float64Array): Float64Array {
  return Float64Array.from(trueP, (p) => {
    let c = 0;
    for (let r = 0; r < P; r++) if (uniform() < p) c++;
    return (Math.min(c, P - c) + 1) / (P + 1);
  });
}

describe('comparePseudoP', () => {
  const truth = Float64Array.from({ length: m }, (_, i) => (i % 10 === 0 ? 0.002 : ((i * 0.37) % 1) * 0.5));
  const groups = Int32Array.from({ length: m }, (_, i) => i % 50);

  it('accepts two independent runs from the same null', () => {
    const a = comparePseudoP(pseudoP(truth), pseudoP(truth), P, groups);
    expect(a.maxAbsD).toBeLessThan(a.threshold);
    expect(Math.abs(a.meanD)).toBeLessThan(a.meanBound);
    expect(a.over196).toBeLessThan(0.08);
  });

  it('rejects a null that is off for a few areas, and one that is shifted for all', () => {
    const shifted = Float64Array.from(truth, (p, i) => (i < 5 ? Math.min(0.5, p * 6 + 0.05) : p));
    expect(comparePseudoP(pseudoP(truth), pseudoP(shifted), P, groups).maxAbsD).toBeGreaterThan(5.6);
    const biased = Float64Array.from(truth, (p) => Math.min(0.5, p * 1.15));
    const b = comparePseudoP(pseudoP(truth), pseudoP(biased), P, groups);
    expect(Math.abs(b.meanD)).toBeGreaterThan(b.meanBound);
  });
});
