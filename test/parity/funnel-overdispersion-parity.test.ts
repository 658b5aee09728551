/**
 * Overdispersion-adjusted funnel limits (Spiegelhalter 2005 additive random effects with winsorised
 * z-scores, src/analysis/funnel/overdispersion.ts) against the same formulas written independently in
 * R (funnel-overdispersion.R), on every practice's QOF 2022-23 COPD and cancer registers read from the
 * raw prevalence file, and on a set with no more spread than chance (τ² = 0).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { funnelPositions } from '../../src/analysis/funnel/funnel-limits';
import { adjustedLimits, adjustedPositions, overdispersion } from '../../src/analysis/funnel/overdispersion';
import { num, rawRows } from '../support/raw-csv';
import { runRscript } from './r-session';

const prevalence = rawRows('cancer/qof_2022_23_prevalence_all_registers_by_gp_practice_england.csv.gz');

function inR(k: number[], n: number[], theta: number) {
  const dir = mkdtempSync(join(tmpdir(), 'funnel-od-'));
  writeFileSync(join(dir, 'units.csv'), ['k,n', ...k.map((x, i) => `${x},${n[i]}`)].join('\n') + '\n');
  writeFileSync(join(dir, 'theta.txt'), `${theta.toPrecision(17)}\n`);
  runRscript(join(import.meta.dirname, 'funnel-overdispersion.R'), [dir]);
  const [phi, tau2] = readFileSync(join(dir, 'r-od.csv'), 'utf8').trim().split('\n')[1].split(',').map(Number);
  const units = readFileSync(join(dir, 'r-od-units.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  return { phi, tau2, units };
}

describe('overdispersion-adjusted funnel limits against R', () => {
  for (const group of ['COPD', 'CAN']) {
    it(`${group} register: φ, τ², every practice's limits and position match R; fewer practices lie outside the adjusted 99.8 % limits`, () => {
      // register within its list (R and we both drop empty lists; a register above its list has no share)
      const rows = prevalence.filter((r) => r.GROUP_CODE === group && num(r.PRACTICE_LIST_SIZE) > 0 && num(r.REGISTER) <= num(r.PRACTICE_LIST_SIZE));
      const k = rows.map((r) => num(r.REGISTER));
      const n = rows.map((r) => num(r.PRACTICE_LIST_SIZE));
      const theta = k.reduce((s, x) => s + x, 0) / n.reduce((s, x) => s + x, 0);
      const r = inR(k, n, theta);
      const ours = overdispersion(k, n, theta);
      expect(ours.units).toBe(rows.length);
      expect(Math.abs(ours.phi / r.phi - 1)).toBeLessThan(1e-12);
      expect(Math.abs(ours.tau2 / r.tau2 - 1)).toBeLessThan(1e-9);
      expect(ours.phi).toBeGreaterThan(1); // practices differ far more than chance
      const lim = adjustedLimits(n, theta, ours.tau2);
      const pos = adjustedPositions(k, n, theta, ours.tau2);
      expect(r.units).toHaveLength(rows.length);
      r.units.forEach(([lo95, hi95, lo998, hi998, p], i) => {
        expect(Math.abs(lim.lower95[i] - lo95)).toBeLessThan(1e-12);
        expect(Math.abs(lim.upper95[i] - hi95)).toBeLessThan(1e-12);
        expect(Math.abs(lim.lower998[i] - lo998)).toBeLessThan(1e-12);
        expect(Math.abs(lim.upper998[i] - hi998)).toBeLessThan(1e-12);
        expect(pos[i], rows[i].PRACTICE_CODE).toBe(p);
      });
      const outside = (xs: ArrayLike<number>) => Array.from(xs).filter((x) => Math.abs(x) === 2).length;
      expect(outside(pos)).toBe(r.units.filter((u) => Math.abs(u[4]) === 2).length);
      expect(outside(pos)).toBeLessThan(outside(funnelPositions(k, n, theta)));
    });
  }

  it('finds no between-practice variance when every practice sits at the England value (τ² = 0, as in R)', () => {
    const n = Array.from({ length: 200 }, (_, i) => 1000 + 50 * i);
    const k = n.map((x) => 0.02 * x);
    const r = inR(k, n, 0.02);
    const ours = overdispersion(k, n, 0.02);
    expect(r.tau2).toBe(0);
    expect(ours.tau2).toBe(0);
    expect(ours.phi).toBe(r.phi);
  });
});
