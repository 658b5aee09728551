/**
 * MHCLG's summary measures of the Indices of Deprivation for areas larger than an LSOA: average rank
 * (and its rank), proportion of LSOAs in the most deprived 10 % nationally, extent, local
 * concentration and, for income and employment, scale. Official values where MHCLG published them
 * (local authorities; ICBs for 2025), derived by the atlas by MHCLG's method elsewhere, and each
 * level's method note says which, and which population weights it.
 */
import type { LevelId } from '../../geo/levels';
import { amongAll, derivedNote, editionBase, LSOAS, NOT_ON_2011, officialNote, published, SUMMARY_LEVELS, type Edition } from './imd-editions';
import { imdColumn, type ImdDomainKey } from './imd-domains';
import type { AggregateRule, BaseTable, Indicator, LevelRule } from './types';

type Domain = { key: ImdDomainKey; label: string; short: string };
const suffix = (e: Edition) => (e === 2019 ? ' 2019' : '');
const of = (d: Domain) => (d.key === 'imd' ? 'the Index of Multiple Deprivation' : `the ${d.label} domain`);
const NOT_AT_LSOA = 'A summary of the LSOAs of a larger area: pick a ward or larger area (at LSOA level see the LSOA\'s own rank and decile).';
const notAtLsoa = (e: Edition): Partial<Record<LevelId, string>> => (e === 2025 ? { lsoa21: NOT_AT_LSOA, lsoa11: NOT_ON_2011 } : { lsoa21: NOT_AT_LSOA, lsoa11: NOT_AT_LSOA });
const AVERAGE_RANK_CONVENTION = 'MHCLG ranks LSOAs for this summary so that the most deprived counts highest (rank N of N), so a higher value is more deprived.';

interface SummarySpec {
  e: Edition;
  d: Domain;
  id: string;
  label: string;
  short: string;
  definition: string;
  /** Column of `imd_summary`, its rank column, and whether MHCLG published it for this edition. */
  column: string;
  rank: string;
  official: LevelId[];
  derived: ((base: BaseTable | undefined) => AggregateRule) | null;
  what: string;
  unit: string;
  decimals: number;
  rankLabel: string;
  /** Where no value can be had (neither published nor derivable). */
  missing?: string;
}

function summary(s: SummarySpec): Indicator {
  const levels: Partial<Record<LevelId, LevelRule>> = {};
  const notes: Partial<Record<LevelId, string>> = {};
  for (const l of SUMMARY_LEVELS) {
    const base = s.e === 2019 && l !== 'lad24' && l !== 'icb24' ? { table: 'imd2019_lsoa21', level: 'lsoa21' as const } : undefined;
    const derived = s.derived?.(base);
    if (s.official.includes(l)) {
      // IoD2019 File 10 has no ranks and misses the councils formed since 2019: those are derived.
      const complete = s.e === 2025;
      levels[l] = published(s.e, s.d.key, s.column, complete ? s.rank : undefined, complete ? undefined : derived);
      notes[l] = complete ? officialNote(s.e, l, s.what)
        : `Official MHCLG value (IoD2019 File 10) for the 289 councils unchanged since 2019; the 7 formed since are derived by the atlas by MHCLG's method from their 2011 LSOAs and mid-2015 residents (noted on each). The rank is among the 296 councils of 2024, computed by the atlas.`;
    } else if (derived) {
      levels[l] = derived;
      notes[l] = derivedNote(s.e, l, s.what);
    }
  }
  const unavailable: Partial<Record<LevelId, string>> = { ...notAtLsoa(s.e) };
  for (const l of SUMMARY_LEVELS) if (!levels[l]) unavailable[l] = s.missing ?? 'Not available for this level.';
  return {
    ...editionBase(s.e, s.id, s.e === 2025 ? ['imd2025Lad24Summary', 'imd2025Icb24Summary'] : ['imd2019Lad19Summary']),
    id: s.id, label: s.label, short: s.short, definition: s.definition, columns: { value: s.column }, unit: s.unit, kind: 'score', polarity: 'higher-worse',
    decimals: s.decimals, classification: 'quantile', rankLabel: s.rankLabel, levels, methodNote: notes, unavailable,
  };
}

export function summaryMeasures(e: Edition, d: Domain): Indicator[] {
  const id = (m: string) => `imd${e}.${d.key}.${m}`;
  const rankCol = imdColumn(d.key, 'rank');
  const n = LSOAS[e];
  const official: LevelId[] = e === 2025 ? ['lad24', 'icb24'] : [];
  const avgrank = summary({
    e, d, id: id('avgrank'), column: 'avg_rank', rank: 'avg_rank_rank', official, what: 'average of the LSOA ranks',
    label: `${d.label} (IMD ${e}): average rank of the area's LSOAs (higher = more deprived)`, short: `${d.short} average rank${suffix(e)}`,
    definition: `MHCLG's "average rank" on ${of(d)}: the average of the national ranks of an area's LSOAs, weighted by residents. ${AVERAGE_RANK_CONVENTION} Not the same as the average score or its rank.`,
    derived: (base) => ({ kind: 'average-rank', rank: rankCol, lsoas: n, ...(base ? { base } : {}) }), unit: 'average rank', decimals: 2, rankLabel: 'rank of average rank',
  });
  const rankOfAverage: Indicator = {
    ...avgrank, id: id('rankavgrank'), label: `${d.label} (IMD ${e}): rank of average rank, 1 = most deprived`, short: `${d.short} rank of average rank${suffix(e)}`,
    definition: `The rank of the area's average rank among areas of the same kind in England (MHCLG's "rank of average rank"; 1 = most deprived). Not the same as the rank of the average score.`,
    columns: { value: 'avg_rank_rank' }, unit: 'rank', kind: 'rank', polarity: 'lower-worse', decimals: 0, classification: 'decile', rankLabel: undefined,
    levels: Object.fromEntries(Object.entries(avgrank.levels).map(([l, r]) => [l, r?.kind === 'published' && r.rank ? { ...r, value: r.rank } : { kind: 'rank-of', indicator: id('avgrank') }])),
    methodNote: Object.fromEntries(SUMMARY_LEVELS.map((l) => [l, official.includes(l) ? officialNote(e, l, 'rank of average rank') : `Rank of the average rank among ${amongAll(l)} (1 = most deprived; tied areas share the better rank). ${avgrank.methodNote?.[l] ?? ''}`])),
  };
  const decileCol = imdColumn(d.key, 'decile');
  const out = [avgrank, rankOfAverage, summary({
    e, d, id: id('lsoa10'), column: 'lsoa10', rank: 'lsoa10_rank', official: e === 2025 ? official : ['lad24'], what: 'percentage of its LSOAs in national decile 1',
    label: `${d.label} (IMD ${e}): proportion of LSOAs in the most deprived 10 % nationally`, short: `${d.short}: % of LSOAs in most deprived 10 %${suffix(e)}`,
    definition: `MHCLG's "proportion of LSOAs in most deprived 10 % nationally" on ${of(d)}, as a percentage: a count of LSOAs, not of residents (see the residents share for that).`,
    derived: (base) => ({ kind: 'lsoa-share', column: decileCol, atMost: 1, ...(base ? { base } : {}) }), unit: '%', decimals: 2, rankLabel: 'rank of proportion of LSOAs in the most deprived 10 %',
  })];
  if (d.key === 'imd') {
    out.push(summary({
      e, d, id: id('extent'), column: 'extent', rank: 'extent_rank', official: e === 2025 ? official : ['lad24'], what: 'extent',
      label: `Index of Multiple Deprivation (IMD ${e}): extent, % of residents in the most deprived 30 % of LSOAs (sliding weight)`, short: `IMD extent${suffix(e)}`,
      definition: 'MHCLG\'s "extent": the share of an area\'s residents living in the most deprived 30 % of LSOAs nationally, those in the most deprived 10 % counting in full and those in the 11th to 30th percentiles with a weight falling from 0.95 to 0.05. Shown as a percentage.',
      derived: (base) => ({ kind: 'extent', rank: rankCol, lsoas: n, ...(base ? { base } : {}) }), unit: '%', decimals: 2, rankLabel: 'rank of extent',
    }), summary({
      e, d, id: id('localconc'), column: 'local_conc', rank: 'local_conc_rank', official, what: 'local concentration',
      label: `Index of Multiple Deprivation (IMD ${e}): local concentration (average rank of the most deprived LSOAs holding 10 % of residents)`, short: `IMD local concentration${suffix(e)}`,
      definition: `MHCLG's "local concentration": the residents-weighted average rank of the area's most deprived LSOAs that together hold exactly 10 % of its residents; it shows how intense the area's hot spots of deprivation are. ${AVERAGE_RANK_CONVENTION}`,
      derived: (base) => ({ kind: 'local-concentration', rank: rankCol, lsoas: n, ...(base ? { base } : {}) }), unit: 'average rank', decimals: 2, rankLabel: 'rank of local concentration',
    }));
  }
  if (e === 2025 && (d.key === 'income' || d.key === 'employment')) {
    out.push(summary({
      e, d, id: id('scale'), column: 'scale', rank: 'scale_rank', official, what: `number of ${d.key}-deprived people`,
      label: `${d.label} (IMD 2025): scale, number of ${d.key}-deprived people`, short: `${d.short} scale (people)`,
      definition: `MHCLG's "${d.key} scale": the number of people who are ${d.key === 'income' ? 'income' : 'employment'}-deprived in the area. A count: large areas have large values.`,
      derived: null, unit: 'people', decimals: 0, rankLabel: `rank of ${d.key} scale`,
      missing: 'MHCLG publishes the scale for local authorities and ICBs only; the LSOA numerators are not in the atlas\'s data to derive it for other areas.',
    }));
  }
  return out.map((i) => (i.id.endsWith('.scale') ? { ...i, kind: 'count' as const } : i));
}

