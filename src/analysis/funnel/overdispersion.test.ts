import { describe, expect, it } from 'vitest';
import { adjustedLimits, adjustedPositions, overdispersion } from './overdispersion';

describe('overdispersion (Spiegelhalter additive random effects)', () => {
  it('winsorises: one wild unit among ten moves φ only as far as the 90th-percentile unit', () => {
    const n = Array.from({ length: 10 }, () => 10_000);
    const base = [100, 101, 99, 100, 102, 98, 100, 101, 99];
    const tame = overdispersion([...base, 103], n, 0.01);
    const wild = overdispersion([...base, 5000], n, 0.01);
    expect(wild.phi).toBeCloseTo(overdispersion([...base, 102], n, 0.01).phi, 12);
    expect(tame.units).toBe(10);
    expect(wild.tau2).toBe(0); // after winsorising, no more spread than chance
  });

  it('widens the limits by τ² and so moves a unit back inside; τ² = 0 gives the plain normal limits', () => {
    const plain = adjustedLimits([1000], 0.1, 0);
    expect(plain.upper95[0]).toBeCloseTo(0.1 + 1.959963984540054 * Math.sqrt(0.09 / 1000), 12);
    const wide = adjustedLimits([1000], 0.1, 0.001);
    expect(wide.upper998[0]).toBeGreaterThan(plain.upper998[0]);
    expect([...adjustedPositions([200], [1000], 0.1, 0)]).toEqual([2]);
    expect([...adjustedPositions([200], [1000], 0.1, 0.01)]).toEqual([0]);
    expect(Number.isNaN(adjustedPositions([1], [0], 0.1, 0)[0])).toBe(true);
  });
});
