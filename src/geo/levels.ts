/**
 * The geography levels the atlas draws. The 2021 stack nests exactly: every LSOA 2021 belongs to one
 * ward, one local authority and one ICB through the ONS best-fit lookups, and the coarser polygons are
 * dissolved from the LSOA polygons with those lookups, so aggregates always match what is drawn.
 * LSOA 2011 is the separate stack that IMD 2019 was published on.
 */
export const LEVEL_IDS = ['lsoa21', 'ward24', 'lad24', 'icb24', 'lsoa11'] as const;
export type LevelId = (typeof LEVEL_IDS)[number];

/** Levels whose areas are built from LSOA 2021 (they share one base table). */
export type Stack = '2021' | '2011';

export interface LevelInfo {
  id: LevelId;
  label: string;
  /** Short noun for one area, used in sentences ("this ward"). */
  noun: string;
  stack: Stack;
  /** The base small-area level this level is aggregated from (itself for base levels). */
  base: 'lsoa21' | 'lsoa11';
  /** Column in the base areas table that holds this level's code (for aggregation). */
  baseKey: string;
  /** GSS entity prefixes the codes of this level start with. */
  prefixes: readonly string[];
}

export const LEVELS: Record<LevelId, LevelInfo> = {
  lsoa21: { id: 'lsoa21', label: 'LSOA (2021)', noun: 'LSOA', stack: '2021', base: 'lsoa21', baseKey: 'code', prefixes: ['E01'] },
  ward24: { id: 'ward24', label: 'Electoral ward (2024)', noun: 'ward', stack: '2021', base: 'lsoa21', baseKey: 'ward24_code', prefixes: ['E05'] },
  lad24: { id: 'lad24', label: 'Local authority / borough (2024)', noun: 'local authority', stack: '2021', base: 'lsoa21', baseKey: 'lad24_code', prefixes: ['E06', 'E07', 'E08', 'E09'] },
  icb24: { id: 'icb24', label: 'Integrated Care Board (2024)', noun: 'ICB', stack: '2021', base: 'lsoa21', baseKey: 'icb24_code', prefixes: ['E54'] },
  lsoa11: { id: 'lsoa11', label: 'LSOA (2011, for IMD 2019)', noun: 'LSOA', stack: '2011', base: 'lsoa11', baseKey: 'code', prefixes: ['E01'] },
};

export function isLevelId(x: unknown): x is LevelId {
  return typeof x === 'string' && (LEVEL_IDS as readonly string[]).includes(x);
}

/** Levels a focus filter can restrict to (ICB or local authority). */
export const FOCUS_LEVELS = ['icb24', 'lad24'] as const;
export type FocusLevel = (typeof FOCUS_LEVELS)[number];
