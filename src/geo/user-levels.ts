/**
 * Levels made at run time from a user's own boundaries (PCN areas, neighbourhoods). A user level is
 * registered into `LEVELS` next to the built-in ones, so every SQL builder, picker and legend treats
 * it like a ward: it is built on LSOA 2021 (each LSOA belongs to the area its label point lies in,
 * kept in the areas-table column `<id>_code`), and its contiguity comes from the topology built in
 * the browser, not from a GAL file of the pipeline.
 */
import { contiguityWeights } from '../analysis/weights/contiguity-weights';
import { writeGal } from '../analysis/weights/gal';
import { LEVELS, LEVEL_IDS, USER_LEVEL_ID, type LevelInfo, type UserLevelId } from './levels';
import type { Contiguity } from './topology-neighbours';

export interface UserLevel {
  info: LevelInfo & { id: UserLevelId };
  /** Area codes in the geometry's order. */
  ids: readonly string[];
  /** Queen and rook neighbour lists in area-code order (the geometry's order). */
  contiguity: Contiguity;
  /** The file the boundaries came from (shown in the UI as text). */
  file: string;
}

const registered = new Map<UserLevelId, UserLevel>();

function isUserLevelId(x: unknown): x is UserLevelId {
  return typeof x === 'string' && USER_LEVEL_ID.test(x);
}

/** A fresh id that is neither registered nor built in ("user_" + 6 letters and digits). */
export function newUserLevelId(random: () => number = Math.random): UserLevelId {
  for (;;) {
    const id: UserLevelId = `user_${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
    if (!registered.has(id) && !(LEVEL_IDS as readonly string[]).includes(id)) return id;
  }
}

/** A level description for boundaries: built on LSOA 2021 through the `<id>_code` lookup column. */
export function userLevelInfo(id: UserLevelId, label: string, noun: string): LevelInfo & { id: UserLevelId } {
  return { id, label, noun, stack: '2021', base: 'lsoa21', baseKey: `${id}_code`, prefixes: [] };
}

export function registerUserLevel(level: UserLevel): void {
  const { id } = level.info;
  if (!isUserLevelId(id)) throw new Error(`"${String(id)}" is not a user level id (user_ followed by up to 24 letters or digits)`);
  if (registered.has(id)) throw new Error(`the level ${id} is already registered`);
  registered.set(id, level);
  LEVELS[id] = level.info;
}

export function unregisterUserLevel(id: UserLevelId): void {
  registered.delete(id);
  delete LEVELS[id];
}

function userLevel(id: string): UserLevel | undefined {
  return isUserLevelId(id) ? registered.get(id) : undefined;
}

/**
 * A user level's contiguity as GeoDa GAL text: the form the hotspot weights worker reads for
 * imported weights, so user levels need no weights path of their own.
 */
export function userLevelGal(id: string, rule: 'queen' | 'rook'): string | undefined {
  const l = userLevel(id);
  return l && writeGal(contiguityWeights(l.ids, l.contiguity[rule], rule, 'B'), { shape: id, key: 'code' });
}
