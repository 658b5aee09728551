/**
 * Residents by age and the lung cancer screening estimates for every LSOA 2021 (table `lsoa_profile`):
 * the six Census 2021 age bands, residents aged 55–74 (the bands bridged with single-year shares of
 * the LSOA's CancerData unit, mid-2020; src/analysis/screening/age-bridge.ts), and current and
 * ex-smokers among them from the Annual Population Survey 2019 (the one year here with 95 % intervals
 * for districts, and the only one with ex-smokers, published for upper-tier councils). Every number
 * but the Census bands is an estimate with a low–high range; the app and exports sum these rows for
 * any area or shortlist.
 */
import { bandSplit, bridge55to74, splitRange, type Estimate } from '../../../src/analysis/screening/age-bridge';
import { addEstimates, applyPrevalence, type Prevalence } from '../../../src/analysis/screening/prevalence-estimate';
import { CENSUS_AGE_COLUMNS as CENSUS_AGE_BANDS } from '../../../src/data/catalogue/profile-bands';
import { ENGLAND_CODE } from '../../../src/data/catalogue/types';
import type { PipelineContext, PipelineStep } from '../context';
import { JoinReport } from '../join-report';
import { readLadHistory } from '../lad-history';
import { readLsoa11Units } from '../read-cancer';
import { readFingertipsExport, type FingertipsRow } from '../read-fingertips';
import { readLsoaBridge, type BridgeRow } from '../read-nhs-lookups';
import { readSingleYearPersons } from '../read-single-year-population';
import { readCensus2021, readImd2019 } from '../read-sources';
import { readLad21Utla21, upperTierOf } from '../upper-tier-to-lad24';

/** The mid-year estimate the within-band shares come from (the latest in the file, closest to Census day 2021). */
const SPLIT_YEAR = 2020;
const fmt = (x: number) => Math.round(x).toLocaleString('en-GB');

/** The value most of an LSOA 2021's LSOA 2011 parents have (they nearly always agree). */
function majorityParent(bridge: BridgeRow[], of11: (lsoa11: string) => string | undefined): Map<string, string> {
  const tally = new Map<string, Map<string, number>>();
  for (const b of bridge) {
    const v = of11(b.lsoa11);
    if (!v) continue;
    const t = tally.get(b.lsoa21) ?? tally.set(b.lsoa21, new Map()).get(b.lsoa21)!;
    t.set(v, (t.get(v) ?? 0) + 1);
  }
  return new Map([...tally].map(([l, t]) => [l, [...t].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]]));
}

/** Prevalence per LSOA from the rows of the area each LSOA lies in; England's value where that area's is not published. */
function prevalenceFor(codes: string[], areaOf: Map<string, string>, rows: FingertipsRow[], label: string, ctx: PipelineContext, residents: Map<string, number>): Prevalence {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const england = byCode.get(ENGLAND_CODE);
  if (!england?.value) throw new Error(`${label}: no England row`);
  ctx.report.check(`${label}: LSOA 2021 → published area`, codes, { has: (c) => byCode.has(areaOf.get(c) ?? '') });
  const p: Prevalence = { value: new Float64Array(codes.length), lower: new Float64Array(codes.length), upper: new Float64Array(codes.length) };
  const fallback = new Map<string, number>();
  codes.forEach((c, i) => {
    const own = byCode.get(areaOf.get(c) ?? '');
    const r = own && own.value !== null ? own : england;
    if (r === england) fallback.set(own?.name ?? '?', (fallback.get(own?.name ?? '?') ?? 0) + (residents.get(c) ?? 0));
    p.value[i] = r.value!;
    p.lower[i] = r.lower ?? NaN;
    p.upper[i] = r.upper ?? NaN;
  });
  if (fallback.size) ctx.report.note(`${label}: England's value used where the area's is not published: ${[...fallback].map(([n, pop]) => `${n} (${fmt(pop)} residents)`).join(', ')}`);
  return p;
}

export const screeningStep: PipelineStep = {
  name: 'Residents by age and lung cancer screening estimates (aged 55–74, current and ex-smokers) by LSOA 2021',
  async run(ctx) {
    const lsoas = ctx.areas.filter((a) => a.level === 'lsoa21');
    const codes = lsoas.map((a) => a.code);
    const census = await readCensus2021(await ctx.source('census2021Population'));
    ctx.report.check('LSOA 2021 → Census 2021 age bands', codes, census);
    const bridge = await readLsoaBridge(await ctx.source('lsoa11Lsoa21'));
    const units = await readLsoa11Units(await ctx.source('lsoa11CancerDataUnit'));
    const unitOf = majorityParent(bridge, (l) => units.get(l)?.unit);
    const lad19Of11 = new Map((await readImd2019(await ctx.source('imd2019'))).map((r) => [r.code, r.lad19_code]));
    const lad19Of = majorityParent(bridge, (l) => lad19Of11.get(l));

    const persons = await readSingleYearPersons(await ctx.source('populationSingleYear'), SPLIT_YEAR);
    ctx.report.check(`LSOA 2021 → CancerData unit with single-year ages (mid-${SPLIT_YEAR})`, codes, { has: (c) => persons.has(unitOf.get(c) ?? '') });
    const splits = new Map([...persons].map(([u, p]) => [u, bandSplit(p)]));
    const range = splitRange([...splits.values()]);
    ctx.report.note(`Ages 55–74: within-band shares of the ${splits.size} units (mid-${SPLIT_YEAR}): 55–64 of 50–64 from ${range.s1[0].toFixed(3)} to ${range.s1[1].toFixed(3)}, `
      + `65–74 of 65+ from ${range.s2[0].toFixed(3)} to ${range.s2[1].toFixed(3)} (these extremes give the low and high estimates)`);

    const band = (b: (typeof CENSUS_AGE_BANDS)[number]) => Float64Array.from(codes, (c) => census.get(c)?.bands[b] ?? NaN);
    const s = (k: 's1' | 's2') => Float64Array.from(codes, (c) => splits.get(unitOf.get(c) ?? '')?.[k] ?? NaN);
    const residents55to74 = bridge55to74(band('age_50_64'), band('age_65_plus'), s('s1'), s('s2'), range);

    const pop = new Map(lsoas.map((a) => [a.code, a.population]));
    const current = applyPrevalence(residents55to74, prevalenceFor(codes, lad19Of,
      await readFingertipsExport(await ctx.source('smokingApsLtla2019'), '92443'), 'APS 2019 current smokers (districts, April 2019)', ctx, pop));
    const utlaOf24 = await upperTiers(ctx);
    const utlaOf = new Map(lsoas.map((a) => [a.code, utlaOf24.get(a.lad24_code ?? '') ?? '']));
    const ex = applyPrevalence(residents55to74, prevalenceFor(codes, utlaOf,
      (await readFingertipsExport(await ctx.source('smokingUtla2019'), '92534')).filter((r) => !r.code.startsWith('E12')), 'APS 2019 ex-smokers (upper-tier councils, April 2019)', ctx, pop));

    // Ever-smokers are current + ex (their ranges add up too); only the point estimate is stored, for the map.
    const ever = addEstimates(current, ex);
    const sum = (e: Estimate, k: keyof Estimate) => e[k].reduce((a, b) => a + b, 0);
    const line = (e: Estimate) => `${fmt(sum(e, 'est'))} (${fmt(sum(e, 'low'))}–${fmt(sum(e, 'high'))})`;
    ctx.report.note(`England, residents aged 55–74 (estimate): ${line(residents55to74)}; current smokers among them: ${line(current)}; ex-smokers: ${line(ex)}; ever-smokers: ${line(ever)}`);

    const r2 = (x: number) => Math.round(x * 100) / 100;
    const estimates = [residents55to74, current, ex];
    const rows = codes.map((c, i) => [c, ...CENSUS_AGE_BANDS.map((b) => census.get(c)!.bands[b]), ...estimates.flatMap((e) => [r2(e.est[i]), r2(e.low[i]), r2(e.high[i])]), r2(ever.est[i])]);
    const england = [ENGLAND_CODE, ...CENSUS_AGE_BANDS.map((b) => codes.reduce((t, c) => t + census.get(c)!.bands[b], 0)),
      ...estimates.flatMap((e) => [r2(sum(e, 'est')), r2(sum(e, 'low')), r2(sum(e, 'high'))]), r2(sum(ever, 'est'))];
    const triple = (p: string) => [p, `${p}_low`, `${p}_high`];
    ctx.tables.lsoa_profile = await ctx.out.writeCsv('tables/lsoa_profile.csv',
      ['code', ...CENSUS_AGE_BANDS, ...triple('res_55_74'), ...triple('current_55_74'), ...triple('ex_55_74'), 'ever_55_74'], [...rows, england], 'lsoa21');
  },
};

/** 2024 district → upper-tier council of April 2019 (the councils the ex-smoker figures are published for). */
async function upperTiers(ctx: PipelineContext): Promise<Map<string, string>> {
  const history = await readLadHistory(await ctx.source('ladCodeChanges'));
  const lad24 = new Map(ctx.areas.filter((a) => a.level === 'lad24').map((a) => [a.code, a.name]));
  const lad21Utla = await readLad21Utla21(await ctx.source('lad21Utla21'));
  const utla19 = new Set((await readFingertipsExport(await ctx.source('smokingUtla2019'), '92534')).map((r) => r.code));
  // The smoking step already reports this join; a scratch report keeps the join report free of repeats.
  const scratch = new JoinReport();
  const out = upperTierOf(lad24, history, lad21Utla, utla19, scratch);
  ctx.report.none('2024 districts without one upper-tier council of April 2019 (for ex-smokers)', scratch.problems);
  return out;
}
