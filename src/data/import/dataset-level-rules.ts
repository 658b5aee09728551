/**
 * How a user's values, loaded for one level, are shown at every other level, with the sentence the
 * UI shows for each. Finer areas inherit the value of the area they lie in (when the areas table
 * records that parent); coarser and cross-cutting areas aggregate through LSOA 2021 by the value's
 * own rule (value-method.ts): a rate recomputed from summed numerators and denominators, a sum for
 * counts (split by residents where an area straddles two), or an average by the stated weight.
 */
import type { LevelExtension } from '../catalogue';
import type { Indicator, LevelRule } from '../catalogue/types';
import { isBuiltInLevel, LEVELS, levelIds, type BuiltInLevelId, type LevelId } from '../../geo/levels';

/** Parent codes each built-in level's rows carry in the areas table (as the pipeline writes it). */
const PARENTS: Record<BuiltInLevelId, readonly BuiltInLevelId[]> = {
  lsoa21: ['ward24', 'lad24', 'sicbl24', 'icb24', 'cal22', 'cal19'],
  ward24: ['lad24', 'sicbl24', 'icb24', 'cal22', 'cal19'],
  lad24: ['sicbl24', 'icb24', 'cal22', 'cal19'],
  sicbl24: ['icb24', 'cal22', 'cal19'],
  icb24: ['cal22', 'cal19'],
  cal22: ['cal19'],
  cal19: [],
  lsoa11: ['lad24', 'icb24'],
};

type AggregateRule = Extract<LevelRule, { kind: 'mean' | 'sum' | 'ratio' }>;

/** How a value's larger areas are computed, and the words for it. */
export type AggregateWords =
  | { kind: 'sum' }
  /** `weight`: null for Census 2021 residents, 'none' for an unweighted average, else what weighs ("the "list" column of your file"). */
  | { kind: 'mean'; weight: string | null; adults?: boolean }
  | { kind: 'ratio'; numerator: string; denominator: string; interval: string };

export interface AggregatePlan { rule: AggregateRule; words: AggregateWords }

export interface LevelPlan {
  rule: LevelRule | null;
  /** What the map shows at this level and how it was computed (or why nothing is shown). */
  note: string;
}

const label = (l: LevelId) => LEVELS[l].label;
const noun = (l: LevelId) => LEVELS[l].noun;

function aggregateNote(level: LevelId, native: LevelId, w: AggregateWords): string {
  const direct = LEVELS[native].base === native;
  const split = direct ? '' : `, each ${noun(native)}'s counts split by the share of its residents living in the ${noun(level)}`;
  switch (w.kind) {
    case 'sum':
      return `${label(level)}: sum of your ${label(native)} counts${split}. Areas your file covers only in part count the covered part only.`;
    case 'ratio':
      return `${label(level)}: rate recomputed from the sum of "${w.numerator}" over the sum of "${w.denominator}" of your ${label(native)} areas${split}, with a 95 % ${w.interval} interval. Areas your file covers only in part count the covered part only.`;
    case 'mean':
      if (w.weight === null) {
        return `${label(level)}: average of your ${label(native)} values weighted by Census 2021 residents${w.adults ? ' aged 16+' : ''}${direct ? '' : ` (each ${noun(native)} counts by the residents it shares with the ${noun(level)})`}. Residents in areas without a value are left out.`;
      }
      if (w.weight === 'none') return `${label(level)}: unweighted average of your ${label(native)} values: every row of your file with a value counts once, as you chose${direct ? '' : ` (a ${noun(native)} straddling two areas counts in each by its share of residents)`}. Areas without a value are left out.`;
      return `${label(level)}: average of your ${label(native)} values weighted by ${w.weight}${direct ? '' : ` (each ${noun(native)}'s weight split by the share of its residents living in the ${noun(level)})`}. Areas without a value are left out.`;
  }
}

/** The rule and sentence for one level, for values loaded for `native`. */
function planLevel(level: LevelId, native: LevelId, plan: AggregatePlan): LevelPlan {
  const agg = plan.rule;
  const nativeStack = LEVELS[native].stack;
  if (level === native) return { rule: { kind: 'native' }, note: `${label(level)}: your values as loaded, one per ${noun(level)}.` };
  if (nativeStack === '2011') {
    if (level === 'lad24' || level === 'icb24') return { rule: agg, note: aggregateNote(level, native, plan.words) };
    return { rule: null, note: `${label(level)}: not available. Your file uses LSOA 2011 codes, which can be summarised for local authorities and ICBs only.` };
  }
  const inherit = (): LevelPlan => ({
    rule: { kind: 'inherit', from: native },
    note: `${label(level)}: every ${noun(level)} shows the value of the ${noun(native)} it lies in (where it straddles two, the one most of its residents live in). This is not ${noun(level)}-level data.`,
  });
  if (level === 'lsoa11') {
    return isBuiltInLevel(native) && PARENTS.lsoa11.includes(native) ? inherit()
      : { rule: null, note: `${label(level)}: not available. LSOA 2011 areas are not matched to ${label(native)} areas; choose LSOA 2021 or a larger area.` };
  }
  if (!isBuiltInLevel(native)) {
    // a user's own boundaries: LSOAs take their area's value (best fit), everything else aggregates
    return level === 'lsoa21' ? inherit() : { rule: agg, note: aggregateNote(level, native, plan.words) };
  }
  if (isBuiltInLevel(level) && PARENTS[level].includes(native)) return inherit();
  return { rule: agg, note: aggregateNote(level, native, plan.words) };
}

/** Rules, method notes and reasons for every level registered now. */
export function datasetLevels(native: LevelId, plan: AggregatePlan): Pick<Indicator, 'levels' | 'methodNote' | 'unavailable'> {
  const levels: Indicator['levels'] = {};
  const methodNote: NonNullable<Indicator['methodNote']> = {};
  const unavailable: NonNullable<Indicator['unavailable']> = {};
  for (const level of levelIds()) {
    const p = planLevel(level, native, plan);
    if (p.rule) {
      levels[level] = p.rule;
      methodNote[level] = p.note;
    } else unavailable[level] = p.note;
  }
  return { levels, methodNote, unavailable };
}

const AGGREGATE_KINDS = new Set<LevelRule['kind']>(['mean', 'sum', 'ratio', 'share', 'rank-of', 'decile-of']);
/** Built-in levels whose rule usually aggregates LSOAs: the first such rule also fits a user level. */
const LIKE_A_USER_LEVEL: BuiltInLevelId[] = ['ward24', 'sicbl24', 'icb24', 'cal22', 'cal19', 'lad24'];

/**
 * How any indicator (built-in, or loaded earlier) is computed for a newly added user level: built-in
 * measures reuse the rule they use for wards or NHS areas (every such rule aggregates LSOAs, and
 * the user level is built from LSOAs); user measures aggregate by their own plan (`own`, from their
 * dataset: value-method.ts), as at their own coarser levels.
 */
export function ruleAtUserLevel(level: LevelId, ind: Indicator, own?: AggregatePlan): LevelExtension {
  const where = `${label(level)}`;
  if (LEVELS[ind.nativeLevel].stack !== '2021') {
    return { unavailable: `${where}: not available. ${ind.short} is published for LSOA 2011 areas, which are not matched to your boundaries.` };
  }
  const base = 'Your boundaries are built from LSOA 2021 areas: each LSOA counts in the area its centre lies in.';
  if (own) return { rule: own.rule, note: `${aggregateNote(level, ind.nativeLevel, own.words)} ${base}` };
  const rule = LIKE_A_USER_LEVEL.map((l) => ind.levels[l]).find((r) => r && AGGREGATE_KINDS.has(r.kind));
  if (!rule) return { unavailable: `${where}: not available; ${ind.short} cannot be summarised for other areas.` };
  switch (rule.kind) {
    case 'rank-of':
    case 'decile-of':
      return { rule, note: `${rule.kind === 'rank-of' ? 'Rank' : 'Decile'} of each area among your ${where} areas (1 = worst). ${base}` };
    case 'share':
      return { rule, note: `Share of each area's Census 2021 residents living in LSOAs in national decile ${rule.atMost === 1 ? '1' : `1–${rule.atMost}`}. ${base}` };
    case 'ratio':
      return { rule, note: `Recomputed from the summed numerators and denominators of the LSOAs in each area. ${base}` };
    case 'sum':
      return { rule, note: `${aggregateNote(level, ind.nativeLevel, { kind: 'sum' })} ${base}` };
    default:
      return { rule, note: `${aggregateNote(level, ind.nativeLevel, { kind: 'mean', weight: null, adults: rule.kind === 'mean' && rule.weight === 'population_16plus' })} ${base}` };
  }
}
