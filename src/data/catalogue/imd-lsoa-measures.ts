/**
 * The IMD measures that start from one LSOA: score (average score for larger areas), rank (rank of
 * the average score), national decile (LSOAs only) and the shares of residents living in the most
 * deprived LSOAs nationally, Core20 among them. Core20 = residents of LSOAs in national IMD deciles
 * 1–2; NHS England's published Core20 figures use IMD 2019, and every Core20 label names its edition.
 */
import type { LevelId } from '../../geo/levels';
import { amongAll, BRIDGE, derivedNote, editionBase, LSOAS, NOT_ON_2011, officialNote, published, SUMMARY_LEVELS, type Edition } from './imd-editions';
import { imdColumn, type ImdDomainKey } from './imd-domains';
import type { Indicator, LevelRule } from './types';

type Domain = { key: ImdDomainKey; label: string; short: string };
const col = imdColumn;
const onAll = (levels: LevelId[], text: string) => Object.fromEntries(levels.map((l) => [l, text])) as Partial<Record<LevelId, string>>;
const isImd = (d: Domain) => d.key === 'imd';
const of = (d: Domain) => (isImd(d) ? 'the Index of Multiple Deprivation' : `the ${d.label} domain`);
const suffix = (e: Edition) => (e === 2019 ? ' 2019' : '');

const DECILE_ABOVE_LSOA = 'A national IMD decile belongs to one LSOA (deciles are never averaged). For larger areas use Core20 residents, the proportion of LSOAs in the most deprived 10 % or the rank of the average score.';
const NO_SCORES_2019 = 'IMD 2019 LSOA scores are not in the data (the 2019 files here hold ranks and deciles), so a 2019 average score exists only where MHCLG published one: local authorities. Use the average rank here.';
const LSOA21_2019 = 'IMD 2019 was published for 2011 LSOAs: this 2021 LSOA takes its 2011 LSOA\'s value (unchanged or split), or, where 2011 LSOAs were merged, their average rank weighted by mid-2015 residents and the national decile band of that average (ONS LSOA 2011→2021 lookup). Ranks are out of the 32,844 LSOAs of 2011.';

function score(e: Edition, d: Domain): Indicator | null {
  const id = `imd${e}.${d.key}.score`;
  const income = d.key === 'income' || d.key === 'employment';
  const common = {
    id, columns: { value: col(d.key, 'score'), rank: col(d.key, 'rank') }, unit: income ? 'proportion of residents' : 'score', kind: 'score' as const,
    polarity: 'higher-worse' as const, decimals: income ? 3 : 2, classification: 'quantile' as const, rankLabel: 'rank of the (average) score',
  };
  if (e === 2025) {
    return {
      ...editionBase(e, id, ['imd2025Lad24Summary', 'imd2025Icb24Summary']), ...common,
      label: `${d.label} (IMD 2025): score / average score`, short: `${d.short} score`,
      definition: `The ${of(d)} score of each LSOA; higher means more deprived. For a larger area, MHCLG's "average score": the average of its LSOAs' scores weighted by residents (official for local authorities and ICBs, derived by the atlas elsewhere).`,
      levels: {
        lsoa21: { kind: 'native' }, lad24: published(e, d.key, 'avg_score', 'avg_score_rank'), icb24: published(e, d.key, 'avg_score', 'avg_score_rank'),
        ward24: { kind: 'mean', column: col(d.key, 'score') }, sicbl24: { kind: 'mean', column: col(d.key, 'score') }, cal19: { kind: 'mean', column: col(d.key, 'score') },
      },
      methodNote: {
        lad24: officialNote(e, 'lad24', 'average score'), icb24: officialNote(e, 'icb24', 'average score'),
        ...Object.fromEntries((['ward24', 'sicbl24', 'cal19'] as LevelId[]).map((l) => [l, derivedNote(e, l, 'average of the LSOA scores')])),
      },
      unavailable: { lsoa11: NOT_ON_2011 },
    };
  }
  return {
    ...editionBase(e, id, ['imd2019Lad19Summary', 'imd2019Lad23Summary']), ...common, columns: { value: 'avg_score' },
    label: `${d.label} (IMD 2019): average score of local authorities`, short: `${d.short} average score 2019`, rankLabel: 'rank of average score among the 296 councils of 2024 (computed here)',
    definition: `MHCLG's IoD2019 "average score" of ${of(d)} for local authorities: the average of their LSOAs' scores weighted by mid-2015 residents; higher means more deprived. Official (File 10) for the 289 councils unchanged since 2019; for the 7 formed since, the humaniverse IMD R package's re-aggregation of MHCLG's LSOA scores (noted on each).`,
    levels: { lad24: published(e, d.key, 'avg_score') },
    methodNote: { lad24: 'Official MHCLG value (IoD2019 File 10) for the 289 councils unchanged since 2019; councils formed since carry a note. MHCLG ranked the 317 districts of 2019: the rank here is among the 296 councils of 2024, computed by the atlas.' },
    unavailable: { ...onAll(['lsoa21', 'lsoa11', 'ward24', 'sicbl24', 'icb24', 'cal19'], NO_SCORES_2019) },
  };
}

function rank(e: Edition, d: Domain): Indicator {
  const id = `imd${e}.${d.key}.rank`;
  const levels: Partial<Record<LevelId, LevelRule>> = e === 2025
    ? {
      lsoa21: { kind: 'native' }, lad24: published(e, d.key, 'avg_score_rank', 'avg_score_rank'), icb24: published(e, d.key, 'avg_score_rank', 'avg_score_rank'),
      ...Object.fromEntries((['ward24', 'sicbl24', 'cal19'] as LevelId[]).map((l) => [l, { kind: 'rank-of', indicator: `imd${e}.${d.key}.score` }])),
    }
    : { lsoa11: { kind: 'native' }, lsoa21: { kind: 'native', table: BRIDGE.table, rankOf: LSOAS[2019] }, lad24: { kind: 'rank-of', indicator: `imd2019.${d.key}.score` } };
  return {
    ...editionBase(e, id, e === 2025 ? ['imd2025Lad24Summary', 'imd2025Icb24Summary'] : ['imd2019Lad19Summary', 'imd2019Lad23Summary']), id,
    label: `${d.label} (IMD ${e}): rank, 1 = most deprived (${e === 2025 ? 'larger areas' : 'local authorities'}: rank of average score)`, short: `${d.short} rank (of average score)${suffix(e)}`,
    definition: `For an LSOA, MHCLG's national rank on ${of(d)} (1 = most deprived of ${LSOAS[e].toLocaleString('en-GB')} LSOAs). For a ${e === 2025 ? 'larger area' : 'local authority'}, the rank of its average score among areas of the same kind (MHCLG's "rank of average score"; not the same as the rank of average rank).`,
    columns: { value: col(d.key, 'rank'), rank: col(d.key, 'rank'), ...(e === 2019 ? { note: 'note' } : {}) }, unit: 'rank', kind: 'rank', polarity: 'lower-worse', decimals: 0, classification: 'decile', rankLabel: 'rank of the (average) score',
    levels,
    methodNote: e === 2025
      ? {
        lad24: officialNote(e, 'lad24', 'rank of average score'), icb24: officialNote(e, 'icb24', 'rank of average score'),
        ...Object.fromEntries((['ward24', 'sicbl24', 'cal19'] as LevelId[]).map((l) => [l, `Rank of the average score among ${amongAll(l)} (derived by the atlas; 1 = most deprived; tied areas share the better rank). Not an IMD rank of LSOAs.`])),
      }
      : { lsoa21: LSOA21_2019, lad24: 'Rank of the IoD2019 average score among the 296 councils of 2024 (computed by the atlas from MHCLG\'s average scores; MHCLG ranked the 317 districts of 2019).' },
    unavailable: e === 2025
      ? { lsoa11: NOT_ON_2011 }
      : onAll(['ward24', 'sicbl24', 'icb24', 'cal19'], 'Needs IMD 2019 LSOA scores, which are not in the data: use "rank of average rank" for this level.'),
  };
}

function decile(e: Edition, d: Domain): Indicator {
  const id = `imd${e}.${d.key}.decile`;
  return {
    ...editionBase(e, id), id,
    label: `${d.label} (IMD ${e}): national decile of the LSOA, 1 = most deprived 10 %`, short: `${d.short} decile of LSOA${suffix(e)}`,
    definition: `The LSOA's national decile on ${of(d)}: 1 = among the most deprived 10 % of LSOAs in England, 10 = the least deprived 10 %. Deciles 1–2 on the IMD are the NHS Core20.`,
    columns: { value: col(d.key, 'decile'), rank: col(d.key, 'rank'), ...(e === 2019 ? { note: 'note' } : {}) }, unit: 'decile', kind: 'decile', polarity: 'lower-worse', decimals: 0, classification: 'categorical',
    levels: e === 2025 ? { lsoa21: { kind: 'native' } } : { lsoa11: { kind: 'native' }, lsoa21: { kind: 'native', table: BRIDGE.table, rankOf: LSOAS[2019] } },
    methodNote: e === 2019 ? { lsoa21: LSOA21_2019 } : undefined,
    unavailable: { ...onAll(SUMMARY_LEVELS, DECILE_ABOVE_LSOA), ...(e === 2025 ? { lsoa11: NOT_ON_2011 } : {}) },
  };
}

/** Residents in LSOAs of national deciles 1…`atMost`: a percentage, or (Core20) the number. */
function residentsShare(e: Edition, d: Domain, atMost: 1 | 2, as?: 'residents'): Indicator {
  const core20 = isImd(d) && atMost === 2;
  const id = `imd${e}.${d.key}.${as ? 'core20count' : `share${atMost * 10}`}`;
  const what = `residents living in LSOAs in the most deprived ${atMost * 10} % nationally on ${of(d)}`;
  const lsoaLevels: LevelId[] = core20 ? (e === 2025 ? ['lsoa21'] : ['lsoa21', 'lsoa11']) : [];
  const rule = (l: LevelId): LevelRule => ({ kind: 'share', column: col(d.key, 'decile'), atMost, ...(as ? { as } : {}), ...(e === 2019 && l !== 'lsoa11' ? { base: BRIDGE } : {}) });
  const nhs = e === 2019 ? 'the edition of NHS England\'s published Core20 figures' : 'the newer edition; NHS England\'s published Core20 figures use IMD 2019';
  return {
    ...editionBase(e, id), id,
    label: core20 ? `Core20 (IMD ${e}): residents living in Core20 LSOAs (national IMD deciles 1–2)${as ? ', number' : ', %'}` : `${d.label} (IMD ${e}): ${what}, %`,
    short: core20 ? `Core20 residents${as ? '' : ' %'} (IMD ${e})` : `${d.short}: % residents in most deprived ${atMost * 10} %${suffix(e)}`,
    definition: core20
      ? `NHS England's Core20: the people living in the most deprived 20 % of LSOAs in England by the IMD (national deciles 1–2), here by IMD ${e} (${nhs}). For each area, the ${as ? 'number' : 'percentage'} of its residents who live in Core20 LSOAs${as ? '' : '; for a single LSOA, 100 % or 0 %'}. Not the area's own rank among areas like it.`
      : `Percentage of an area's ${what}. Derived by the atlas (MHCLG publishes the proportion of LSOAs, a different measure).`,
    columns: { value: col(d.key, 'decile') }, unit: as ? 'residents' : '%', kind: as ? 'count' : 'share', polarity: 'higher-worse', decimals: as ? 0 : 1, classification: as ? 'quantile' : 'equal',
    levels: { ...Object.fromEntries([...lsoaLevels, ...SUMMARY_LEVELS].map((l) => [l, rule(l)])) },
    methodNote: Object.fromEntries([...lsoaLevels, ...SUMMARY_LEVELS].map((l) => [l, `${as ? 'Number' : 'Share'} of ${l === 'lsoa11' ? 'mid-2015 residents (IoD2019 denominators)' : 'Census 2021 usual residents'} living in LSOAs in national IMD ${e} decile ${atMost === 1 ? '1' : '1–2'}${d.key === 'imd' ? '' : ` of ${of(d)}`}.${e === 2019 && l !== 'lsoa11' ? ` ${LSOA21_2019}` : ''}`])),
    unavailable: {
      ...(core20 ? {} : onAll(e === 2025 ? ['lsoa21'] : ['lsoa21', 'lsoa11'], 'A share of residents summarises several LSOAs; pick a ward or larger area (or see the LSOA\'s decile).')),
      ...(e === 2025 ? { lsoa11: NOT_ON_2011 } : {}),
    },
  };
}

export function lsoaMeasures(e: Edition, d: Domain): Indicator[] {
  return [
    score(e, d), rank(e, d), decile(e, d), residentsShare(e, d, 1), residentsShare(e, d, 2),
    ...(isImd(d) ? [residentsShare(e, d, 2, 'residents')] : []),
  ].filter((x): x is Indicator => x !== null);
}

