import { describe, expect, it } from 'vitest';
import { fUpperTail, incompleteBeta, logGamma, studentTCdf, studentTQuantile, twoSidedP } from './distributions';

// Closed forms only here; general values are checked against R (test/parity/evaluation-parity.test.ts).
describe('distributions', () => {
  it('log-gamma matches factorials and Γ(½) = √π', () => {
    for (let n = 1; n <= 20; n++) {
      let f = 1;
      for (let k = 2; k < n; k++) f *= k;
      expect(logGamma(n)).toBeCloseTo(Math.log(f), 10);
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });

  it('incomplete beta: I_x(1, 1) = x, I_x(a, 1) = xᵃ, and the symmetry I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    for (const x of [0.01, 0.3, 0.5, 0.77, 0.99]) {
      expect(incompleteBeta(x, 1, 1)).toBeCloseTo(x, 13);
      expect(incompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 12);
      expect(incompleteBeta(x, 2.3, 7.1) + incompleteBeta(1 - x, 7.1, 2.3)).toBeCloseTo(1, 12);
    }
  });

  it('t with 1 df is Cauchy and with 2 df has a closed-form quantile', () => {
    for (const p of [0.025, 0.1, 0.5, 0.8, 0.975, 0.999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 10);
    }
    for (const t of [-5, -1, 0, 0.3, 2, 40]) expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12);
  });

  it('quantile inverts the CDF, and tails are symmetric', () => {
    for (const df of [3, 9.5, 29, 1000]) {
      for (const p of [0.005, 0.025, 0.3, 0.975]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 12);
      expect(studentTCdf(-1.7, df) + studentTCdf(1.7, df)).toBeCloseTo(1, 13);
    }
  });

  it('F(1, d) upper tail is the two-sided t p-value of √F', () => {
    for (const d of [4, 19, 200]) for (const f of [0.2, 1, 3.8, 12]) expect(fUpperTail(f, 1, d)).toBeCloseTo(twoSidedP(Math.sqrt(f), d), 12);
    // F(2, d) has the closed form (1 + 2f/d)^(−d/2)
    for (const d of [5, 30]) for (const f of [0.5, 2, 7]) expect(fUpperTail(f, 2, d)).toBeCloseTo((1 + (2 * f) / d) ** (-d / 2), 12);
  });
});
