/**
 * Independent check of the hotspot statistics against R spdep on all 33,755 England LSOAs (2021),
 * with identical weights: we write queen contiguity as GeoDa GAL, R reads the same file (read.gal).
 *
 * - Analytical values must agree to 1e-9 (absolute): local Moran Ii, E[Ii], Var[Ii], Z (spdep
 *   localmoran defaults), Gi* z (localG with include.self) and Gi z (localG), row-standardised and
 *   binary; and the statistics behind the permutation runs (Ii, G*, bivariate Ibv).
 * - Permutation pseudo p-values (999 permutations, folded: spdep's "Pr(folded) Sim") come from
 *   different random draws, so they must agree statistically: per area, the arcsine-root difference
 *   is ≈ N(0, 1), and every area must pass a Bonferroni-corrected two-sided test at family-wise
 *   α = 0.001 (|d| ≤ 5.53 for 33,755 areas); the mean difference must be within 5 standard errors of
 *   0 under a bound that allows for our shared draws. See p-value-agreement.ts.
 * - Tighter, so that a few hundred wrong areas fail: ours again with 99,999 permutations, which pins
 *   each area's tail probability down, against spdep's 999 through the exact predictive distribution
 *   of spdep's count per area (an exact per-area tail test, and the sum of squared standardised
 *   residuals in aggregate). See pseudo-p-predictive.ts.
 * - FDR: R's p.adjust(p, "BH") on our own 999-permutation p-values must give our adjusted values
 *   (to 1e-12) and exactly our significant areas at α = 0.1 and 0.05.
 *
 * Needs R with spdep (bash .ci/install-r.sh); fails, never skips, without it. R takes about a minute
 * on two idle cores (its three permutation runs dominate), several under load.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeHotspots, reclassify, type HotspotResult } from '../../src/analysis/stats/hotspots';
import { getisOrd } from '../../src/analysis/stats/getis-ord';
import { localMoran } from '../../src/analysis/stats/local-moran';
import { drawStreams } from '../../src/analysis/stats/permutation-engine';
import { writeGal } from '../../src/analysis/weights/gal';
import { attachIslands } from '../../src/analysis/weights/island-fallback';
import type { SpatialWeights } from '../../src/analysis/weights/spatial-weights';
import { includeSelf, withStyle } from '../../src/analysis/weights/weights-transform';
import { loadEnglandLsoa, OUTPUT, type EnglandLsoa } from './england-data';
import { comparePseudoP } from './p-value-agreement';
import { predictiveAgreement } from './pseudo-p-predictive';
import { requireSpdep, runRscript } from './r-session';

const PERMUTATIONS = 999;
/** Ours for the predictive check: 100 times spdep's, so our own Monte Carlo error is small beside spdep's. */
const MANY = 99_999;
const STATS = [['lisa', 'p_lisa', 'localmoran_perm'], ['gistar', 'p_gstar', 'localG_perm'], ['bilisa', 'p_bv', 'localmoran_bv']] as const;
const SEED = 20251122;
const TOL = 1e-9;
const dir = join(OUTPUT, 'spdep');

let data: EnglandLsoa;
let fallback: SpatialWeights;
let x: Float64Array;
let r: Record<string, Record<string, Float64Array>>;
const ours: Record<string, HotspotResult> = {};
const oursMany: Record<string, HotspotResult> = {};
let bh: Record<string, Float64Array>;
const summary: Record<string, unknown> = {};

function readColumns(file: string): Record<string, Float64Array> {
  const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
  if (rows.length !== data.ids.length) throw new Error(`${file}: ${rows.length} rows, expected ${data.ids.length}`);
  rows.forEach((row, i) => {
    if (row.code !== data.ids[i]) throw new Error(`${file} row ${i + 1}: ${row.code}, expected ${data.ids[i]}`);
  });
  const out: Record<string, Float64Array> = {};
  for (const col of Object.keys(rows[0]).filter((c) => c !== 'code')) out[col] = Float64Array.from(rows, (row) => Number(row[col]));
  return out;
}

/** Largest |ours − spdep|; NaN must sit in the same places (areas without neighbours). */
function maxAbsDiff(a: Float64Array, b: Float64Array, label: string): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) || Number.isNaN(b[i])) {
      if (Number.isNaN(a[i]) !== Number.isNaN(b[i])) throw new Error(`${label}: ${data.ids[i]} is ${a[i]} here but ${b[i]} in spdep`);
      continue;
    }
    max = Math.max(max, Math.abs(a[i] - b[i]));
  }
  summary[label] = max;
  return max;
}

/** Which of our areas share permutation draws: same stream and same number of links. */
function drawGroups(w: SpatialWeights, permutations = PERMUTATIONS): Int32Array {
  let width = 0;
  for (let i = 0; i < w.n; i++) width = Math.max(width, w.offsets[i + 1] - w.offsets[i]);
  const G = drawStreams(permutations, width);
  return Int32Array.from({ length: w.n }, (_, i) => (i % G) * 100_000 + (w.offsets[i + 1] - w.offsets[i]));
}

beforeAll(() => {
  summary.spdep = requireSpdep();
  data = loadEnglandLsoa();
  x = data.imd('imd_score');
  const bx = data.imd('income_score');
  const by = data.imd('health_score');
  fallback = attachIslands(data.queen, data.lon, data.lat, { k: 1 }).weights;
  expect(data.queen.islands.length).toBeGreaterThan(0);
  expect(fallback.islands.length).toBe(0);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'queen.gal'), writeGal(data.queen, { shape: 'lsoa21', key: 'code' }));
  writeFileSync(join(dir, 'queen-fallback.gal'), writeGal(fallback, { shape: 'lsoa21', key: 'code' }));
  writeFileSync(join(dir, 'values.csv'), ['code,x,bx,by', ...data.ids.map((id, i) => `${id},${x[i]},${bx[i]},${by[i]}`)].join('\n') + '\n');
  runRscript(join(import.meta.dirname, 'spdep-parity.R'), [dir, String(PERMUTATIONS), String(SEED)]);
  r = { W: readColumns('analytic-W.csv'), B: readColumns('analytic-B.csv'), perm: readColumns('perm.csv') };
  summary.rTiming = JSON.parse(readFileSync(join(dir, 'timing.json'), 'utf8'));

  const wf = withStyle(fallback, 'W');
  const base = { weights: wf, permutations: PERMUTATIONS, seed: SEED, correction: 'none' as const };
  ours.lisa = computeHotspots({ ...base, stat: 'lisa', x });
  ours.gistar = computeHotspots({ ...base, stat: 'gistar', x });
  ours.bilisa = computeHotspots({ ...base, stat: 'bilisa', x: bx, y: by });
  const many = { ...base, permutations: MANY };
  oursMany.lisa = computeHotspots({ ...many, stat: 'lisa', x });
  oursMany.gistar = computeHotspots({ ...many, stat: 'gistar', x });
  oursMany.bilisa = computeHotspots({ ...many, stat: 'bilisa', x: bx, y: by });

  writeFileSync(join(dir, 'ours-p.csv'), ['code,lisa,gistar,bilisa', ...data.ids.map((id, i) => [id, ...STATS.map(([s]) => ours[s].pseudoP[i])].join(','))].join('\n') + '\n');
  runRscript(join(import.meta.dirname, 'p-adjust.R'), [dir]);
  bh = readColumns('bh.csv');
}, 1_800_000);

afterAll(() => {
  // For the record (and the report): the differences and agreement statistics behind the assertions.
  if (existsSync(OUTPUT)) writeFileSync(join(OUTPUT, 'spdep-parity-summary.json'), JSON.stringify(summary, null, 2));
  console.log(JSON.stringify(summary, null, 2));
});

describe('spdep parity on 33,755 LSOAs (queen contiguity via GAL)', () => {
  for (const style of ['W', 'B'] as const) {
    it(`local Moran Ii, E[Ii], Var[Ii], Z match spdep localmoran to 1e-9 (style ${style})`, () => {
      const lm = localMoran(x, withStyle(data.queen, style));
      expect(maxAbsDiff(lm.I, r[style].Ii, `Ii ${style}`)).toBeLessThan(TOL);
      expect(maxAbsDiff(lm.expected, r[style].EIi, `E[Ii] ${style}`)).toBeLessThan(TOL);
      expect(maxAbsDiff(lm.variance, r[style].VarIi, `Var[Ii] ${style}`)).toBeLessThan(TOL);
      expect(maxAbsDiff(lm.z, r[style].ZIi, `Z(Ii) ${style}`)).toBeLessThan(TOL);
    });

    it(`Gi* and Gi z match spdep localG to 1e-9 (style ${style})`, () => {
      const w = withStyle(data.queen, style);
      expect(maxAbsDiff(getisOrd(x, includeSelf(w)).z, r[style].gstar, `Gi* z ${style}`)).toBeLessThan(TOL);
      expect(maxAbsDiff(getisOrd(x, w).z, r[style].gi, `Gi z ${style}`)).toBeLessThan(TOL);
    });
  }

  it('the statistics behind the permutation runs match spdep (Ii, G*, bivariate Ibv)', () => {
    expect(maxAbsDiff(ours.lisa.statistic, r.perm.Ii, 'Ii (fallback weights)')).toBeLessThan(TOL);
    expect(maxAbsDiff(ours.gistar.statistic, r.perm.G, 'G* (fallback weights)')).toBeLessThan(TOL);
    expect(maxAbsDiff(ours.bilisa.statistic, r.perm.Ibv, 'Ibv (fallback weights)')).toBeLessThan(TOL);
  });

  for (const [stat, column, spdepFn] of STATS) {
    it(`pseudo p-values agree statistically with spdep ${spdepFn} (${PERMUTATIONS} permutations)`, () => {
      const w = stat === 'gistar' ? includeSelf(fallback) : fallback;
      const a = comparePseudoP(ours[stat].pseudoP, r.perm[column], PERMUTATIONS, drawGroups(w));
      summary[`p ${stat}`] = { maxAbsD: a.maxAbsD, threshold: a.threshold, worst: data.ids[a.worst], meanD: a.meanD, meanBound: a.meanBound, over196: a.over196, maxAbsDiffP: a.maxAbsDiffP };
      expect(a.areas).toBe(data.ids.length);
      expect(a.maxAbsD, `area ${data.ids[a.worst]}: ours ${ours[stat].pseudoP[a.worst]}, spdep ${r.perm[column][a.worst]}`).toBeLessThanOrEqual(a.threshold);
      expect(Math.abs(a.meanD)).toBeLessThanOrEqual(a.meanBound);
    });
  }

  for (const [stat, column, spdepFn] of STATS) {
    it(`pseudo p-values of ${spdepFn} (${PERMUTATIONS}) fit ours (${MANY}) per area and in aggregate`, () => {
      const w = stat === 'gistar' ? includeSelf(fallback) : fallback;
      const a = predictiveAgreement(oursMany[stat].pseudoP, MANY, r.perm[column], PERMUTATIONS, drawGroups(w, MANY));
      summary[`predictive ${stat}`] = { ...a, worst: data.ids[a.worst] };
      expect(a.areas).toBe(data.ids.length);
      expect(a.aggregated).toBeGreaterThan(data.ids.length / 4);
      expect(a.minTail, `area ${data.ids[a.worst]}: ours ${oursMany[stat].pseudoP[a.worst]} (${MANY}), spdep ${r.perm[column][a.worst]}`).toBeGreaterThanOrEqual(a.tailFloor);
      expect(Math.abs(a.sumE)).toBeLessThanOrEqual(a.sumEBound);
      expect(a.excessE2).toBeLessThanOrEqual(a.excessE2Bound);
    });

    it(`FDR (Benjamini-Hochberg) of our ${stat} p-values matches R p.adjust(p, "BH") exactly`, () => {
      const fdr = reclassify(ours[stat], { correction: 'fdr', alpha: 0.05 });
      expect(maxAbsDiff(fdr.pAdjusted, bh[stat], `BH q ${stat}`)).toBeLessThan(1e-12);
      for (const alpha of [0.1, 0.05]) {
        const decided = reclassify(fdr, { alpha }).significant;
        const mine = data.ids.filter((_, i) => decided[i] === 1);
        const theirs = data.ids.filter((_, i) => bh[stat][i] <= alpha);
        summary[`FDR ${stat} α=${alpha}`] = { ours: mine.length, r: theirs.length };
        expect(theirs.length).toBeGreaterThan(0);
        expect(mine).toEqual(theirs);
      }
    });
  }
});
