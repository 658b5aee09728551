/**
 * IMD values recomputed for tests straight from the raw files (papaparse and plain loops), never with
 * the pipeline's or the app's code: the LSOA ranks and deciles of both editions, IMD 2019 carried
 * onto 2021 LSOAs by the stated rule, and MHCLG's summary measures by the IoD technical report's
 * definitions. IoD2019 LSOA values come from the humaniverse copy (not the File 2 the pipeline reads).
 */
import { num, rawRows } from './raw-csv';

export const DOMAINS = ['imd', 'income', 'employment', 'education', 'health', 'crime', 'barriers', 'environment'] as const;
export type Domain = (typeof DOMAINS)[number];
const RAW25: Record<Domain, string> = { imd: 'IMD', income: 'Income', employment: 'Employment', education: 'Education', health: 'Health', crime: 'Crime', barriers: 'Housing_and_Services', environment: 'Environment' };
const RAW19: Record<Domain, string> = { ...RAW25, barriers: 'Housing_and_Access' };

interface LsoaImd { rank: Record<Domain, number>; decile: Record<Domain, number>; score?: Record<Domain, number> }

function read(path: string, code: string, names: Record<Domain, string>, scores: boolean): Map<string, LsoaImd> {
  const out = new Map<string, LsoaImd>();
  for (const r of rawRows(path)) {
    const pick = (part: string) => Object.fromEntries(DOMAINS.map((d) => [d, num(r[`${names[d]}_${part}`])])) as Record<Domain, number>;
    out.set(r[code], { rank: pick('rank'), decile: pick('decile'), ...(scores ? { score: pick('score') } : {}) });
  }
  return out;
}

let imd25: Map<string, LsoaImd> | undefined;
export const rawImd2025 = () => (imd25 ??= read('imd/imd2025_lsoa21_scores_ranks_deciles_humaniverse.csv.gz', 'lsoa21_code', RAW25, true));
let imd19: Map<string, LsoaImd> | undefined;
export const rawImd2019 = () => (imd19 ??= read('imd/imd2019_lsoa11_ranks_deciles_humaniverse.csv.gz', 'lsoa11_code', RAW19, false));

let pop15: Map<string, number> | undefined;
/** IoD2019 File 6: mid-2015 residents of each 2011 LSOA. */
export const rawPop2015 = () => (pop15 ??= new Map(rawRows('imd/iod2019_file6_population_denominators_lsoa11.csv.gz').map((r) => [r['LSOA code (2011)'], num(r['Total population: mid 2015 (excluding prisoners)'])])));

export interface Link { lsoa11: string; lsoa21: string; change: string }
let links: Link[] | undefined;
export const rawLinks = () => (links ??= rawRows('lookups/lsoa11_lsoa21_lad22_ew_geographr.csv.gz')
  .filter((r) => r.lsoa21_code.startsWith('E'))
  .map((r) => ({ lsoa11: r.lsoa11_code, lsoa21: r.lsoa21_code, change: r.change_code })));

/**
 * IMD 2019 on each 2021 LSOA by the atlas's stated rule: one 2011 parent → its rank and decile;
 * several → their mid-2015-resident-weighted mean rank, and the decile whose published rank band
 * (highest rank of each decile) holds it.
 */
export function rawImd2019OnLsoa21(): Map<string, { rank: Record<Domain, number>; decile: Record<Domain, number>; change: string; parents: string[] }> {
  const imd = rawImd2019();
  const pop = rawPop2015();
  const bandTop = Object.fromEntries(DOMAINS.map((d) => {
    const top = new Array<number>(10).fill(0);
    for (const v of imd.values()) top[v.decile[d] - 1] = Math.max(top[v.decile[d] - 1], v.rank[d]);
    return [d, top];
  })) as Record<Domain, number[]>;
  const parents = new Map<string, Link[]>();
  for (const l of rawLinks()) parents.set(l.lsoa21, [...(parents.get(l.lsoa21) ?? []), l]);
  const out = new Map<string, { rank: Record<Domain, number>; decile: Record<Domain, number>; change: string; parents: string[] }>();
  for (const [code, ls] of parents) {
    const ps = ls.map((l) => l.lsoa11);
    const change = ls.some((l) => l.change === 'X') ? 'X' : ls[0].change;
    if (ps.length === 1) {
      out.set(code, { ...imd.get(ps[0])!, change, parents: ps });
      continue;
    }
    const total = ps.reduce((s, p) => s + pop.get(p)!, 0);
    const rank = {} as Record<Domain, number>;
    const decile = {} as Record<Domain, number>;
    for (const d of DOMAINS) {
      rank[d] = ps.reduce((s, p) => s + pop.get(p)! * imd.get(p)!.rank[d], 0) / total;
      decile[d] = 1;
      while (decile[d] < 10 && rank[d] > bandTop[d][decile[d] - 1]) decile[d]++;
    }
    out.set(code, { rank, decile, change, parents: ps });
  }
  return out;
}

/** One LSOA inside an area: its national rank and decile and its residents. */
export interface Member { rank: number; decile: number; pop: number }

/** MHCLG's average rank: residents-weighted mean rank, most deprived LSOA counted as N. */
export function averageRank(m: Member[], n: number): number {
  return m.reduce((s, x) => s + x.pop * (n + 1 - x.rank), 0) / m.reduce((s, x) => s + x.pop, 0);
}

/** Percentage of LSOAs (not residents) in national decile 1. */
export const lsoaShare10 = (m: Member[]) => (100 * m.filter((x) => x.decile === 1).length) / m.length;

/** Extent: residents in the most deprived 10 % count fully, percentiles 11–30 with weights 0.95 down to 0.05. */
export function extent(m: Member[], n: number): number {
  let w = 0;
  let all = 0;
  for (const x of m) {
    const pct = Math.ceil((100 * x.rank) / n);
    const weight = pct <= 10 ? 1 : pct <= 30 ? 0.95 - ((pct - 11) * 0.9) / 19 : 0;
    w += x.pop * weight;
    all += x.pop;
  }
  return (100 * w) / all;
}

/** Local concentration: mean (reversed) rank of the most deprived LSOAs holding exactly 10 % of residents. */
export function localConcentration(m: Member[], n: number): number {
  const target = 0.1 * m.reduce((s, x) => s + x.pop, 0);
  let got = 0;
  let sum = 0;
  for (const x of [...m].sort((a, b) => a.rank - b.rank)) {
    const take = Math.min(x.pop, target - got);
    if (take <= 0) break;
    sum += take * (n + 1 - x.rank);
    got += take;
  }
  return sum / got;
}

/** Competition ranks ("1224" style: ties share the best rank), worst first. */
export function competitionRanks(values: Map<string, number>, higherWorse: boolean): Map<string, number> {
  const sorted = [...values.values()].sort((a, b) => (higherWorse ? b - a : a - b));
  const first = new Map<number, number>();
  sorted.forEach((v, i) => { if (!first.has(v)) first.set(v, i + 1); });
  return new Map([...values].map(([k, v]) => [k, first.get(v)!]));
}
