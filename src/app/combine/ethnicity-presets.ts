/**
 * Core20PLUS targeting in one click: the Core20 condition of the "Core20" preset (whatever edition
 * and form it takes at this level), and "at least X % of residents from a group of ethnic groups".
 * The group is the user's first group; without one, NHS England's usual grouping of ethnic minority
 * communities ("Black, Asian, Mixed and Other ethnic groups") is defined on the way, and said.
 */
import { CHOSEN_SHARE } from '../../data/catalogue/ethnicity-indicators';
import type { LevelId } from '../../geo/levels';
import type { RuleSpec } from '../../state/combine-spec';
import { makeEthnicGroup, type EthnicGroupSpec } from '../../state/ethnic-groups-spec';
import { presetRule, RULE_PRESETS } from './rule-presets';

/** Default threshold, %: about half as much again as England's share of Black, Asian, Mixed and Other ethnic groups (19 %). */
const ETHNICITY_THRESHOLD = 30;

/** The grouping NHS England and ONS publications use for ethnic minority communities as a whole. */
export const MINORITY_GROUP = makeEthnicGroup('Black, Asian, Mixed and Other ethnic groups', ['asian', 'black', 'mixed', 'other'])!;

export const ETHNICITY_PRESET_ID = 'core20-ethnicity';

/** The group the preset uses: the user's first, or the usual minority grouping. */
const presetGroup = (groups: readonly EthnicGroupSpec[]): EthnicGroupSpec => groups[0] ?? MINORITY_GROUP;

export function ethnicityPresetLabel(groups: readonly EthnicGroupSpec[]): string {
  return `${RULE_PRESETS.find((p) => p.id === 'core20')!.label} + at least ${ETHNICITY_THRESHOLD} % of residents in ${presetGroup(groups).label}`;
}

export const ETHNICITY_PRESET_HINT = `The ethnic-group preset adds "at least ${ETHNICITY_THRESHOLD} % of residents (Census 2021) in" your first group of ethnic groups, or defines "${MINORITY_GROUP.label}" if you have none; residents of the group are counted in every cell of the table.`;

export function ethnicityPreset(level: LevelId, inFocus: boolean, groups: readonly EthnicGroupSpec[]): { rule: RuleSpec; groups: EthnicGroupSpec[] } {
  const g = presetGroup(groups);
  const [core20] = presetRule('core20', level, inFocus).conditions;
  return {
    rule: { conditions: [core20, { indicator: CHOSEN_SHARE, dims: { group: g.id }, test: { kind: 'at-least', value: ETHNICITY_THRESHOLD } }], inFocus },
    groups: groups.some((x) => x.id === g.id) ? [...groups] : [...groups, g],
  };
}
