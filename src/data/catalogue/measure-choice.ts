/**
 * Keeps the level and the measure compatible. Choosing a measure that does not exist at the current
 * level moves to its native level; changing level keeps the closest measure that exists there.
 * Either way the user is told what happened.
 */
import { allIndicators, getIndicator, isAvailable } from './index';
import { LEVELS, type LevelId } from '../../geo/levels';

export interface Choice {
  level: LevelId;
  indicator: string;
  message: string | null;
}

/** The "domain" part of an id like imd2025.income.score, used to find a sibling measure. */
const family = (id: string) => id.split('.').slice(0, 2).join('.');
const measure = (id: string) => id.split('.').slice(2).join('.');

export function chooseIndicator(level: LevelId, indicator: string): Choice {
  const ind = getIndicator(indicator);
  if (isAvailable(ind, level)) return { level, indicator, message: null };
  return {
    level: ind.nativeLevel,
    indicator,
    message: `${ind.short} is not available for ${LEVELS[level].label}: ${ind.unavailable?.[level] ?? ''} Switched to ${LEVELS[ind.nativeLevel].label}.`,
  };
}

export function chooseLevel(level: LevelId, indicator: string): Choice {
  const ind = getIndicator(indicator);
  if (isAvailable(ind, level)) return { level, indicator, message: null };
  const candidates = allIndicators().filter((i) => isAvailable(i, level));
  const sameGroup = candidates.filter((i) => i.group === ind.group);
  const pick =
    sameGroup.find((i) => family(i.id) === family(ind.id) && measure(i.id) === measure(ind.id)) ??
    sameGroup.find((i) => family(i.id) === family(ind.id)) ??
    candidates.find((i) => family(i.id).split('.')[1] === family(ind.id).split('.')[1] && i.kind === ind.kind) ??
    candidates.find((i) => i.kind === ind.kind) ??
    candidates[0];
  if (!pick) return { level, indicator, message: `Nothing can be shown for ${LEVELS[level].label}.` };
  return { level, indicator: pick.id, message: `${ind.short} is not available for ${LEVELS[level].label}; showing ${pick.short} instead.` };
}
