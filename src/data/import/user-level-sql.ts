/**
 * SQL that makes a user's boundaries a level of the areas table. Each LSOA 2021 is assigned to the
 * area its label point lies in (best fit, as ONS assigns LSOAs to wards), recorded in the column
 * `<level>_code`; the user's areas get rows of their own with residents summed from their LSOAs and
 * the local authority and ICB where most of those residents live. The statements work on a staged
 * copy of the areas table (`table`), which then replaces it in one transaction (user-data-swap.ts).
 */
import { sqlIdent, sqlString } from '../sql/sql-text';

/** A copy of the areas table without the rows and `<level>_code` columns of `drop`; `columns`: the table's columns now. */
export function stageAreasSql(staged: string, columns: readonly string[], drop: readonly string[]): string {
  const gone = new Set(drop.map((l) => `${l}_code`));
  const keep = columns.filter((c) => !gone.has(c)).map((c) => sqlIdent(c));
  const where = drop.length ? ` WHERE level NOT IN (${drop.map(sqlString).join(', ')})` : '';
  return `CREATE TABLE ${sqlIdent(staged)} AS SELECT ${keep.join(', ')} FROM areas${where}`;
}

/** `lookup` has columns lsoa, area. */
export function assignLsoasSql(level: string, lookup: string, table: string): string[] {
  const col = sqlIdent(`${level}_code`);
  const t = sqlIdent(table);
  return [
    `ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS ${col} VARCHAR`,
    `UPDATE ${t} SET ${col} = l.area FROM ${sqlIdent(lookup)} l WHERE ${t}.level = 'lsoa21' AND ${t}.code = l.lsoa`,
  ];
}

/** `shapes` has columns code, name, lon, lat, minx, miny, maxx, maxy (one row per user area). */
export function insertUserAreasSql(level: string, shapes: string, table: string): string {
  const col = sqlIdent(`${level}_code`);
  const parent = (c: string) => `arg_max(${c}, population)`;
  return `INSERT INTO ${sqlIdent(table)} (level, code, name, lad24_code, sicbl24_code, icb24_code, cal19_code, population, population_16plus, lon, lat, minx, miny, maxx, maxy) `
    + `SELECT ${sqlString(level)}, s.code, s.name, p.lad, p.sicbl, p.icb, p.cal, coalesce(p.population, 0), coalesce(p.population_16plus, 0), s.lon, s.lat, s.minx, s.miny, s.maxx, s.maxy `
    + `FROM ${sqlIdent(shapes)} s LEFT JOIN (SELECT ${col} AS code, sum(population) AS population, sum(population_16plus) AS population_16plus, `
    + `${parent('lad24_code')} AS lad, ${parent('sicbl24_code')} AS sicbl, ${parent('icb24_code')} AS icb, ${parent('cal19_code')} AS cal `
    + `FROM ${sqlIdent(table)} WHERE level = 'lsoa21' AND ${col} IS NOT NULL GROUP BY 1) p ON p.code = s.code`;
}

/** Residents and LSOAs per user area, and how many areas took no LSOA (too small or outside England). */
export function userLevelCoverageSql(level: string, table: string): string {
  return `SELECT count(*)::INTEGER AS areas, count(*) FILTER (WHERE population = 0)::INTEGER AS empty, coalesce(sum(population), 0)::DOUBLE AS residents `
    + `FROM ${sqlIdent(table)} WHERE level = ${sqlString(level)}`;
}
