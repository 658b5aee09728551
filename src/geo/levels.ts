/**
 * The geography levels the atlas draws. The 2021 stack nests exactly: every LSOA 2021 belongs to one
 * ward, local authority, Sub-ICB location, ICB and Cancer Alliance (2022 and 2019 definitions) through
 * lookups, and the coarser polygons are dissolved from the LSOA polygons with those lookups, so
 * aggregates always match what is drawn. Coarser levels do not all nest in each other (a local
 * authority can straddle two Sub-ICB locations; three Sub-ICB locations straddle two 2019 alliances).
 * Sub-ICB locations and ICBs nest exactly in the 21 alliances of NHS England's 2022 mapping.
 * LSOA 2011 is the separate stack that IMD 2019 was published on.
 */
export const LEVEL_IDS = ['lsoa21', 'ward24', 'lad24', 'sicbl24', 'icb24', 'cal22', 'cal19', 'lsoa11'] as const;
export type BuiltInLevelId = (typeof LEVEL_IDS)[number];
/**
 * A level made at run time from a user's own boundaries (see user-levels.ts). The id is also an SQL
 * identifier (the LSOA → area lookup is the column `<id>_code` of the areas table).
 */
export type UserLevelId = `user_${string}`;
/** Built-in levels stay a closed, type-checked set; user levels exist only once registered. */
export type LevelId = BuiltInLevelId | UserLevelId;

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

/** Every level's description: the built-in ones, plus user levels while they are registered. */
export const LEVELS: Record<LevelId, LevelInfo> = {
  lsoa21: { id: 'lsoa21', label: 'LSOA (2021)', noun: 'LSOA', stack: '2021', base: 'lsoa21', baseKey: 'code', prefixes: ['E01'] },
  ward24: { id: 'ward24', label: 'Electoral ward (2024)', noun: 'ward', stack: '2021', base: 'lsoa21', baseKey: 'ward24_code', prefixes: ['E05'] },
  lad24: { id: 'lad24', label: 'Local authority / borough (2024)', noun: 'local authority', stack: '2021', base: 'lsoa21', baseKey: 'lad24_code', prefixes: ['E06', 'E07', 'E08', 'E09'] },
  sicbl24: { id: 'sicbl24', label: 'Sub-ICB location (2024)', noun: 'Sub-ICB area', stack: '2021', base: 'lsoa21', baseKey: 'sicbl24_code', prefixes: ['E38'] },
  icb24: { id: 'icb24', label: 'Integrated Care Board (2024)', noun: 'ICB', stack: '2021', base: 'lsoa21', baseKey: 'icb24_code', prefixes: ['E54'] },
  cal22: { id: 'cal22', label: 'Cancer Alliance (2022, NHS England mapping, 21 alliances)', noun: 'Cancer Alliance', stack: '2021', base: 'lsoa21', baseKey: 'cal22_code', prefixes: ['E56'] },
  cal19: { id: 'cal19', label: 'Cancer Alliance (2019 definitions)', noun: 'Cancer Alliance', stack: '2021', base: 'lsoa21', baseKey: 'cal19_code', prefixes: ['E56'] },
  lsoa11: { id: 'lsoa11', label: 'LSOA (2011, for IMD 2019)', noun: 'LSOA', stack: '2011', base: 'lsoa11', baseKey: 'code', prefixes: ['E01'] },
};

/** A built-in level, or a user level registered in this session. */
export function isLevelId(x: unknown): x is LevelId {
  return typeof x === 'string' && ((LEVEL_IDS as readonly string[]).includes(x) || (USER_LEVEL_ID.test(x) && Object.hasOwn(LEVELS, x)));
}

export const USER_LEVEL_ID = /^user_[a-z0-9]{1,24}$/;

export function isBuiltInLevel(x: LevelId): x is BuiltInLevelId {
  return (LEVEL_IDS as readonly string[]).includes(x);
}

/** Built-in levels, then the user levels registered in this session (in the order they were added). */
export function levelIds(): LevelId[] {
  return Object.keys(LEVELS) as LevelId[];
}

/** Levels a focus filter can restrict to (ICB, local authority, or Cancer Alliance of the 2022 mapping). */
export const FOCUS_LEVELS = ['icb24', 'lad24', 'cal22'] as const;
export type FocusLevel = (typeof FOCUS_LEVELS)[number];
