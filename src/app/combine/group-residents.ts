/**
 * For an overlap rule with an ethnic-group condition ("at least 30 % Black, Asian, Mixed or Other
 * ethnic groups"), the residents of that group in each cell of the count table, beside all residents:
 * how many people of the group the combination reaches. Counts are Census 2021 (TS021) residents of
 * the areas in the cell, summed like the table's residents.
 */
import { tallyRule } from '../../analysis/combine/rule-tally';
import { choiceLabel } from '../../data/catalogue/types';
import { findIndicator } from '../../data/catalogue';
import { CHOSEN_COUNT } from '../../data/catalogue/ethnicity-indicators';
import type { RuleSpec } from '../../state/combine-spec';
import type { AtlasContext } from '../atlas-context';
import { useAsync } from '../use-async';
import type { RuleModel } from './use-rules';

export interface GroupCount {
  label: string;
  /** Residents of the group per combination (keyed by the combination's bit mask). */
  byMask: Map<number, number>;
  /** Residents of the group in areas with a value for some condition missing. */
  incomplete: number;
}

/** The count measure paired with an ethnic-group share ("ethnicity.<group>.share" → "….count"). */
const countOf = (indicator: string): string | null => (/^ethnicity\.[a-z_]+\.share$/.test(indicator) ? indicator.replace(/\.share$/, '.count') : null);

export function useGroupResidents(ctx: AtlasContext, spec: RuleSpec, model: RuleModel | null, active: boolean): GroupCount[] {
  const wanted = spec.conditions.flatMap((c) => {
    const id = countOf(c.indicator);
    return id && findIndicator(id) ? [{ id, dims: c.dims }] : [];
  });
  const key = JSON.stringify(wanted);
  const loaded = useAsync(active && wanted.length && ctx.frame ? () => Promise.all(wanted.map((w) => ctx.valuesFor(w.id, w.dims))) : null, [active, key, ctx.frame]);
  if (!model || model.problem || !loaded.value || loaded.value.length !== wanted.length) return [];
  const met = model.conditions.map((c) => c.met);
  return loaded.value.flatMap((v, j) => {
    if (v.value.length !== model.tally.met.length) return [];
    const t = tallyRule(met, Float64Array.from(v.value, (x) => (Number.isFinite(x) ? x : 0)), ctx.mask);
    const ind = findIndicator(wanted[j].id)!;
    const own = ctx.state.ethnicGroups.find((g) => g.id === wanted[j].dims.group);
    const label = ind.id === CHOSEN_COUNT ? own?.label ?? choiceLabel(ind, wanted[j].dims) : ind.label.replace(/: number of residents \(Census 2021\)$/, '');
    return [{ label, byMask: new Map(t.combos.map((c) => [c.mask, c.residents])), incomplete: t.incomplete.residents }];
  });
}
