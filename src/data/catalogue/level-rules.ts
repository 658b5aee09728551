/** Shorthands for the level rules of indicators published for areas coarser than an LSOA. */
import type { LevelId } from '../../geo/levels';
import type { LevelRule } from './types';

export type LevelRules = Partial<Record<LevelId, LevelRule>>;

const rules = (levels: LevelId[], rule: LevelRule): LevelRules => Object.fromEntries(levels.map((l) => [l, rule]));

/** Native at `native`; finer levels inherit its value; coarser ones use `coarse`. */
export function areaIndicatorRules(native: LevelId, finer: LevelId[], coarser: LevelId[], coarse: LevelRule): LevelRules {
  return { [native]: { kind: 'native' }, ...rules(finer, { kind: 'inherit', from: native }), ...rules(coarser, coarse) };
}

export const OGL = 'Open Government Licence v3.0';
