/** Plain-language method statements derived from an indicator's level rules (legend, detail, exports). */
import { LEVELS, type LevelId } from '../../geo/levels';
import { getIndicator } from '.';
import { rankMeaning } from './direction';
import type { Indicator } from './types';

function residents(ind: Indicator): string {
  return ind.nativeLevel === 'lsoa11' ? 'mid-2015 residents (IoD2019 denominators)' : 'Census 2021 usual residents';
}

export function methodText(ind: Indicator, level: LevelId): string {
  const rule = ind.levels[level];
  const here = LEVELS[level].label;
  const native = LEVELS[ind.nativeLevel].label;
  if (!rule) return ind.unavailable?.[level] ?? `Not available for ${here}.`;
  // The catalogue words the method itself where the rule kind alone would mislead (16+ weights,
  // county values, Sub-ICB areas split between alliances).
  const note = ind.methodNote?.[level];
  if (note) return note;
  switch (rule.kind) {
    case 'native':
      return `Published for ${native}; shown as published.`;
    case 'mean':
      return `${here} values: average of the ${native} values weighted by ${residents(ind)}.`;
    case 'sum':
      return `${here} values: sum of the ${native} counts.`;
    case 'ratio':
      return `${here} values: recomputed from summed numerators and denominators of the ${native} areas.`;
    case 'share':
      return `${here} values: ${rule.as === 'residents' ? 'number' : 'percentage'} of ${residents(ind)} living in ${native} areas in national decile ${rule.atMost === 1 ? '1' : `1–${rule.atMost}`}.`;
    case 'lsoa-share':
      return `${here} values: percentage of the area's LSOAs in national decile ${rule.atMost === 1 ? '1' : `1–${rule.atMost}`} (a count of LSOAs, not of residents).`;
    case 'average-rank':
    case 'extent':
    case 'local-concentration':
      return `${here} values: derived from the ${native} ranks by MHCLG's method, weighted by ${residents(ind)}.`;
    case 'published':
      return `${here} values: as published.`;
    case 'rank-of':
      return `Rank of each ${LEVELS[level].noun} among all ${here} areas in England by "${getIndicator(rule.indicator).short}" (${rankMeaning(getIndicator(rule.indicator))}; tied areas share the better rank).`;
    case 'decile-of':
      return `Decile of each ${LEVELS[level].noun} among all ${here} areas in England by "${getIndicator(rule.indicator).short}" (from the ranks; tied areas share a decile). Not a national IMD decile.`;
    case 'inherit':
      return `Measured for ${LEVELS[rule.from].label}: every ${LEVELS[level].noun} shows the value of the ${LEVELS[rule.from].noun} it lies in. This is not small-area data.`;
  }
}
