/**
 * Catalogue entries for the English Indices of Deprivation 2025 (LSOA 2021) and 2019 (LSOA 2011),
 * generated from the domain list so every domain behaves identically.
 */
import type { LevelId } from '../../geo/levels';
import { IMD_DOMAINS, imdColumn, type ImdDomainKey } from './imd-domains';
import type { Indicator, LevelRule } from './types';

const MHCLG = 'Ministry of Housing, Communities and Local Government (MHCLG)';
const OGL = 'Open Government Licence v3.0';
const AGG_2021: LevelId[] = ['ward24', 'lad24', 'sicbl24', 'icb24', 'cal19'];
const AGG_2011: LevelId[] = ['lad24', 'icb24'];

const NOT_ON_2011 = 'IMD 2025 is published for LSOA 2021 areas; switch to an LSOA 2021, ward, local authority, Sub-ICB, ICB or Cancer Alliance level.';
const NOT_ON_2021_LSOA = 'IMD 2019 is published for LSOA 2011 areas; switch to the LSOA 2011 level (or local authority / ICB for summaries).';
const NOT_ON_WARD_2019 = 'IMD 2019 cannot be summarised for 2024 wards: LSOA 2011 areas do not nest in them.';
const NOT_ON_NHS_2019 = 'IMD 2019 is summarised for local authorities and ICBs only: the LSOA 2011 areas it was published on are not assigned to 2024 Sub-ICB locations or 2019 Cancer Alliances here.';
const SHARE_AT_LSOA = 'A share of residents is a summary of several LSOAs; pick a ward, local authority or ICB level.';

const rules = (levels: LevelId[], rule: LevelRule) => Object.fromEntries(levels.map((l) => [l, rule])) as Partial<Record<LevelId, LevelRule>>;

function entry(base: Omit<Indicator, 'source' | 'group' | 'caveats' | 'period' | 'nativeLevel' | 'table'>, edition: 2025 | 2019): Indicator {
  return {
    ...base,
    group: `IMD ${edition}`,
    table: edition === 2025 ? 'imd2025' : 'imd2019',
    nativeLevel: edition === 2025 ? 'lsoa21' : 'lsoa11',
    period: edition === 2025 ? 'IoD2025 (published October 2025; most indicators 2022–23)' : 'IoD2019 (published September 2019; most indicators 2015–16)',
    source: {
      publisher: MHCLG, licence: OGL,
      dataset: edition === 2025 ? 'English Indices of Deprivation 2025' : 'English Indices of Deprivation 2019',
      sourceIds: edition === 2025 ? ['imd2025', 'census2021Population'] : ['imd2019', 'imd2019Population'],
    },
    caveats: [
      'Deprivation is relative: a rank says an area is more deprived than another, not by how much.',
      'Summaries for wards, local authorities, Sub-ICB locations, ICBs and Cancer Alliances are weighted by residents of their LSOAs '
        + (edition === 2025 ? '(Census 2021 usual residents).' : '(IoD2019 mid-2015 population denominators).'),
    ],
  };
}

function domainEntries2025(key: ImdDomainKey, label: string, short: string): Indicator[] {
  const id = (m: string) => `imd2025.${key}.${m}`;
  const scoreUnit = key === 'income' || key === 'employment' ? 'proportion of residents' : 'score';
  const notLsoa11 = { lsoa11: NOT_ON_2011 };
  return [
    entry({ id: id('score'), label: `${label}: score (IMD 2025)`, short: `${short} score`, columns: { value: imdColumn(key, 'score'), rank: imdColumn(key, 'rank') },
      definition: `The ${label} ${key === 'imd' ? '' : 'domain '}score for each LSOA; higher means more deprived. For a ward, local authority or ICB: the average of its LSOAs' scores weighted by residents.`,
      unit: scoreUnit, kind: 'score', polarity: 'higher-worse', decimals: key === 'income' || key === 'employment' ? 3 : 2,
      levels: { lsoa21: { kind: 'native' }, ...rules(AGG_2021, { kind: 'mean', column: imdColumn(key, 'score') }) }, unavailable: notLsoa11, classification: 'quantile' }, 2025),
    entry({ id: id('rank'), label: `${label}: rank (IMD 2025)`, short: `${short} rank`, columns: { value: imdColumn(key, 'rank') },
      definition: `Rank among areas of the same level in England, where 1 is the most deprived. LSOA ranks are MHCLG's (1 to 33,755); for larger areas, the rank of their resident-weighted average score.`,
      unit: 'rank', kind: 'rank', polarity: 'lower-worse', decimals: 0,
      levels: { lsoa21: { kind: 'native' }, ...rules(AGG_2021, { kind: 'rank-of', indicator: id('score') }) }, unavailable: notLsoa11, classification: 'decile' }, 2025),
    entry({ id: id('decile'), label: `${label}: decile (IMD 2025)`, short: `${short} decile`, columns: { value: imdColumn(key, 'decile'), rank: imdColumn(key, 'rank') },
      definition: `National decile, where 1 is the most deprived 10 %. For larger areas, the decile of their rank among areas of the same level.`,
      unit: 'decile', kind: 'decile', polarity: 'lower-worse', decimals: 0,
      levels: { lsoa21: { kind: 'native' }, ...rules(AGG_2021, { kind: 'decile-of', indicator: id('score') }) }, unavailable: notLsoa11, classification: 'categorical' }, 2025),
    entry({ id: id('share10'), label: `${label}: residents in the most deprived 10 % of LSOAs (IMD 2025)`, short: `${short}: % in most deprived 10 %`, columns: { value: imdColumn(key, 'decile') },
      definition: `Share of residents living in LSOAs in the most deprived 10 % nationally on the ${label}${key === 'imd' ? '' : ' domain'}.`,
      unit: '%', kind: 'share', polarity: 'higher-worse', decimals: 1,
      levels: rules(AGG_2021, { kind: 'share', column: imdColumn(key, 'decile'), atMost: 1 }), unavailable: { lsoa21: SHARE_AT_LSOA, ...notLsoa11 }, classification: 'equal' }, 2025),
    entry({ id: id('share20'), label: `${label}: residents in the most deprived 20 % of LSOAs (IMD 2025${key === 'imd' ? ', Core20' : ''})`, short: key === 'imd' ? 'Core20 residents %' : `${short}: % in most deprived 20 %`, columns: { value: imdColumn(key, 'decile') },
      definition: `Share of residents living in LSOAs in the most deprived 20 % nationally on the ${label}${key === 'imd' ? ' (the NHS "Core20" population)' : ' domain'}.`,
      unit: '%', kind: 'share', polarity: 'higher-worse', decimals: 1,
      levels: rules(AGG_2021, { kind: 'share', column: imdColumn(key, 'decile'), atMost: 2 }), unavailable: { lsoa21: SHARE_AT_LSOA, ...notLsoa11 }, classification: 'equal' }, 2025),
  ];
}

function domainEntries2019(key: ImdDomainKey, label: string, short: string): Indicator[] {
  const id = (m: string) => `imd2019.${key}.${m}`;
  const notHere = { lsoa21: NOT_ON_2021_LSOA, ward24: NOT_ON_WARD_2019, sicbl24: NOT_ON_NHS_2019, cal19: NOT_ON_NHS_2019 };
  return [
    entry({ id: id('rank'), label: `${label}: rank (IMD 2019)`, short: `${short} rank 2019`, columns: { value: imdColumn(key, 'rank') },
      definition: `Rank among areas of the same level in England, where 1 is the most deprived. LSOA ranks are MHCLG's (1 to 32,844); for larger areas, the rank of their resident-weighted average LSOA rank.`,
      unit: 'rank', kind: 'rank', polarity: 'lower-worse', decimals: 0,
      levels: { lsoa11: { kind: 'native' }, ...rules(AGG_2011, { kind: 'rank-of', indicator: id('avgrank') }) }, unavailable: notHere, classification: 'decile' }, 2019),
    entry({ id: id('avgrank'), label: `${label}: average LSOA rank (IMD 2019)`, short: `${short} average rank 2019`, columns: { value: imdColumn(key, 'rank') },
      definition: `Resident-weighted average of the national ranks of the area's LSOAs (MHCLG's "average rank" summary); lower means more deprived.`,
      unit: 'average rank', kind: 'rank', polarity: 'lower-worse', decimals: 0,
      levels: rules(AGG_2011, { kind: 'mean', column: imdColumn(key, 'rank') }), unavailable: { ...notHere, lsoa11: 'An average rank summarises several LSOAs; pick the local authority or ICB level.' }, classification: 'quantile' }, 2019),
    entry({ id: id('decile'), label: `${label}: decile (IMD 2019)`, short: `${short} decile 2019`, columns: { value: imdColumn(key, 'decile'), rank: imdColumn(key, 'rank') },
      definition: `National decile, where 1 is the most deprived 10 %. For larger areas, the decile of their rank among areas of the same level.`,
      unit: 'decile', kind: 'decile', polarity: 'lower-worse', decimals: 0,
      levels: { lsoa11: { kind: 'native' }, ...rules(AGG_2011, { kind: 'decile-of', indicator: id('avgrank') }) }, unavailable: notHere, classification: 'categorical' }, 2019),
    entry({ id: id('share10'), label: `${label}: residents in the most deprived 10 % of LSOAs (IMD 2019)`, short: `${short}: % in most deprived 10 % (2019)`, columns: { value: imdColumn(key, 'decile') },
      definition: `Share of residents (mid-2015) living in LSOAs in the most deprived 10 % nationally in IMD 2019.`,
      unit: '%', kind: 'share', polarity: 'higher-worse', decimals: 1,
      levels: rules(AGG_2011, { kind: 'share', column: imdColumn(key, 'decile'), atMost: 1 }), unavailable: { ...notHere, lsoa11: SHARE_AT_LSOA }, classification: 'equal' }, 2019),
    entry({ id: id('share20'), label: `${label}: residents in the most deprived 20 % of LSOAs (IMD 2019)`, short: key === 'imd' ? 'Core20 residents % (2019)' : `${short}: % in most deprived 20 % (2019)`, columns: { value: imdColumn(key, 'decile') },
      definition: `Share of residents (mid-2015) living in LSOAs in the most deprived 20 % nationally in IMD 2019.`,
      unit: '%', kind: 'share', polarity: 'higher-worse', decimals: 1,
      levels: rules(AGG_2011, { kind: 'share', column: imdColumn(key, 'decile'), atMost: 2 }), unavailable: { ...notHere, lsoa11: SHARE_AT_LSOA }, classification: 'equal' }, 2019),
  ];
}

export const IMD_INDICATORS: Indicator[] = [
  ...IMD_DOMAINS.flatMap((d) => domainEntries2025(d.key, d.label, d.short)),
  ...IMD_DOMAINS.flatMap((d) => domainEntries2019(d.key, d.label, d.short)),
];

/** What the 2019 raw files lack, said once for the picker and "About the data". */
export const IMD2019_MISSING_SCORES = 'IMD 2019 scores are not in the raw files (they carry ranks and deciles only), so 2019 maps show ranks, deciles and shares.';
