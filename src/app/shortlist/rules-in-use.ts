/**
 * Whether the overlap rule is in use, so the shortlist and its exports carry "Conditions met" and the
 * rule's columns only then: once the rules map has been shown, the rule edited away from the
 * default, or areas added by the rule. A default rule the user never touched is not their criterion.
 */
import { useEffect, useState } from 'react';
import { DEFAULT_COMBINE } from '../../state/combine-spec';
import type { ViewState } from '../../state/view-state';
import type { AreaCriteria } from './criteria';

export function rulesTouched(state: Pick<ViewState, 'mode' | 'combine'>): boolean {
  return state.mode === 'rules' || JSON.stringify(state.combine.rules) !== JSON.stringify(DEFAULT_COMBINE.rules);
}

/** Latches for the session: going back to the single-measure map keeps the rule's columns. */
export function useRulesInUse(state: Pick<ViewState, 'mode' | 'combine'>): { inUse: boolean; markUsed(): void } {
  const [used, setUsed] = useState(false);
  const touched = rulesTouched(state);
  useEffect(() => {
    if (touched) setUsed(true);
  }, [touched]);
  return { inUse: used || touched, markUsed: () => setUsed(true) };
}

/** The criteria the list shows and exports: without the rule while it is not in use. */
export function listedCriteria(c: AreaCriteria | null, rulesInUse: boolean): AreaCriteria | null {
  return c && !rulesInUse && c.rule ? { ...c, rule: null } : c;
}
