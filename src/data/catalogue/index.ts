/** The catalogue: one list of indicators and lookups over it. */
import type { LevelId } from '../../geo/levels';
import { CANCER_INDICATORS } from './cancer-indicators';
import { IMD_INDICATORS } from './imd-indicators';
import { SMOKING_INDICATORS } from './smoking-indicators';
import type { Indicator } from './types';

const ALL: Indicator[] = [...IMD_INDICATORS, ...SMOKING_INDICATORS, ...CANCER_INDICATORS];
const BY_ID = new Map(ALL.map((i) => [i.id, i]));

export function allIndicators(): readonly Indicator[] {
  return ALL;
}

export function findIndicator(id: string): Indicator | undefined {
  return BY_ID.get(id) ?? userIndicators.get(id);
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
  return [...ALL, ...userIndicators.values()].filter((i) => isAvailable(i, level));
}

/** Indicators built from the user's own files at run time (registered by the import flow). */
const userIndicators = new Map<string, Indicator>();

export function registerUserIndicator(ind: Indicator): void {
  if (BY_ID.has(ind.id)) throw new Error(`indicator id "${ind.id}" is already used by a built-in indicator`);
  userIndicators.set(ind.id, ind);
}

export const DEFAULT_INDICATOR = 'imd2025.imd.score';
