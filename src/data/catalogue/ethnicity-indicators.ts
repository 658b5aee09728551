/**
 * Ethnic group (Census 2021, table TS021, LSOA 2021): for each of the 5 high-level and 19 detailed
 * groups, the number of residents and their share of all usual residents, named as ONS names them.
 * Shares are always summed counts over the summed total (TS021's own), at LSOAs and every larger
 * area alike, including a user's own boundaries. A census count has no sampling error, so there is
 * no confidence interval; ONS's cell-key perturbation is said in the caveats instead.
 */
import type { LevelId } from '../../geo/levels';
import { ETHNIC_GROUPS, ethnicGroupName, type EthnicGroupClass } from '../../state/ethnic-classification';
import { OGL } from './level-rules';
import type { Indicator, LevelRule } from './types';

export const ETHNICITY_GROUP_TITLE = 'Ethnic group (Census 2021)';
const LEVELS_2021: LevelId[] = ['lsoa21', 'ward24', 'lad24', 'sicbl24', 'icb24', 'cal22', 'cal19'];
const NOT_2011 = 'Census 2021 ethnic group is published for LSOA 2021 areas: pick LSOA 2021 or a larger area.';

const ETHNICITY_SOURCE = {
  publisher: 'Office for National Statistics (ONS), Census 2021', licence: OGL,
  dataset: 'Census 2021 table TS021 Ethnic group, LSOA 2021 (Nomis bulk download)', sourceIds: ['ethnicityTs021'],
};

const ETHNICITY_CAVEATS = [
  'A census count, not a survey estimate: it has no sampling error and no confidence interval, so no area is called significantly different from England. ONS adds small changes to the counts of every Census table (cell-key perturbation) to protect confidentiality: small areas may be off by a few people, and totals differ slightly between tables (England: 56,490,108 in this table, 56,489,608 in the age table). Shares use this table\'s own total.',
  'Ethnic group as recorded on Census day, 21 March 2021, by the person or a member of their household.',
  'Context, not a risk in itself: the map shows where people of each group live. Which groups experience poorer access or outcomes locally, and so are a PLUS group in NHS England\'s Core20PLUS5, is a local judgement.',
  'Small groups (for example Roma, or Gypsy or Irish Traveller) have few residents in most LSOAs, so their shares there rest on a handful of people.',
];

const rules = (rule: LevelRule): Partial<Record<LevelId, LevelRule>> => Object.fromEntries(LEVELS_2021.map((l) => [l, rule]));

function shareNotes(what: string): Partial<Record<LevelId, string>> {
  const summed = `${what} ÷ all usual residents (TS021's own total), both summed over the area's LSOAs.`;
  return { ...Object.fromEntries(LEVELS_2021.map((l) => [l, summed])), lsoa21: `${what} ÷ the LSOA's usual residents (TS021's own total).` };
}

function entries(g: EthnicGroupClass): Indicator[] {
  const name = ethnicGroupName(g);
  const what = `Residents of the "${name}" group${g.broad ? '' : ' (all its detailed groups)'}`;
  const base = {
    group: ETHNICITY_GROUP_TITLE, source: ETHNICITY_SOURCE, table: 'ethnicity', nativeLevel: 'lsoa21' as const,
    polarity: 'neutral' as const, period: 'Census 2021 (21 March 2021)', unavailable: { lsoa11: NOT_2011 }, classification: 'quantile' as const, caveats: ETHNICITY_CAVEATS,
  };
  return [
    {
      ...base, id: `ethnicity.${g.key}.share`, label: `${name}: % of residents (Census 2021)`, short: `${g.short} residents %`,
      definition: `Percentage of usual residents whose ethnic group is "${name}"${g.broad ? '' : ', including all of its detailed groups'}, out of all usual residents in the same Census 2021 table (TS021).`,
      columns: { value: `${g.key}_pct`, numerator: g.key, denominator: 'total' }, unit: '%', kind: 'percent', decimals: 1,
      levels: rules({ kind: 'ratio', numerator: g.key, denominator: 'total', multiplier: 100 }), methodNote: shareNotes(what),
    },
    {
      ...base, id: `ethnicity.${g.key}.count`, label: `${name}: number of residents (Census 2021)`, short: `${g.short} residents`,
      definition: `Number of usual residents whose ethnic group is "${name}"${g.broad ? '' : ', including all of its detailed groups'} (Census 2021, TS021).`,
      columns: { value: g.key, numerator: g.key }, unit: 'residents', kind: 'count', decimals: 0,
      levels: { ...rules({ kind: 'sum', column: g.key }), lsoa21: { kind: 'native' } },
      methodNote: Object.fromEntries(LEVELS_2021.filter((l) => l !== 'lsoa21').map((l) => [l, `${what}, summed over the area's LSOAs.`])),
    },
  ];
}

/** Ids of the two measures of the user's own groups of groups (ethnic-group-choices.ts fills them in). */
export const CHOSEN_SHARE = 'ethnicity.chosen.share';
export const CHOSEN_COUNT = 'ethnicity.chosen.count';
/** The run-time table of the user's groups: code, grp (group id), count, total, share. */
export const CHOSEN_TABLE = 'ethnicity_chosen';
const NO_GROUPS_YET = 'Define a group of ethnic groups first (Map tab, "Groups of ethnic groups"); it can then be used everywhere a measure is chosen.';

const chosen = (id: string, label: string, short: string, count: boolean): Indicator => ({
  id, label, short, group: ETHNICITY_GROUP_TITLE, source: ETHNICITY_SOURCE, table: CHOSEN_TABLE, nativeLevel: 'lsoa21',
  definition: count
    ? 'Number of usual residents in the groups you put together (Census 2021, TS021): the members\' residents added up; a high-level group replaces its own detailed groups, so nobody is counted twice.'
    : 'Percentage of usual residents in the groups you put together (Census 2021, TS021): their residents added up, out of all usual residents in the same table.',
  columns: count ? { value: 'count', numerator: 'count' } : { value: 'share', numerator: 'count', denominator: 'total' },
  unit: count ? 'residents' : '%', kind: count ? 'count' : 'percent', polarity: 'neutral', decimals: count ? 0 : 1,
  period: 'Census 2021 (21 March 2021)',
  dimensions: [{ key: 'group', label: 'Your group', column: 'grp', values: [], defaultValue: '', alwaysLabel: true }],
  levels: {}, unavailable: Object.fromEntries([...LEVELS_2021, 'lsoa11'].map((l) => [l, NO_GROUPS_YET])),
  classification: 'quantile', caveats: ETHNICITY_CAVEATS,
});

/** Rules for the user's groups once any exist: the same as every built-in group's. */
export function chosenGroupLevels(count: boolean): Pick<Indicator, 'levels' | 'methodNote' | 'unavailable'> {
  const what = 'Residents of the groups you chose';
  return count
    ? { levels: { ...rules({ kind: 'sum', column: 'count' }), lsoa21: { kind: 'native' } }, methodNote: Object.fromEntries(LEVELS_2021.filter((l) => l !== 'lsoa21').map((l) => [l, `${what}, summed over the area's LSOAs.`])), unavailable: { lsoa11: NOT_2011 } }
    : { levels: rules({ kind: 'ratio', numerator: 'count', denominator: 'total', multiplier: 100 }), methodNote: shareNotes(what), unavailable: { lsoa11: NOT_2011 } };
}

export const ETHNICITY_INDICATORS: Indicator[] = [
  ...ETHNIC_GROUPS.flatMap(entries),
  chosen(CHOSEN_SHARE, 'Your group of ethnic groups: % of residents (Census 2021)', 'Your group: residents %', false),
  chosen(CHOSEN_COUNT, 'Your group of ethnic groups: number of residents (Census 2021)', 'Your group: residents', true),
];
