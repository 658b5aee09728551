/** Area search by name or code across levels; the current level's matches come first. */
import type { LevelId } from '../../geo/levels';
import { sqlString } from './sql-text';

export function searchSql(query: string, currentLevel: LevelId, levels: LevelId[], limit = 12): string {
  const q = query.trim().slice(0, 80);
  const like = sqlString(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const prefix = sqlString(`${q.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return `SELECT level, code, name, minx, miny, maxx, maxy FROM areas
    WHERE level IN (${levels.map(sqlString).join(', ')})
      AND (name ILIKE ${like} ESCAPE '\\' OR code LIKE ${prefix} ESCAPE '\\')
    ORDER BY (level = ${sqlString(currentLevel)}) DESC, (lower(name) = lower(${sqlString(q)})) DESC,
      (name ILIKE ${sqlString(`${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} ESCAPE '\\') DESC, length(name), name
    LIMIT ${Math.max(1, Math.min(50, Math.round(limit)))}`;
}

/** Names of the areas of one level, for pickers (e.g. the focus filter). */
export function areaNamesSql(level: LevelId): string {
  return `SELECT code, name, icb24_code FROM areas WHERE level = ${sqlString(level)} ORDER BY name`;
}
