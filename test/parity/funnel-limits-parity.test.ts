/**
 * Funnel-plot limits (src/analysis/funnel) against R's qbinom/pbinom: the 95 % and 99.8 % limits for
 * practice-sized denominators (10 to 120,000 patients) around prevalences from rare registers (0.3 %)
 * to common ones (30 %), including the QOF cancer register's England value.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { binomialQuantile } from '../../src/analysis/funnel/binomial';
import { funnelLimit, funnelPositions } from '../../src/analysis/funnel/funnel-limits';
import { runRscript } from './r-session';

const QS = [0.001, 0.025, 0.975, 0.999];
const NS = [10, 37, 100, 512, 1000, 2500, 4321, 8000, 15000, 33333, 60000, 120000];
const THETAS = [0.003, 0.0349, 0.07, 0.15, 0.3];
const cases = QS.flatMap((q) => NS.flatMap((n) => THETAS.map((theta) => ({ q, n, theta }))));
let r: { limit: number; r: number }[];

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'funnel-'));
  writeFileSync(join(dir, 'cases.csv'), ['q,n,theta', ...cases.map((c) => `${c.q},${c.n},${c.theta}`)].join('\n') + '\n');
  runRscript(join(import.meta.dirname, 'funnel-limits.R'), [dir]);
  r = readFileSync(join(dir, 'r-limits.csv'), 'utf8').trim().split('\n').slice(1).map((l) => {
    const [limit, k] = l.split(',').map(Number);
    return { limit, r: k };
  });
}, 120_000);

describe('funnel limits against R (exact binomial, interpolated)', () => {
  it(`matches qbinom for all ${cases.length} cases`, () => {
    expect(r).toHaveLength(cases.length);
    cases.forEach((c, i) => expect(binomialQuantile(c.q, c.n, c.theta), JSON.stringify(c)).toBe(r[i].r));
  });

  it('matches the interpolated limits to 1e-9 (as proportions)', () => {
    let worst = 0;
    cases.forEach((c, i) => {
      const d = Math.abs(funnelLimit(c.q, c.n, c.theta) - r[i].limit);
      worst = Math.max(worst, d);
      expect(d, JSON.stringify(c)).toBeLessThan(1e-9);
    });
    console.log(`funnel limits: worst difference from R ${worst.toExponential(2)} over ${cases.length} cases`);
  });

  it('places units by those limits: above 99.8 %, above 95 %, within, below', () => {
    const theta = 0.0349;
    const n = 8000;
    const at = (q: number) => r[cases.findIndex((c) => c.q === q && c.n === n && c.theta === theta)].limit * n;
    const nums = [at(0.999) + 1, (at(0.975) + at(0.999)) / 2, theta * n, (at(0.001) + at(0.025)) / 2, at(0.001) - 1];
    expect([...funnelPositions(nums, nums.map(() => n), theta)]).toEqual([2, 1, 0, -1, -2]);
  });
});
