/** The areas of one level, in code order (the order of the geometry files), with what the map and panels use. */
import type { LevelId } from '../../geo/levels';
import { sqlString } from './sql-text';

export function levelAreasSql(level: LevelId): string {
  return `SELECT code, name, ward24_code, lad24_code, icb24_code, cal22_code, population, lon, lat, minx, miny, maxx, maxy FROM areas WHERE level = ${sqlString(level)} ORDER BY code`;
}
