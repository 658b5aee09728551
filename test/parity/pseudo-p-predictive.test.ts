import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/analysis/stats/prng';
import { comparePseudoP } from './p-value-agreement';
import { foldedBetaBinomial, lnGamma, predictiveAgreement } from './pseudo-p-predictive';

// The predictive check itself, on simulated pseudo p-values for England's 33,755 areas: it must accept
// runs from the same null, and reject a few hundred areas whose null is off by an amount the
// equal-permutation check (comparePseudoP) lets through. (No R needed.)
const m = 33_755;
const PO = 99_999;
const PS = 999;
const prng = createPrng(11);
const uniform = () => (prng.nextUint32() + 0.5) / 2 ** 32;
const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());

/** Binomial draws: exact for small n or small means, normal beyond (only the simulation's large-P side). */
function binomial(n: number, p: number): number {
  if (n <= 1000) {
    let c = 0;
    for (let i = 0; i < n; i++) if (uniform() < p) c++;
    return c;
  }
  if (n * p < 30) {
    let c = 0;
    for (let t = uniform(), floor = Math.exp(-n * p); t > floor; t *= uniform()) c++;
    return c;
  }
  return Math.max(0, Math.min(n, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal())));
}

const folded = (n: number, r: number) => {
  const y = binomial(n, r);
  return (Math.min(y, n - y) + 1) / (n + 1);
};

// True folded tail probabilities as hotspot maps give them: a quarter of areas far in a tail, the rest spread to ½.
const truth = Float64Array.from({ length: m }, (_, i) => (i % 4 === 0 ? 10 ** (-8 + 5 * uniform()) : 0.001 + 0.499 * uniform()));
const groups = Int32Array.from({ length: m }, (_, i) => i % 16);
const ours = Float64Array.from(truth, (r) => folded(PO, r));
const spdep = Float64Array.from(truth, (r) => folded(PS, r));

describe('predictiveAgreement', () => {
  it('lnGamma and the folded beta-binomial are right where they can be checked exactly', () => {
    expect(lnGamma(10)).toBeCloseTo(Math.log(362_880), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    const pmf = foldedBetaBinomial(PS, 50.5, 49_950.5);
    expect(pmf.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
    // Beta(1, 1) predictive of a binomial is uniform on 0..n: folded, 2/(n + 1) per count.
    for (const p of foldedBetaBinomial(9, 1, 1)) expect(p).toBeCloseTo(0.2, 12);
  });

  it('accepts two runs from the same null', () => {
    const a = predictiveAgreement(ours, PO, spdep, PS, groups);
    expect(a.areas).toBe(m);
    expect(a.aggregated).toBeGreaterThan(0.7 * m);
    expect(a.minTail).toBeGreaterThanOrEqual(a.tailFloor);
    expect(Math.abs(a.sumE)).toBeLessThanOrEqual(a.sumEBound);
    expect(Math.abs(a.excessE2)).toBeLessThanOrEqual(a.excessE2Bound);
  });

  it('rejects 300 areas whose null is off by 2.8 of spdep\'s standard deviations, which the equal-permutation check lets through', () => {
    const wrong = new Set<number>();
    for (let i = 1; i < m && wrong.size < 300; i += 29) if (truth[i] > 0.01 && truth[i] < 0.4) wrong.add(i);
    expect(wrong.size).toBe(300);
    // Two standard errors of the equal-permutation difference d on the arcsine-root scale, √2 × 2 of spdep's own.
    const shift = 2 / Math.sqrt(2 * PS);
    const r = (i: number) => (wrong.has(i) ? Math.sin(Math.asin(Math.sqrt(truth[i])) + shift) ** 2 : truth[i]);
    const bad = Float64Array.from(truth, (_, i) => folded(PS, r(i)));
    const a = predictiveAgreement(ours, PO, bad, PS, groups);
    expect(a.excessE2).toBeGreaterThan(a.excessE2Bound);
    // The same areas at 999 permutations on both sides pass the older per-area and mean checks.
    const ours999 = Float64Array.from(truth, (t) => folded(PS, t));
    const old = comparePseudoP(ours999, bad, PS, groups);
    expect(old.maxAbsD).toBeLessThanOrEqual(old.threshold);
    expect(Math.abs(old.meanD)).toBeLessThanOrEqual(old.meanBound);
  });

  it('names a single area whose p-value cannot come from the same null', () => {
    const one = Float64Array.from(spdep);
    const i = truth.findIndex((t) => t > 0.2);
    one[i] = 0.004;
    const a = predictiveAgreement(ours, PO, one, PS, groups);
    expect(a.worst).toBe(i);
    expect(a.minTail).toBeLessThan(a.tailFloor);
  });
});
