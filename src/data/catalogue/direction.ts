/**
 * A measure's direction in words and in order, from its polarity: which end is worse, or none for a
 * neutral context measure. Legends, tooltips, ranks, rules, the composite, hotspots and exports all
 * word direction through these, so a context measure is never called better or worse anywhere.
 */
import type { RiskDirection } from '../../state/combine-spec';
import type { Indicator } from './types';

export const isNeutral = (ind: Pick<Indicator, 'polarity'>) => ind.polarity === 'neutral';

const isImd = (ind: Pick<Indicator, 'group'>) => ind.group.startsWith('IMD');

/**
 * +1 when higher values are worse, −1 when lower are; a neutral measure orders highest first (+1)
 * but callers must not call that end worse.
 */
export const worseSign = (ind: Pick<Indicator, 'polarity'>): 1 | -1 => (ind.polarity === 'lower-worse' ? -1 : 1);

/** SQL sort order that puts rank 1 first: the worse end, or the highest value for a neutral measure. */
export const rankOrder = (ind: Pick<Indicator, 'polarity'>): 'ASC' | 'DESC' => (ind.polarity === 'lower-worse' ? 'ASC' : 'DESC');

/** The palette's dark end goes on the high values unless lower is worse. */
export const darkIsHigh = (ind: Pick<Indicator, 'polarity'>) => ind.polarity !== 'lower-worse';

/** "Higher is worse (more deprived)", "Lower is worse", "Neutral context: …", for definitions and exports. */
export function directionText(ind: Pick<Indicator, 'polarity' | 'group'>): string {
  if (ind.polarity === 'neutral') return 'Neutral context: neither a higher nor a lower value is better or worse';
  const end = ind.polarity === 'higher-worse' ? 'Higher' : 'Lower';
  return isImd(ind) ? `${end} is more deprived` : `${end} is worse`;
}

/** The legend's "Darkest: …" words. */
export function darkEndText(ind: Pick<Indicator, 'polarity' | 'group'>): string {
  if (ind.polarity === 'neutral') return 'highest values (a context measure: not better or worse)';
  const end = ind.polarity === 'higher-worse' ? 'highest' : 'lowest';
  return `${end} values (${isImd(ind) ? 'most deprived' : 'worst'})`;
}

/** What rank 1 is: "1 = most deprived", "1 = worst (highest)", "1 = highest". */
export function rankMeaning(ind: Pick<Indicator, 'polarity' | 'group' | 'rankLabel'>): string {
  const one = ind.polarity === 'neutral' ? '1 = highest' : isImd(ind) ? '1 = most deprived' : `1 = worst (${ind.polarity === 'higher-worse' ? 'highest' : 'lowest'})`;
  return ind.rankLabel ? `${ind.rankLabel}, ${one}` : one;
}

/** The composite index's starting direction for a newly picked measure: none for a context measure. */
export function defaultRiskDirection(ind: Pick<Indicator, 'polarity'> | undefined): RiskDirection {
  if (!ind) return 'higher';
  return ind.polarity === 'neutral' ? 'unset' : ind.polarity === 'lower-worse' ? 'lower' : 'higher';
}

/** Words for "the worse end" in rule tests and bivariate axes: "most deprived", "highest", "lowest". */
export function worstWords(ind: Pick<Indicator, 'polarity' | 'group'>): string {
  if (isImd(ind) && ind.polarity !== 'neutral') return 'most deprived';
  return ind.polarity === 'lower-worse' ? 'lowest' : 'highest';
}

/** "above" or "below" England for the worse side; a context measure is compared as "above". */
export const worseSide = (ind: Pick<Indicator, 'polarity'>) => (ind.polarity === 'lower-worse' ? 'below' : 'above');
