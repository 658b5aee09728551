/** The catalogue: one list of indicators and lookups over it. */
import type { LevelId } from '../../geo/levels';
import type { EthnicGroupSpec } from '../../state/ethnic-groups-spec';
import { CANCER_INDICATORS } from './cancer-indicators';
import { withCancerAlliance2022 } from './cancer-alliance-2022';
import { withEthnicGroups } from './ethnic-group-choices';
import { IMD_INDICATORS } from './imd-indicators';
import { PLUS_INDICATORS } from './plus-indicators';
import { SMOKING_INDICATORS } from './smoking-indicators';
import type { Indicator, LevelRule } from './types';

const ALL: Indicator[] = [...IMD_INDICATORS, ...SMOKING_INDICATORS, ...CANCER_INDICATORS, ...PLUS_INDICATORS].map(withCancerAlliance2022);
const BY_ID = new Map(ALL.map((i) => [i.id, i]));

/** Built-in indicators, then those loaded from the user's files (group "Your data"). */
export function allIndicators(): readonly Indicator[] {
  return [...effective.values()];
}

export function findIndicator(id: string): Indicator | undefined {
  return effective.get(id);
}

export function getIndicator(id: string): Indicator {
  const ind = findIndicator(id);
  if (!ind) throw new Error(`unknown indicator "${id}"`);
  return ind;
}

export function isAvailable(ind: Indicator, level: LevelId): boolean {
  return ind.levels[level] !== undefined;
}

export function indicatorsAt(level: LevelId): Indicator[] {
  return allIndicators().filter((i) => isAvailable(i, level));
}

/** Indicators built from the user's own files at run time (registered by the import flow). */
const userIndicators = new Map<string, Indicator>();

export function registerUserIndicator(ind: Indicator): void {
  if (BY_ID.has(ind.id)) throw new Error(`indicator id "${ind.id}" is already used by a built-in indicator`);
  userIndicators.set(ind.id, ind);
  rebuild();
}

export function unregisterUserIndicator(id: string): void {
  if (userIndicators.delete(id)) rebuild();
}

/**
 * How an indicator is computed at a level added at run time (a user's boundaries): a rule and its
 * method note, or why it is not available there.
 */
export type LevelExtension = { rule: LevelRule; note: string } | { unavailable: string };

/**
 * Rules for levels registered at run time. They are applied to copies of the entries, so the
 * catalogue's own objects never change and removing the level restores them exactly.
 */
const extensions = new Map<LevelId, (ind: Indicator) => LevelExtension | null>();

export function extendLevel(level: LevelId, ruleFor: (ind: Indicator) => LevelExtension | null): void {
  extensions.set(level, ruleFor);
  rebuild();
}

export function removeLevelExtension(level: LevelId): void {
  if (extensions.delete(level)) rebuild();
}

function extend(ind: Indicator): Indicator {
  if (!extensions.size) return ind;
  const out: Indicator = { ...ind, levels: { ...ind.levels }, methodNote: { ...ind.methodNote }, unavailable: { ...ind.unavailable } };
  for (const [level, ruleFor] of extensions) {
    if (ind.levels[level]) continue;
    const x = ruleFor(ind);
    if (!x) continue;
    if ('rule' in x) {
      out.levels[level] = x.rule;
      out.methodNote![level] = x.note;
    } else out.unavailable![level] = x.unavailable;
  }
  return out;
}

let effective = new Map<string, Indicator>(BY_ID);

/** The user's groups of ethnic groups (view state `ethnicGroups`), which the "your group" measures offer. */
let ethnicGroups: readonly EthnicGroupSpec[] = [];

export function setEthnicGroupChoices(groups: readonly EthnicGroupSpec[]): void {
  ethnicGroups = groups;
  rebuild();
}

function rebuild(): void {
  effective = new Map([...ALL, ...userIndicators.values()].map((i) => [i.id, extend(withEthnicGroups(i, ethnicGroups))]));
}

export const DEFAULT_INDICATOR = 'imd2025.imd.score';
