/**
 * Issue 4 on real rows: composite index values, overlap-rule counts and resident totals for LSOAs and
 * wards, built through the app's own path (indicator SQL on DuckDB-wasm, the combine cores and the
 * model builders the map modes use) and compared with values computed here straight from the raw
 * files (papaparse and plain arithmetic: ranks by grouping a sorted list, means and SDs by summing).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../src/analysis/combine/rule-conditions';
import { QueryRunner } from '../../src/data/query-runner';
import { focusMask } from '../../src/data/focus-mask';
import { loadIndicatorValues, loadLevelAreas, type LevelAreas } from '../../src/data/level-data';
import { englandValue, loadMeasures, type LoadedMeasure } from '../../src/app/combine/combine-inputs';
import { compositeInputs, compositeModel } from '../../src/app/combine/use-composite';
import { ruleModel } from '../../src/app/combine/use-rules';
import { presetRule } from '../../src/app/combine/rule-presets';
import { measureLabel } from '../../src/app/combine/rules-text';
import { getIndicator } from '../../src/data/catalogue';
import { rawIncidence, unitOf } from '../support/raw-incidence';
import type { LevelId } from '../../src/geo/levels';
import type { CompositeSpec, MeasureChoice, RuleSpec } from '../../src/state/combine-spec';
import { DEFAULT_COMBINE } from '../../src/state/combine-spec';
import { openBuiltDataDb } from '../support/node-db';
import { num, rawRows } from '../support/raw-csv';
import { rawLsoas } from '../support/raw-geography';
import { rawImd2019OnLsoa21 } from '../support/raw-imd';

// ---- Raw files ----------------------------------------------------------------------------------

const imd = new Map(rawRows('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz').map((r) => [r.lsoa21_code, {
  score: num(r.IMD_score), rank: num(r.IMD_rank), decile: num(r.IMD_decile), health: num(r.Health_score), healthRank: num(r.Health_rank),
}]));
const lsoas = rawLsoas();
const imd2019On21 = rawImd2019OnLsoa21();

const value = (s: string | undefined) => (s === undefined || s === 'NA' || s === '' ? null : num(s));
const annual = rawRows('smoking/smoking_prevalence_adults_aps_lad_fingertips92443_trafforddatalab.csv');
const export2019 = rawRows('smoking/smoking_prevalence_ltla19_2019_fingertips92443_tobacco_profile_export_with_ci.csv');
interface Published { value: number | null; lower: number | null; upper: number | null }
const published = new Map<string, Published>();
for (const r of annual) if (r.period !== '2019') published.set(`${r.area_code}|${r.period}`, { value: value(r.value), lower: null, upper: null });
for (const r of export2019) {
  published.set(`${r['Area Code']}|2019`, { value: value(r.Value), lower: value(r['Lower CI 95.0 limit']), upper: value(r['Upper CI 95.0 limit']) });
}
/** 2024 council → its 2016 predecessors; any older code → its 2024 successor (ONS code history). */
const lineages = new Map<string, Set<string>>();
const successor = new Map<string, string>();
for (const r of rawRows('lookups/lad16_to_lad24_code_changes_uk_geographr.csv')) {
  lineages.set(r.ltla24_code, (lineages.get(r.ltla24_code) ?? new Set()).add(r.ltla16_code));
  for (const k of Object.keys(r)) if (k.endsWith('_code') && r[k]) successor.set(r[k], r.ltla24_code);
}
const NONE: Published = { value: null, lower: null, upper: null };
/** A 2024 council's smoking estimate: its own, or its single predecessor's; a merger of several has none. */
function smoking(code: string, period: string): Published {
  if (published.has(`${code}|${period}`)) return published.get(`${code}|${period}`)!;
  if ((lineages.get(code)?.size ?? 0) > 1) return NONE;
  const pred = [...published.keys()].find((k) => k.endsWith(`|${period}`) && successor.get(k.split('|')[0]) === code);
  return pred ? published.get(pred)! : NONE;
}
const smokingByLad = (period: string) => new Map([...new Set(lsoas.map((l) => l.lad))].map((c) => [c, smoking(c, period)]));
const englandSmoking = (period: string) => published.get(`E92000001|${period}`)!.value!;

// ---- Independent arithmetic ---------------------------------------------------------------------

type Vec = (number | null)[];

/** Mid-rank percentile among the reference values: (number below + half the number equal) / n × 100. */
function percentiles(v: Vec, inRef: (i: number) => boolean): Vec {
  const ref = v.filter((x, i): x is number => x !== null && inRef(i)).sort((a, b) => a - b);
  const first = new Map<number, number>();
  const count = new Map<number, number>();
  ref.forEach((x, i) => {
    if (!first.has(x)) first.set(x, i);
    count.set(x, (count.get(x) ?? 0) + 1);
  });
  return v.map((x) => {
    if (x === null) return null;
    let below = 0;
    let equal = 0;
    if (first.has(x)) [below, equal] = [first.get(x)!, count.get(x)!];
    else below = ref.filter((r) => r < x).length;
    return (100 * (below + equal / 2)) / ref.length;
  });
}

function zScores(v: Vec, inRef: (i: number) => boolean): Vec {
  const ref = v.filter((x, i): x is number => x !== null && inRef(i));
  const mean = ref.reduce((a, b) => a + b, 0) / ref.length;
  const sd = Math.sqrt(ref.reduce((a, b) => a + (b - mean) ** 2, 0) / ref.length);
  return v.map((x) => (x === null ? null : (x - mean) / sd));
}

function weighted(scores: Vec[], weights: number[]): Vec {
  const total = weights.reduce((a, b) => a + b, 0);
  return scores[0].map((_, i) => (scores.some((s) => s[i] === null) ? null : scores.reduce((sum, s, j) => sum + (weights[j] / total) * s[i]!, 0)));
}

/** Areas and residents per combination of conditions (bit j = condition j met); null = cannot judge. */
function tally(met: (boolean | null)[][], pop: number[], inScope: (i: number) => boolean) {
  const combos = new Map<number, { areas: number; residents: number }>();
  const incomplete = { areas: 0, residents: 0 };
  const scope = { areas: 0, residents: 0 };
  for (let i = 0; i < pop.length; i++) {
    if (!inScope(i)) continue;
    scope.areas++;
    scope.residents += pop[i];
    if (met.some((c) => c[i] === null)) {
      incomplete.areas++;
      incomplete.residents += pop[i];
      continue;
    }
    const mask = met.reduce((m, c, j) => m | (c[i] ? 1 << j : 0), 0);
    const t = combos.get(mask) ?? { areas: 0, residents: 0 };
    combos.set(mask, { areas: t.areas + 1, residents: t.residents + pop[i] });
  }
  return { combos, incomplete, scope };
}

// ---- The app's path -----------------------------------------------------------------------------

let q: QueryRunner;
const areasAt = new Map<LevelId, LevelAreas>();

async function measures(level: LevelId, choices: readonly MeasureChoice[]): Promise<LoadedMeasure[]> {
  const areas = areasAt.get(level)!;
  return loadMeasures((id, dims) => loadIndicatorValues(q, id, level, dims, areas), { level, areas }, choices);
}

async function appComposite(level: LevelId, spec: CompositeSpec, focus: { level: 'icb24' | 'lad24'; code: string } | null) {
  const areas = areasAt.get(level)!;
  const mask = focusMask(areas, focus, null);
  const m = await measures(level, spec.inputs);
  const byFocus = spec.reference === 'focus' && mask !== null;
  const used = compositeInputs(m, spec, byFocus ? mask : null, byFocus ? `focus:${focus!.code}` : 'england');
  return { model: compositeModel(used, m, spec, mask, byFocus ? focus!.code : 'England', level, focus?.code ?? 'England'), mask };
}

async function appRule(level: LevelId, spec: RuleSpec, focus: { level: 'icb24' | 'lad24'; code: string } | null) {
  const areas = areasAt.get(level)!;
  const mask = focusMask(areas, focus, null);
  const m = await measures(level, spec.conditions);
  const eng = await Promise.all(m.map((x, j) => (['worse-than-england', 'significantly-worse'].includes(spec.conditions[j].test.kind) ? englandValue(q, x.indicator, x.dims) : Promise.resolve(null))));
  return { model: ruleModel(areas, m, eng, spec, mask, focus ? { label: focus.code } : null), mask };
}

const asVec = (a: Float64Array): Vec => Array.from(a, (x) => (Number.isFinite(x) ? x : null));

function expectSame(got: Vec, want: Vec, codes: string[], digits: number) {
  let compared = 0;
  for (let i = 0; i < want.length; i++) {
    if (want[i] === null) expect(got[i], codes[i]).toBeNull();
    else {
      expect(got[i], codes[i]).not.toBeNull();
      expect(got[i]!, codes[i]).toBeCloseTo(want[i]!, digits);
      compared++;
    }
  }
  return compared;
}

function expectTally(model: Awaited<ReturnType<typeof appRule>>['model'], want: ReturnType<typeof tally>) {
  expect(model.problem).toBeNull();
  expect(new Map(model.tally.combos.map((c) => [c.mask, { areas: c.areas, residents: c.residents }]))).toEqual(want.combos);
  expect(model.tally.incomplete).toEqual(want.incomplete);
  expect(model.tally.scope).toEqual(want.scope);
}

const GREATER_MANCHESTER = { level: 'icb24' as const, code: 'E54000057' };

beforeAll(async () => {
  q = new QueryRunner(await openBuiltDataDb());
  for (const level of ['lsoa21', 'ward24'] as const) areasAt.set(level, await loadLevelAreas(q, level));
});

describe('composite risk index on real LSOAs', () => {
  it('percentile ranks against England, weighted 2 : 1 : 1.5, agree with the raw files for all 33,755 LSOAs', async () => {
    const spec: CompositeSpec = {
      ...DEFAULT_COMBINE.composite, normalisation: 'percentile', reference: 'england',
      inputs: [
        { indicator: 'imd2025.imd.score', dims: {}, direction: 'higher', weight: 2 },
        { indicator: 'smoking.aps.current', dims: {}, direction: 'higher', weight: 1 },
        { indicator: 'imd2025.health.score', dims: {}, direction: 'higher', weight: 1.5 },
      ],
    };
    const areas = areasAt.get('lsoa21')!;
    expect(areas.codes.length).toBe(33755);
    const { model } = await appComposite('lsoa21', spec, null);
    const byLad = smokingByLad('2024');
    const ladOf = new Map(lsoas.map((l) => [l.code, l.lad]));
    const all = () => true;
    const raw = (f: (code: string) => number | null): Vec => areas.codes.map(f);
    const want = weighted([
      percentiles(raw((c) => imd.get(c)!.score), all),
      percentiles(raw((c) => byLad.get(ladOf.get(c)!)!.value), all),
      percentiles(raw((c) => imd.get(c)!.health), all),
    ], [2, 1, 1.5]);
    const compared = expectSame(asVec(model.values), want, areas.codes, 9);
    const missing = want.filter((x) => x === null).length;
    expect(model.missing).toBe(missing);
    // Smoking has no 2024 value for merged councils (Cumbria, North Yorkshire, Somerset): those LSOAs have no index.
    expect(missing).toBeGreaterThan(0);
    expect(compared + missing).toBe(33755);
    expect(model.shares).toEqual([2 / 4.5, 1 / 4.5, 1.5 / 4.5]);
  }, 300_000);

  it('z-scores relative to the focus region (Greater Manchester), with IMD rank read as "lower = more risk"', async () => {
    const spec: CompositeSpec = {
      ...DEFAULT_COMBINE.composite, normalisation: 'zscore', reference: 'focus',
      inputs: [
        { indicator: 'imd2025.imd.rank', dims: {}, direction: 'lower', weight: 1 },
        { indicator: 'imd2025.health.score', dims: {}, direction: 'higher', weight: 3 },
      ],
    };
    const areas = areasAt.get('lsoa21')!;
    const { model, mask } = await appComposite('lsoa21', spec, GREATER_MANCHESTER);
    const icbOf = new Map(lsoas.map((l) => [l.code, l.icb]));
    const inGm = (i: number) => icbOf.get(areas.codes[i]) === GREATER_MANCHESTER.code;
    expect(Array.from(mask!, (m) => m === 1)).toEqual(areas.codes.map((_, i) => inGm(i)));
    const want = weighted([
      zScores(areas.codes.map((c) => -imd.get(c)!.rank), inGm),
      zScores(areas.codes.map((c) => imd.get(c)!.health), inGm),
    ], [1, 3]);
    expectSame(asVec(model.values), want, areas.codes, 9);
    // Relative to the region, its own LSOAs average 0.
    const inside = want.filter((_, i) => inGm(i)) as number[];
    expect(inside.reduce((a, b) => a + b, 0) / inside.length).toBeCloseTo(0, 9);
    expect(model.missing).toBe(0);
  });
});

describe('overlap rules on real LSOAs', () => {
  it('Core20 ∧ smoking above England ∧ health deprivation in the worst fifth: every combination, areas and residents', async () => {
    const spec: RuleSpec = {
      conditions: [
        ...presetRule('core20-smoking', 'lsoa21', false).conditions,
        { indicator: 'imd2025.health.score', dims: {}, test: { kind: 'worst-quintile' } },
      ],
      inFocus: false,
    };
    const areas = areasAt.get('lsoa21')!;
    const { model } = await appRule('lsoa21', spec, null);
    const ladOf = new Map(lsoas.map((l) => [l.code, l.lad]));
    const popOf = new Map(lsoas.map((l) => [l.code, l.pop]));
    const byLad = smokingByLad('2024');
    const eng = englandSmoking('2024');
    const met = [
      // The Core20 preset uses IMD 2019 (NHS England's edition), carried onto 2021 LSOAs by the stated rule.
      areas.codes.map((c) => imd2019On21.get(c)!.decile.imd <= 2),
      areas.codes.map((c) => {
        const v = byLad.get(ladOf.get(c)!)!.value;
        return v === null ? null : v > eng;
      }),
      areas.codes.map((c) => imd.get(c)!.healthRank <= 0.2 * 33755),
    ];
    const pop = areas.codes.map((c) => popOf.get(c)!);
    const want = tally(met, pop, () => true);
    expectTally(model, want);
    expect(want.scope.residents).toBe(lsoas.reduce((a, l) => a + l.pop, 0));
    // Core20 alone: the LSOAs in IMD 2019 deciles 1–2 (about 20 % of them).
    const core20 = [...want.combos].filter(([m]) => m & 1).reduce((a, [, t]) => a + t.areas, 0) + met[0].filter((x, i) => x && met[1][i] === null).length;
    expect(core20).toBe(areas.codes.filter((c) => imd2019On21.get(c)!.decile.imd <= 2).length);
    expect(model.tally.byCount[3].areas).toBe(want.combos.get(7)!.areas);
    // The map's per-area count agrees with the raw conditions.
    for (let i = 0; i < areas.codes.length; i += 97) {
      const m = met.map((c) => c[i]);
      expect(model.tally.met[i], areas.codes[i]).toBe(m.includes(null) ? UNKNOWN : m.filter(Boolean).length);
    }
  }, 300_000);

  it('2019 smoking significantly above England (95 % CI), inside Greater Manchester, with the share of the region\'s residents', async () => {
    const spec: RuleSpec = {
      conditions: [
        { indicator: 'imd2025.imd.decile', dims: {}, test: { kind: 'worst-deciles', deciles: 1 } },
        { indicator: 'smoking.aps.current', dims: { period: '2019' }, test: { kind: 'significantly-worse' } },
      ],
      inFocus: true,
    };
    const areas = areasAt.get('lsoa21')!;
    const { model } = await appRule('lsoa21', spec, GREATER_MANCHESTER);
    const raw = new Map(lsoas.map((l) => [l.code, l]));
    const byLad = smokingByLad('2019');
    const eng = englandSmoking('2019');
    const met = [
      areas.codes.map((c) => imd.get(c)!.decile <= 1),
      areas.codes.map((c) => {
        const s = byLad.get(raw.get(c)!.lad)!;
        if (s.value === null) return null;
        return s.lower !== null && s.upper !== null ? s.lower > eng : s.value > eng;
      }),
      areas.codes.map((c) => raw.get(c)!.icb === GREATER_MANCHESTER.code),
    ];
    const inGm = (i: number) => met[2][i] === true;
    const want = tally(met, areas.codes.map((c) => raw.get(c)!.pop), inGm);
    expectTally(model, want);
    const all = want.combos.get(7) ?? { areas: 0, residents: 0 };
    expect(model.tally.byCount[3]).toEqual(all);
    expect(all.residents / want.scope.residents).toBeGreaterThan(0);
    expect(model.conditions[1].label).toMatch(/significantly above England/);
  }, 300_000);
});

describe('wards (2024): resident-weighted IMD and inherited smoking', () => {
  const wardsRaw = () => {
    const out = new Map<string, { pop: number; sum: number; lad: string; icb: string }>();
    for (const l of lsoas) {
      const w = out.get(l.ward) ?? { pop: 0, sum: 0, lad: l.lad, icb: l.icb };
      w.pop += l.pop;
      w.sum += l.pop * imd.get(l.code)!.score;
      out.set(l.ward, w);
    }
    return out;
  };

  it('composite of ward IMD score and smoking (percentiles among wards) and a two-condition rule agree with the raw files', async () => {
    const areas = areasAt.get('ward24')!;
    const raw = wardsRaw();
    expect([...areas.codes].sort()).toEqual([...raw.keys()].sort());
    const wardScore = areas.codes.map((c) => raw.get(c)!.sum / raw.get(c)!.pop);
    const byLad = smokingByLad('2024');
    const wardSmoking = areas.codes.map((c) => byLad.get(raw.get(c)!.lad)!.value);

    const spec: CompositeSpec = {
      ...DEFAULT_COMBINE.composite, normalisation: 'percentile', reference: 'england',
      inputs: [
        { indicator: 'imd2025.imd.score', dims: {}, direction: 'higher', weight: 1 },
        { indicator: 'smoking.aps.current', dims: {}, direction: 'higher', weight: 1 },
      ],
    };
    const { model } = await appComposite('ward24', spec, null);
    const want = weighted([percentiles(wardScore, () => true), percentiles(wardSmoking, () => true)], [1, 1]);
    expectSame(asVec(model.values), want, areas.codes, 6);

    const rule: RuleSpec = {
      conditions: [
        { indicator: 'imd2025.imd.score', dims: {}, test: { kind: 'at-least', value: 30 } },
        { indicator: 'smoking.aps.current', dims: {}, test: { kind: 'worse-than-england' } },
      ],
      inFocus: false,
    };
    const r = await appRule('ward24', rule, null);
    const eng = englandSmoking('2024');
    const met = [wardScore.map((s) => s >= 30), wardSmoking.map((v) => (v === null ? null : v > eng))];
    const pop = areas.codes.map((c) => raw.get(c)!.pop);
    expect(Array.from(areas.population)).toEqual(pop);
    expectTally(r.model, tally(met, pop, () => true));
    expect(r.model.tally.byCount[2].areas).toBeGreaterThan(100);
  }, 300_000);
});

describe('inputs that do not vary in the focus region (Birmingham wards)', () => {
  const BIRMINGHAM = { level: 'lad24' as const, code: 'E08000025' };
  const LUNG = { period: '2015-2019', site: 'C33-C34' };
  const inputs: CompositeSpec['inputs'] = [
    { indicator: 'imd2025.imd.score', dims: {}, direction: 'higher', weight: 1 },
    { indicator: 'smoking.aps.current', dims: { period: '2022' }, direction: 'higher', weight: 1 },
    { indicator: 'cancer.incidence.dsr', dims: LUNG, direction: 'higher', weight: 1 },
  ];
  const label = (i: (typeof inputs)[number]) => measureLabel(getIndicator(i.indicator), i.dims);

  /** Distinct raw values of each input over the wards of a region (ward means; council and Sub-ICB values). */
  function rawDistinct(inRegion: (l: (typeof lsoas)[number]) => boolean) {
    const wards = new Map<string, typeof lsoas>();
    for (const l of lsoas) if (inRegion(l)) wards.set(l.ward, [...(wards.get(l.ward) ?? []), l]);
    const byLad = smokingByLad('2022');
    const imdMeans = new Set([...wards.values()].map((ls) => ls.reduce((a, l) => a + l.pop * imd.get(l.code)!.score, 0) / ls.reduce((a, l) => a + l.pop, 0)));
    const smokingValues = new Set([...wards.values()].map((ls) => byLad.get(ls[0].lad)!.value));
    const units = new Set([...wards.values()].flatMap((ls) => ls.map((l) => unitOf(l.sicbl))));
    const lung = new Set([...units].map((u) => rawIncidence().get(`${u}|2015-2019|persons|C33-C34`)!.dsr));
    return { wards: wards.size, distinct: [imdMeans.size, smokingValues.size, lung.size] };
  }

  it('composite: names the inputs with one value in Birmingham and ranks by the rest; offers the level where all vary', async () => {
    const raw = rawDistinct((l) => l.lad === BIRMINGHAM.code);
    const spec: CompositeSpec = { ...DEFAULT_COMBINE.composite, reference: 'england', inputs };
    const { model } = await appComposite('ward24', spec, BIRMINGHAM);
    const constant = inputs.filter((_, j) => raw.distinct[j] === 1);
    expect(constant.length).toBeGreaterThan(0);
    expect(model.variation.constant.map((c) => constant.find((i) => c.startsWith(label(i))))).toEqual(constant);
    expect(model.variation.varying).toEqual(inputs.filter((_, j) => raw.distinct[j] > 1).map(label));
    expect(model.variation.statement).toContain(`the index ranks wards by ${label(inputs[0])} alone`);
    const target = model.variation.suggestLevel!;
    for (const i of inputs) {
      const rule = getIndicator(i.indicator).levels[target];
      expect(rule && rule.kind !== 'inherit', `${i.indicator} at ${target}`).toBe(true);
    }
  });

  it('rule: a condition on a council-wide measure is met by every ward or none', async () => {
    const rule: RuleSpec = {
      conditions: [
        // Core20 by residents (a decile belongs to one LSOA and is not offered for wards)
        { indicator: 'imd2025.imd.share20', dims: {}, test: { kind: 'at-least', value: 50 } },
        { indicator: 'smoking.aps.current', dims: { period: '2022' }, test: { kind: 'worse-than-england' } },
      ],
      inFocus: false,
    };
    const { model } = await appRule('ward24', rule, BIRMINGHAM);
    expect(model.variation.constant).toEqual([`${label(inputs[1])} (measured for the whole local authority)`]);
    expect(model.variation.statement).toMatch(/met by every ward or by none/);
  });

  it('across Greater Manchester smoking varies between councils: no warning, but a note of how few values it takes', async () => {
    const raw = rawDistinct((l) => l.icb === GREATER_MANCHESTER.code);
    const spec: CompositeSpec = { ...DEFAULT_COMBINE.composite, reference: 'england', inputs: inputs.slice(0, 2) };
    const { model } = await appComposite('ward24', spec, GREATER_MANCHESTER);
    expect(raw.distinct[1]).toBeGreaterThan(1);
    expect(model.variation.statement).toBeNull();
    expect(model.variation.inherited).toEqual([expect.stringContaining(`takes ${raw.distinct[1]} different values across the ${raw.wards} wards in`)]);
  });
});
