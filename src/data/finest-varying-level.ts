/**
 * Where each input of a composite or rule is really measured, from the catalogue: an input
 * inherited at a level (ward smoking = its council's value) cannot tell the areas of that level
 * apart within one source area. The finest level at which no input is inherited is where the
 * combination compares like with like.
 */
import type { LevelId } from '../geo/levels';
import { isAvailable } from './catalogue';
import { inheritedAt } from './catalogue/inherited';
import type { Indicator } from './catalogue/types';

/** Built-in levels from finest to coarsest (the two LSOA vintages are equally fine). */
const FINE_TO_COARSE: LevelId[] = ['lsoa11', 'lsoa21', 'ward24', 'lad24', 'sicbl24', 'icb24', 'cal19'];

/**
 * The finest level at or above `level` where every indicator is available and none is inherited;
 * null when there is none (or for levels outside the built-in list, such as a user's boundaries).
 */
export function finestVaryingLevel(indicators: readonly Indicator[], level: LevelId): LevelId | null {
  const from = FINE_TO_COARSE.indexOf(level);
  if (from < 0) return null;
  return FINE_TO_COARSE.slice(from).find((l) => indicators.every((ind) => isAvailable(ind, l) && !inheritedAt(ind, l))) ?? null;
}
