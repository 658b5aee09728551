/**
 * Independent check of the evaluation core against R (MatchIt 4.5, sandwich, lmtest) on the same
 * data: England's 296 local authorities (2024) with their real IMD 2025 average and income scores
 * (MHCLG's summary file in the raw data), and an outcome simulated here with a known effect.
 *
 * - Two-way fixed effects: coefficient and clustered SE against `lm(y ~ tp + factor(area) +
 *   factor(period), weights = w)` with `vcovCL(cluster = ~area, type = "HC1")` (our `seLm`) and with
 *   the area effects left out of k (our headline SE: R's HC0 × G/(G − 1) × (n − 1)/(n − k_nested));
 *   intervals with t on G − 1 df. Balanced, weighted-unbalanced-with-a-gap and two-period panels.
 * - 2×2 on window means: equals the two-period regression's coefficient; SE against
 *   `lm(change ~ treated, weights = w)` with `vcovHC(type = "HC1")`.
 * - Event study: every coefficient and SE, and the pre-trend Wald F and p (R: pf).
 * - Matching: matched sets and weights against `matchit(method = "nearest")` with
 *   `distance = "scaled_euclidean"` or `"mahalanobis"`, per-covariate calipers (std.caliper), with
 *   and without replacement, 1:1 to 3:1, exact matching on a region; balance against `summary()`.
 * Relative tolerance 1e-9 for regressions (exact arithmetic up to summation order), 1e-10 for
 * balance and distributions.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceRow } from '../../src/analysis/evaluation/balance';
import { fUpperTail, studentTQuantile } from '../../src/analysis/evaluation/distributions';
import { nearestNeighbourMatch, type MatchSettings } from '../../src/analysis/evaluation/nearest-neighbour';
import type { Panel } from '../../src/analysis/evaluation/panel';
import { eventStudy, twfeDid, type RegressionSetup } from '../../src/analysis/evaluation/panel-regressions';
import { normalSource } from '../../src/analysis/evaluation/simulated-panel';
import { windowDid, windowMeans } from '../../src/analysis/evaluation/window-did';
import { createPrng } from '../../src/analysis/stats/prng';
import { num, rawRows } from '../support/raw-csv';
import { OUTPUT } from './england-data';
import { runRscript } from './r-session';

const dir = join(OUTPUT, 'evaluation');
const SCRIPT = join(import.meta.dirname, 'evaluation-parity.R');
const REL = 1e-9;

const las = rawRows('imd/imd2025_lad24_summary_humaniverse.csv').map((r) => ({ code: r.ltla24_code, imd: num(r.imd_average_score), income: num(r.income_average_score) }))
  .sort((a, b) => a.code.localeCompare(b.code));
const nA = las.length;
const imd = Float64Array.from(las, (l) => l.imd);
const income = Float64Array.from(las, (l) => l.income);
/** LA type from the code (unitary, district, metropolitan, London borough): a real 4-level "region". */
const region = las.map((l) => l.code.slice(0, 3));

const csv = (rows: (string | number)[][]) => rows.map((r) => r.map((v) => (typeof v === 'number' ? (Number.isFinite(v) ? v.toPrecision(17) : 'NA') : v)).join(',')).join('\n') + '\n';
const readCsv = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join(dir, name), 'utf8'), { header: true, skipEmptyLines: true }).data;
const rStats = (name: string) => Object.fromEntries(readCsv(`${name}-r.csv`).map((r) => [r.stat, Number(r.value)]));
/** Largest relative difference seen per tolerance class, printed at the end (quoted in the report). */
const worst = new Map<number, number>();
const close = (ours: number, r: number, rel = REL) => {
  const d = Math.abs(ours - r) / Math.max(1, Math.abs(r));
  worst.set(rel, Math.max(worst.get(rel) ?? 0, d));
  expect(d).toBeLessThanOrEqual(rel);
};

// ---- the panels -------------------------------------------------------------------------------
interface DidCase { name: string; periods: number; pre: number[]; post: number[]; missing: number; weighted: boolean }
const DID_CASES: DidCase[] = [
  { name: 'did-balanced', periods: 8, pre: [0, 1, 2, 3], post: [4, 5, 6, 7], missing: 0, weighted: false },
  { name: 'did-weighted-gap', periods: 8, pre: [0, 1, 2], post: [4, 5, 6, 7], missing: 0.1, weighted: true },
  { name: 'did-two-periods', periods: 2, pre: [0], post: [1], missing: 0, weighted: false },
];

function simulate(c: DidCase, seed: number): RegressionSetup {
  const rng = createPrng(seed);
  const z = normalSource(rng);
  const periods = Array.from({ length: c.periods }, (_, p) => `P${p}`);
  const treated = Uint8Array.from(imd, (x) => (x + 8 * z() > 30 ? 1 : 0));
  const value = new Float64Array(nA * c.periods);
  for (let a = 0; a < nA; a++) {
    const sd = 1 + 3 * rng.nextUint32() / 2 ** 32;
    for (let p = 0; p < c.periods; p++) {
      value[a * c.periods + p] = 40 + 0.8 * imd[a] + 1.5 * p + (treated[a] && c.post.includes(p) ? 3 : 0) + sd * z();
      // never both values of an area's window go missing: keep the first of each window
      if (c.missing && p !== c.pre[0] && p !== c.post[0] && rng.nextUint32() / 2 ** 32 < c.missing) value[a * c.periods + p] = NaN;
    }
  }
  const panel: Panel = { areas: las.map((l) => l.code), periods, value, numerator: null, denominator: null, multiplier: null };
  let weight: Float64Array = new Float64Array(nA).fill(1);
  const group = Int8Array.from(treated, (t) => (t ? 1 : 2));
  if (c.weighted) {
    // matching weights with replacement, 2:1: comparison areas used 1 to several times
    const m = nearestNeighbourMatch({ nAreas: nA, treated, eligible: new Uint8Array(nA).fill(1), covariates: [imd, income], exact: null }, { distance: 'scaled-euclidean', ratio: 2, replace: true, caliper: null });
    weight = m.weights;
    for (let a = 0; a < nA; a++) if (!(weight[a] > 0)) group[a] = 0;
  }
  const span = Array.from({ length: c.post[c.post.length - 1] - c.pre[0] + 1 }, (_, i) => c.pre[0] + i);
  return { panel, group, weight, windows: { pre: c.pre, post: c.post, between: span.filter((p) => !c.pre.includes(p) && !c.post.includes(p)), span, reference: c.pre[c.pre.length - 1] } };
}

// ---- the matchings ----------------------------------------------------------------------------
interface MatchCase { name: string; settings: MatchSettings; exact: boolean }
const MATCH_CASES: MatchCase[] = [
  { name: 'match-scaled-caliper', settings: { distance: 'scaled-euclidean', ratio: 1, replace: false, caliper: 0.25 }, exact: false },
  { name: 'match-mahalanobis-replace', settings: { distance: 'mahalanobis', ratio: 2, replace: true, caliper: null }, exact: false },
  { name: 'match-exact-3to1', settings: { distance: 'scaled-euclidean', ratio: 3, replace: false, caliper: 0.5 }, exact: true },
];
const z = normalSource(createPrng(77));
const baseline = Float64Array.from(imd, (x) => 30 + 0.9 * x + 4 * z());
const matchTreated = Uint8Array.from(imd, (x) => (x + 6 * z() > 32 ? 1 : 0));
const regionCodes = Int32Array.from(region, (r) => ['E06', 'E07', 'E08', 'E09'].indexOf(r));

let setups: Map<string, RegressionSetup>;

beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  setups = new Map(DID_CASES.map((c, i) => [c.name, simulate(c, 100 + i)]));
  const cases: (string | number)[][] = [['name', 'kind', 'pre', 'post', 'covs', 'distance', 'replace', 'ratio', 'caliper', 'exact']];
  for (const c of DID_CASES) {
    const s = setups.get(c.name)!;
    const rows: (string | number)[][] = [['area', 'period', 'y', 'treated', 'w']];
    const nP = c.periods;
    for (let a = 0; a < nA; a++) {
      if (s.group[a] !== 1 && s.group[a] !== 2) continue;
      for (const p of s.windows.span) if (Number.isFinite(s.panel.value[a * nP + p])) rows.push([las[a].code, p, s.panel.value[a * nP + p], s.group[a] === 1 ? 1 : 0, s.weight[a]]);
    }
    writeFileSync(join(dir, `${c.name}.csv`), csv(rows));
    cases.push([c.name, 'did', c.pre.join(' '), c.post.join(' '), '', '', '', '', '', '']);
  }
  for (const c of MATCH_CASES) {
    const rows: (string | number)[][] = [['area', 'treated', 'baseline', 'imd', 'income', 'region']];
    for (let a = 0; a < nA; a++) rows.push([las[a].code, matchTreated[a], baseline[a], imd[a], income[a], region[a]]);
    writeFileSync(join(dir, `${c.name}.csv`), csv(rows));
    const distance = c.settings.distance === 'mahalanobis' ? 'mahalanobis' : 'scaled_euclidean';
    cases.push([c.name, 'match', '', '', 'baseline imd income', distance, c.settings.replace ? 'TRUE' : 'FALSE', c.settings.ratio, c.settings.caliper ?? '', c.exact ? 'TRUE' : 'FALSE']);
  }
  writeFileSync(join(dir, 'cases.csv'), csv(cases));
  runRscript(SCRIPT, [dir]);
});

afterAll(() => {
  for (const [tol, d] of worst) console.log(`largest relative difference from R, tolerance ${tol}: ${d.toExponential(2)}`);
});

describe('difference-in-differences against lm + sandwich', () => {
  for (const c of DID_CASES) {
    it(`${c.name}: two-way FE coefficient, clustered SEs (HC1 as vcovCL, and nested) and interval`, () => {
      const s = setups.get(c.name)!;
      const r = rStats(c.name);
      const ours = twfeDid(s);
      close(ours.estimate, r.coef);
      close(ours.seLm, r.se_lm);
      close(ours.seLm, r.coeftest_se);
      close(ours.se, r.se);
      close(ours.lower, r.lower);
      close(ours.upper, r.upper);
      expect([ours.nObs, ours.k, ours.nClusters]).toEqual([r.n, r.k, r.G]);
    });

    it(`${c.name}: 2×2 on window means equals the two-period regression; its SE is the change-on-group HC1`, () => {
      const s = setups.get(c.name)!;
      const r = rStats(c.name);
      const did = windowDid(windowMeans(s.panel, s.windows), s.group, s.weight);
      close(did.estimate, r.did2_twoperiod);
      close(did.estimate, r.did2_coef);
      close(did.se, r.did2_se);
      close(did.lower, r.did2_lower);
      close(did.upper, r.did2_upper);
    });

    it(`${c.name}: event-study coefficients, SEs and the pre-trend test`, () => {
      const s = setups.get(c.name)!;
      const es = eventStudy(s);
      const rows = readCsv(`${c.name}-r-es.csv`);
      for (const row of rows) {
        const e = es.effects.find((x) => x.period === `P${row.period}`)!;
        close(e.estimate, Number(row.coef));
        close(e.se, Number(row.se));
      }
      expect(rows.length).toBe(es.effects.length - 1);
      const r = rStats(c.name);
      if (c.pre.length > 1) {
        close(es.preTrend!.f, r.pretrend_f);
        close(es.preTrend!.p, r.pretrend_p);
      } else expect(es.preTrend).toBeNull();
    });
  }
});

describe('matching and balance against MatchIt', () => {
  for (const c of MATCH_CASES) {
    it(`${c.name}: the same matched sets and weights`, () => {
      const m = nearestNeighbourMatch({ nAreas: nA, treated: matchTreated, eligible: new Uint8Array(nA).fill(1), covariates: [baseline, imd, income], exact: c.exact ? regionCodes : null }, c.settings);
      const rPairs = new Map(readCsv(`${c.name}-r-pairs.csv`).map((r) => [r.treated, (r.matched ?? '').split(' ').filter(Boolean)]));
      expect(rPairs.size).toBe(m.treated.length);
      m.treated.forEach((t, i) => expect(Array.from(m.matches[i], (a) => las[a].code)).toEqual(rPairs.get(las[t].code)));
      const rw = new Map(readCsv(`${c.name}-r-weights.csv`).map((r) => [r.area, Number(r.weight)]));
      las.forEach((l, a) => close(m.weights[a], rw.get(l.code)!, 1e-12));
      const matched = m.matches.filter((x) => x.length).length;
      console.log(`${c.name}: ${m.treated.length} intervention areas, ${matched} matched, ${m.weights.filter((w, a) => w > 0 && !matchTreated[a]).length} comparison areas`);
      expect(matched).toBeGreaterThan(0);
    });

    it(`${c.name}: balance (means, standardised mean differences, variance ratios) as summary() gives them`, () => {
      const m = nearestNeighbourMatch({ nAreas: nA, treated: matchTreated, eligible: new Uint8Array(nA).fill(1), covariates: [baseline, imd, income], exact: c.exact ? regionCodes : null }, c.settings);
      const all = Array.from({ length: nA }, (_, a) => a);
      const rows = readCsv(`${c.name}-r-balance.csv`);
      for (const [id, x] of [['baseline', baseline], ['imd', imd], ['income', income]] as const) {
        const ours = balanceRow(id, id, x, matchTreated, all, m.weights);
        for (const when of ['before', 'after'] as const) {
          const r = rows.find((row) => row.covariate === id && row.when === when)!;
          close(ours[when].treatedMean, Number(r.treated_mean), 1e-10);
          close(ours[when].comparisonMean, Number(r.comparison_mean), 1e-10);
          close(ours[when].smd, Number(r.smd), 1e-10);
          close(ours[when].varianceRatio, Number(r.variance_ratio), 1e-10);
        }
      }
    });
  }
});

describe('t and F distributions against R', () => {
  it('qt and pf agree to 1e-10', () => {
    for (const r of readCsv('distributions-r.csv')) {
      const [p, df] = [Number(r.p), Number(r.df)];
      close(studentTQuantile(p, df), Number(r.qt), 1e-10);
      close(fUpperTail(Number(r.qt) ** 2 + 0.5, 3, df), Number(r.pf), 1e-10);
    }
  });
});
