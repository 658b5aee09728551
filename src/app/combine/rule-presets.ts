/**
 * Common targeting rules. Core20 is NHS England's most deprived 20 % of areas nationally by IMD; at
 * the LSOA 2011 level it uses IMD 2019, elsewhere IMD 2025 (at coarser levels: the area's decile
 * among areas of that level). "High smoking" is adult smoking (APS) above England's value; "high
 * cancer" is age-standardised incidence in the highest fifth nationally.
 */
import type { LevelId } from '../../geo/levels';
import type { RuleCondition, RuleSpec } from '../../state/combine-spec';

export const RULE_PRESETS = [
  { id: 'core20', label: 'Core20' },
  { id: 'core20-smoking', label: 'Core20 + high smoking' },
  { id: 'core20-smoking-cancer', label: 'Core20 + high smoking + high cancer' },
] as const;

export type RulePresetId = (typeof RULE_PRESETS)[number]['id'];

export function presetRule(id: RulePresetId, level: LevelId, inFocus: boolean): RuleSpec {
  const core20: RuleCondition = { indicator: level === 'lsoa11' ? 'imd2019.imd.decile' : 'imd2025.imd.decile', dims: {}, test: { kind: 'worst-deciles', deciles: 2 } };
  const smoking: RuleCondition = { indicator: 'smoking.aps.current', dims: {}, test: { kind: 'worse-than-england' } };
  const cancer: RuleCondition = { indicator: 'cancer.incidence.dsr', dims: {}, test: { kind: 'worst-quintile' } };
  const conditions = id === 'core20' ? [core20] : id === 'core20-smoking' ? [core20, smoking] : [core20, smoking, cancer];
  return { conditions, inFocus };
}
