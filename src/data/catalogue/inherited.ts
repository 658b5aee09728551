/**
 * Where a measure's values at a level are not the areas' own but repeated from a larger area
 * (smoking for councils, cancer incidence for Sub-ICB locations): for legends, rules, the composite
 * and exports, so any view that mixes small-area and repeated values says so.
 *
 *   inheritedAt(getIndicator('smoking.aps.current'), 'ward24')   // → 'lad24'
 *   inheritedAt(getIndicator('imd2025.imd.score'), 'ward24')     // → null
 *   mixedLevelsNote([imd, smoking, cancer], 'lsoa21')            // one sentence, or null
 */
import { LEVELS, type LevelId } from '../../geo/levels';
import type { Indicator } from './types';

/** The coarser level whose value every area of `level` shows, or null when the values are the areas' own. */
export function inheritedAt(ind: Indicator, level: LevelId): LevelId | null {
  const rule = ind.levels[level];
  return rule?.kind === 'inherit' ? rule.from : null;
}

const plural = (noun: string) => (noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`);

/**
 * A sentence naming the inputs measured for larger areas, when some inputs vary by area and some are
 * repeated (or when all are repeated); null when every input is the areas' own.
 */
export function mixedLevelsNote(inds: readonly Indicator[], level: LevelId): string | null {
  const repeated = inds.flatMap((ind) => {
    const from = inheritedAt(ind, level);
    return from ? [`${ind.short} is measured for ${plural(LEVELS[from].noun)}`] : [];
  });
  if (!repeated.length) return null;
  const noun = LEVELS[level].noun;
  const own = inds.length > repeated.length ? `, while the other measures vary from one ${noun} to the next` : '';
  return `Mixed geographies: ${repeated.join('; ')}; every ${noun} inside one takes that area's value${own}, so results can jump at their borders.`;
}
