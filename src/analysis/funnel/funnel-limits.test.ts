import { describe, expect, it } from 'vitest';
import { binomialCdf, binomialQuantile } from './binomial';
import { funnelLimit, funnelLimits, funnelPositions } from './funnel-limits';

describe('funnel limits (R parity is in test/parity/funnel-limits-parity.test.ts)', () => {
  it('narrow around the target as the denominator grows, 99.8 % outside 95 %', () => {
    const ns = [50, 500, 5000, 50000];
    const l = funnelLimits(ns, 0.05);
    for (let i = 0; i < ns.length; i++) {
      expect(l.lower998[i]).toBeLessThanOrEqual(l.lower95[i]);
      expect(l.lower95[i]).toBeLessThan(0.05);
      expect(l.upper95[i]).toBeGreaterThan(0.05);
      expect(l.upper998[i]).toBeGreaterThanOrEqual(l.upper95[i]);
      if (i) expect(l.upper95[i] - l.lower95[i]).toBeLessThan(l.upper95[i - 1] - l.lower95[i - 1]);
    }
  });

  it('agrees with the quantile definition: P(X ≤ r − 1) < q ≤ P(X ≤ r)', () => {
    for (const [q, n, p] of [[0.025, 1000, 0.0349], [0.999, 250, 0.2], [0.001, 40000, 0.01]] as const) {
      const r = binomialQuantile(q, n, p);
      expect(binomialCdf(r, n, p)).toBeGreaterThanOrEqual(q * (1 - 1e-12));
      expect(binomialCdf(r - 1, n, p)).toBeLessThan(q);
    }
  });

  it('gives no limit and no position without a denominator', () => {
    expect(funnelLimit(0.975, 0, 0.1)).toBeNaN();
    expect(funnelPositions([3], [0], 0.1)[0]).toBeNaN();
  });
});
