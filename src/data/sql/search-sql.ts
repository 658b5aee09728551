/**
 * Area search by name or code. People name places ("Salford", "Moss Side", "Greater Manchester"),
 * so named areas (local authorities, ICBs, Sub-ICB locations, Cancer Alliances, wards) come before
 * LSOAs, whose names ("Salford 001A") only repeat their authority's. Within that, a whole-name match
 * beats a name that starts with the text, which beats a word inside the name, which beats any part.
 * Each row carries its parent's name (a ward's authority, an authority's ICB) so that two wards
 * called "Moss Side" can be told apart.
 */
import type { LevelId } from '../../geo/levels';
import { sqlString } from './sql-text';

/** Order of levels among equally good matches: the areas commissioners name first. */
const LEVEL_ORDER: Record<string, number> = { lad24: 0, icb24: 1, sicbl24: 2, cal22: 3, ward24: 4, cal19: 5, lsoa21: 8, lsoa11: 9 };

/** The level whose name is shown beside each level's results, and the areas column that holds its code. */
const SEARCH_PARENT: Partial<Record<LevelId, { level: LevelId; column: string }>> = {
  ward24: { level: 'lad24', column: 'lad24_code' },
  lsoa21: { level: 'lad24', column: 'lad24_code' },
  lsoa11: { level: 'lad24', column: 'lad24_code' },
  lad24: { level: 'icb24', column: 'icb24_code' },
  sicbl24: { level: 'icb24', column: 'icb24_code' },
  icb24: { level: 'cal22', column: 'cal22_code' },
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function searchSql(query: string, levels: LevelId[], limit = 15): string {
  const q = query.trim().replace(/\s+/g, ' ').slice(0, 80);
  const e = escapeLike(q);
  const like = (pattern: string) => `a.name ILIKE ${sqlString(pattern)} ESCAPE '\\'`;
  const codePrefix = `a.code LIKE ${sqlString(`${escapeLike(q.toUpperCase())}%`)} ESCAPE '\\'`;
  // A word inside the name: after a space, a bracket, a hyphen or a slash ("... ICB - 01G (Salford)").
  const wordStart = ['% ', '%(', '%-', '%/'].map((p) => like(`${p}${e}%`)).join(' OR ');
  const match = `CASE WHEN upper(a.code) = ${sqlString(q.toUpperCase())} OR lower(a.name) = lower(${sqlString(q)}) THEN 0
      WHEN ${like(`${e}%`)} OR ${codePrefix} THEN 1 WHEN ${wordStart} THEN 2 ELSE 3 END`;
  const levelOrder = `CASE a.level ${Object.entries(LEVEL_ORDER).map(([l, n]) => `WHEN ${sqlString(l)} THEN ${n}`).join(' ')} ELSE 6 END`;
  const parents = Object.entries(SEARCH_PARENT).flatMap(([l, p]) => (p ? [[l, p] as const] : []));
  const parentLevel = `CASE a.level ${parents.map(([l, p]) => `WHEN ${sqlString(l)} THEN ${sqlString(p.level)}`).join(' ')} END`;
  const parentCode = `CASE a.level ${parents.map(([l, p]) => `WHEN ${sqlString(l)} THEN a.${p.column}`).join(' ')} END`;
  return `SELECT a.level, a.code, a.name, a.minx, a.miny, a.maxx, a.maxy, p.name AS parent_name, p.level AS parent_level
    FROM areas a LEFT JOIN areas p ON p.level = ${parentLevel} AND p.code = ${parentCode}
    WHERE a.level IN (${levels.map(sqlString).join(', ')})
      AND (${like(`%${e}%`)} OR ${codePrefix})
    ORDER BY (a.level IN ('lsoa21', 'lsoa11')), ${match}, ${levelOrder}, length(a.name), a.name, parent_name
    LIMIT ${Math.max(1, Math.min(50, Math.round(limit)))}`;
}

/**
 * The levels a search looks in while `current` is on screen: every named level, the LSOAs of the
 * current stack, the 2019 alliances only while they are shown (their names repeat the 2022 ones),
 * and the current level itself (a user's own boundaries).
 */
export function searchLevels(current: LevelId, stack: '2021' | '2011'): LevelId[] {
  const named: LevelId[] = ['lad24', 'icb24', 'sicbl24', 'cal22', 'ward24'];
  return [...new Set<LevelId>([...named, stack === '2011' ? 'lsoa11' : 'lsoa21', current])];
}

/** Names of the areas of one level, for pickers (e.g. the focus filter). */
export function areaNamesSql(level: LevelId): string {
  return `SELECT code, name, icb24_code FROM areas WHERE level = ${sqlString(level)} ORDER BY name`;
}
