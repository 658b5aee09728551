/**
 * What a hotspot statistic can be run on: any catalogue indicator (with its options), or a variable
 * another feature registers, such as the composite risk index of issue 4:
 *
 *   import { registerHotspotVariable } from './hotspots/hotspot-variables';
 *   useEffect(() => registerHotspotVariable({
 *     id: 'composite', label: 'Composite risk index', key: indexDefinitionKey,
 *     load: () => Promise.resolve({ value: indexValuesAlignedWithFrameAreas }),
 *   }), [indexDefinitionKey]);            // returns the unregister function, so the effect cleans up
 *
 * A registered variable appears in the Hotspots tab's pickers under "Derived"; `key` must change
 * whenever its values change (a weight moved), so results computed on old values are never reused.
 */
import { useSyncExternalStore } from 'react';
import { findIndicator, isAvailable } from '../../data/catalogue';
import { dimensionValues, type Polarity, type ValueKind } from '../../data/catalogue/types';
import { LEVELS, type LevelId } from '../../geo/levels';
import type { HotspotVariable } from '../../state/hotspot-spec';
import type { AtlasContext } from '../atlas-context';

export interface HotspotVariableSource {
  id: string;
  label: string;
  /** Changes whenever the values would change. */
  key: string;
  /** Values aligned with `ctx.frame.areas` (NaN where missing); reject with a sentence when unavailable. */
  load(ctx: AtlasContext): Promise<{ value: Float64Array }>;
}

export interface LoadedVariable {
  /** Identifies these exact values (variable, options, level, definition). */
  key: string;
  value: Float64Array;
  label: string;
  short: string;
  decimals: number;
  unit: string;
  /** Catalogue kind ('count' warns); null for registered variables. */
  kind: ValueKind | null;
  /** The coarser area whose value each area repeats, when the level has no values of its own. */
  inheritedFrom: string | null;
  /** Which end is worse (catalogue measures only): hot and cold spots are worded from it. */
  polarity?: Polarity | null;
}

const registered = new Map<string, HotspotVariableSource>();
const listeners = new Set<() => void>();
let snapshot: HotspotVariableSource[] = [];
const changed = () => {
  snapshot = [...registered.values()];
  listeners.forEach((l) => l());
};

export function registerHotspotVariable(source: HotspotVariableSource): () => void {
  registered.set(source.id, source);
  changed();
  return () => {
    if (registered.get(source.id) !== source) return;
    registered.delete(source.id);
    changed();
  };
}

export function useRegisteredVariables(): HotspotVariableSource[] {
  return useSyncExternalStore((l) => (listeners.add(l), () => listeners.delete(l)), () => snapshot);
}

/** A string that changes whenever the variable's values would (null while it cannot be loaded). */
export function variableKey(ctx: AtlasContext, v: HotspotVariable): string {
  const src = registered.get(v.id);
  if (src) return `${ctx.state.level}|reg:${v.id}|${src.key}`;
  const ind = findIndicator(v.id);
  return `${ctx.state.level}|${v.id}|${ind ? JSON.stringify(dimensionValues(ind, v.dims)) : ''}`;
}

/** What is known about a variable before loading it (null: unknown id). */
export function variableFacts(v: HotspotVariable, level: LevelId): Omit<LoadedVariable, 'key' | 'value'> | null {
  const src = registered.get(v.id);
  if (src) return { label: src.label, short: src.label, decimals: 3, unit: '', kind: null, inheritedFrom: null };
  const ind = findIndicator(v.id);
  if (!ind) return null;
  const rule = ind.levels[level];
  return {
    label: ind.label, short: ind.short, decimals: ind.decimals, unit: ind.unit, kind: ind.kind,
    inheritedFrom: rule?.kind === 'inherit' ? LEVELS[rule.from].noun : null, polarity: ind.polarity,
  };
}

export async function loadHotspotVariable(ctx: AtlasContext, v: HotspotVariable): Promise<LoadedVariable> {
  const level = ctx.state.level;
  const key = variableKey(ctx, v);
  const facts = variableFacts(v, level);
  if (!facts) throw new Error(`The variable "${v.id}" is not in this atlas (perhaps it was added by another feature that is not loaded). Choose another variable.`);
  const src = registered.get(v.id);
  if (src) return { ...facts, key, value: (await src.load(ctx)).value };
  const ind = findIndicator(v.id)!;
  if (!isAvailable(ind, level)) throw new Error(`${ind.short} is not available for ${LEVELS[level].label}. ${ind.unavailable?.[level] ?? ''} Choose another variable or level.`.replace(/\s+/g, ' '));
  const values = await ctx.valuesFor(v.id, dimensionValues(ind, v.dims));
  return { ...facts, key, value: values.value };
}

/** Sentences a user should read before trusting the map: raw counts, values repeated from larger areas. */
export function variableWarnings(v: Pick<LoadedVariable, 'short' | 'kind' | 'inheritedFrom' | 'polarity'>, role: string): string[] {
  const out: string[] = [];
  if (v.kind === 'count') {
    out.push(`${role}${v.short} is a raw count, not a rate: clusters of counts mostly show where many people live. Test a rate (e.g. per 100,000) instead.`);
  }
  if (v.inheritedFrom) {
    out.push(`${role}${v.short} is not published for areas this small: each repeats its ${v.inheritedFrom}'s value, so clusters follow ${v.inheritedFrom} boundaries. Test at ${v.inheritedFrom} level for a fairer picture.`);
  }
  if (v.polarity === 'neutral') out.push(`${role}${v.short} is a context measure: a hot spot marks high values, which are neither better nor worse.`);
  if (v.polarity === 'lower-worse') out.push(`${role}for ${v.short} lower values are worse: the places of concern are cold spots (Low–Low), not hot spots.`);
  return out;
}
