/**
 * Common targeting rules. Core20 is NHS England's most deprived 20 % of the population: residents of
 * LSOAs in national IMD deciles 1–2. Presets use IMD 2019, the edition of NHS England's published
 * Core20 figures ("Core20 (IMD 2025)" uses the newer one). An LSOA is Core20 when its own national
 * decile is 1–2; a larger area when at least half of its residents live in Core20 LSOAs (never by the
 * area's decile among areas of its level). "High smoking" is adult smoking (APS) above England's
 * value: no significance is claimed (most APS years have no intervals here). "High cancer" is lung
 * cancer incidence 2015–2019, age-standardised, in the highest fifth nationally.
 */
import type { LevelId } from '../../geo/levels';
import { TARGETING_CANCER_DIMS, type RuleCondition, type RuleSpec } from '../../state/combine-spec';

export const RULE_PRESETS = [
  { id: 'core20', label: 'Core20 (IMD 2019)' },
  { id: 'core20-2025', label: 'Core20 (IMD 2025)' },
  { id: 'core20-smoking', label: 'Core20 (IMD 2019) + smoking above England' },
  { id: 'core20-smoking-cancer', label: 'Core20 (IMD 2019) + smoking above England + high lung cancer' },
] as const;

export type RulePresetId = (typeof RULE_PRESETS)[number]['id'];

/** Residents at least this share (%) in Core20 LSOAs make a larger area Core20. */
const CORE20_MAJORITY = 50;

function core20Condition(level: LevelId, edition: 2019 | 2025): RuleCondition {
  if (level === 'lsoa11' || level === 'lsoa21') return { indicator: `imd${edition}.imd.decile`, dims: {}, test: { kind: 'worst-deciles', deciles: 2 } };
  return { indicator: `imd${edition}.imd.share20`, dims: {}, test: { kind: 'at-least', value: CORE20_MAJORITY } };
}

export function presetRule(id: RulePresetId, level: LevelId, inFocus: boolean): RuleSpec {
  const core20 = core20Condition(level, id === 'core20-2025' ? 2025 : 2019);
  const smoking: RuleCondition = { indicator: 'smoking.aps.current', dims: {}, test: { kind: 'worse-than-england' } };
  const cancer: RuleCondition = { indicator: 'cancer.incidence.dsr', dims: { ...TARGETING_CANCER_DIMS }, test: { kind: 'worst-quintile' } };
  const conditions = id === 'core20' || id === 'core20-2025' ? [core20] : id === 'core20-smoking' ? [core20, smoking] : [core20, smoking, cancer];
  return { conditions, inFocus };
}
