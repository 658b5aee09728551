/** One row of the `areas` table the app loads: every area of every level with its parents. */
import type { LevelId } from '../../src/geo/levels';
import type { Placement } from './label-points';

export interface AreaRow {
  level: LevelId;
  code: string;
  name: string;
  ward24_code: string | null;
  lad24_code: string | null;
  icb24_code: string | null;
  /** Only the 2021 stack carries these (the 2011 stack leaves them out). */
  sicbl24_code?: string | null;
  cal22_code?: string | null;
  cal19_code?: string | null;
  population: number;
  population_16plus: number | null;
  place: Placement;
}

/** Parent-code columns: aggregation and inheritance find an area's parent at level X in `X_code`. */
export const PARENT_KEYS = ['ward24_code', 'lad24_code', 'sicbl24_code', 'icb24_code', 'cal22_code', 'cal19_code'] as const;
export type ParentKey = (typeof PARENT_KEYS)[number];

export const AREA_COLUMNS = [
  'level', 'code', 'name', ...PARENT_KEYS, 'population', 'population_16plus',
  'lon', 'lat', 'minx', 'miny', 'maxx', 'maxy',
] as const;

export function areaCells(a: AreaRow) {
  return [a.level, a.code, a.name, ...PARENT_KEYS.map((k) => a[k] ?? null), a.population, a.population_16plus,
    a.place.lon, a.place.lat, ...a.place.bbox];
}

/** The parent with the most residents among an area's members (for areas that straddle a boundary). */
export function majorityParent(members: { parent: string | null | undefined; population: number }[]): string | null {
  const tally = new Map<string, number>();
  for (const m of members) if (m.parent) tally.set(m.parent, (tally.get(m.parent) ?? 0) + m.population);
  let best: string | null = null;
  let bestPop = -1;
  for (const [p, pop] of tally) if (pop > bestPop || (pop === bestPop && best !== null && p < best)) [best, bestPop] = [p, pop];
  return best;
}
