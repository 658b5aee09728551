/**
 * How every measure that says nothing of the Cancer Alliances of NHS England's 2022 mapping is
 * computed for them: the way it is computed for the 2019 alliances, or else for ICBs, when that way
 * aggregates LSOA 2021 rows (an average, sum, ratio, share, rank or decile): those work for any level
 * built from LSOA 2021, and Sub-ICB locations and ICBs nest exactly in the 2022 alliances. Method
 * notes come from the ICB level, with "ICB" read as "Cancer Alliance" (the 2019 notes speak of
 * Sub-ICB locations split between alliances, which the 2022 mapping does not have). Measures with no
 * such rule (published for LSOA 2011, or only natively) are unavailable, saying why.
 */
import { LEVELS } from '../../geo/levels';
import type { Indicator, LevelRule } from './types';

/** Rule kinds computed from LSOA rows (including MHCLG's summary measures, derived by MHCLG's method). */
const AGGREGATES = new Set<string>(['mean', 'sum', 'ratio', 'share', 'rank-of', 'decile-of', 'lsoa-share', 'average-rank', 'extent', 'local-concentration']);

/** A publisher's own summary cannot move to other areas; the rule it falls back on can. */
const unwrap = (rule: LevelRule | undefined): LevelRule | undefined => (rule as { otherwise?: LevelRule } | undefined)?.otherwise ?? rule;

/** An LSOA aggregate on the 2021 stack, usable as is at another level built from LSOA 2021. */
function portable(ind: Indicator, rule: LevelRule | undefined): rule is LevelRule {
  if (!rule || !AGGREGATES.has(rule.kind)) return false;
  // Rules that read another table of LSOA rows say which base level it is on.
  const base = (rule as { base?: { level: string } }).base?.level ?? LEVELS[ind.nativeLevel].base;
  return base === 'lsoa21';
}

export function withCancerAlliance2022(ind: Indicator): Indicator {
  if (ind.levels.cal22 || ind.unavailable?.cal22) return ind;
  const rule = [ind.levels.cal19, ind.levels.icb24].map(unwrap).find((r) => portable(ind, r));
  if (!rule) {
    const why = ind.unavailable?.cal19 ?? ind.unavailable?.icb24;
    return { ...ind, unavailable: { ...ind.unavailable, cal22: `${ind.short} is not available for the 2022 Cancer Alliances${why ? `: ${why}` : '.'}` } };
  }
  // The ICB level's wording fits only when the ICB level computes the value the same way.
  const same = JSON.stringify(ind.levels.icb24) === JSON.stringify(rule);
  const note = same ? ind.methodNote?.icb24?.replace(/(?<!Sub-)\bICB\b/g, 'Cancer Alliance') : undefined;
  return { ...ind, levels: { ...ind.levels, cal22: rule }, methodNote: note ? { ...ind.methodNote, cal22: note } : ind.methodNote };
}
