/**
 * Makes a user's boundaries a level in the database: assigns every LSOA 2021 to the area its label
 * point lies in (on the CPU, with the level's picking index) and adds the areas' own rows, then
 * reports how many areas took no LSOA (smaller than an LSOA, or outside England). The geometry is
 * the one decoded for the map, so what is drawn and what is aggregated are the same shapes.
 */
import type { Db } from '../db/db';
import { numberColumn, stringColumn } from '../db/arrow-columns';
import { areaAt } from '../../geo/area-index';
import type { UserLevelId } from '../../geo/levels';
import type { UserLevelGeometry } from '../../geo/user-level-geometry';
import { columnsToIpc } from './arrow-ipc';
import { dropTableSql } from './user-table-sql';
import { sqlIdent } from '../sql/sql-text';
import { assignLsoasSql, insertUserAreasSql, userLevelCoverageSql } from './user-level-sql';

/** A user level as the project file keeps it (the topology is stored beside it). */
export interface BoundarySpec {
  id: UserLevelId;
  file: string;
  label: string;
  /** One area, in a sentence ("this PCN area"). */
  noun: string;
  areas: number;
}

export interface LevelCoverage {
  areas: number;
  /** Areas with no LSOA assigned: they show no value for atlas measures. */
  empty: number;
  residents: number;
  lsoas: number;
}

/**
 * Adds a user level to `table`, a staged copy of the areas table (see user-data-swap.ts): every
 * LSOA's `<level>_code` and the level's own rows. Returns the level's coverage in that table.
 */
export async function addUserLevelRows(db: Db, table: string, level: UserLevelId, g: UserLevelGeometry): Promise<LevelCoverage> {
  const lsoa = await db.query(`SELECT code, lon, lat FROM ${sqlIdent(table)} WHERE level = 'lsoa21'`);
  const codes = stringColumn(lsoa, 'code') as string[];
  const [lon, lat] = [numberColumn(lsoa, 'lon'), numberColumn(lsoa, 'lat')];
  const lsoas: string[] = [];
  const areas: string[] = [];
  for (let i = 0; i < codes.length; i++) {
    const k = areaAt(g.index, g.polygons, lon[i], lat[i]);
    if (k >= 0) {
      lsoas.push(codes[i]);
      areas.push(g.polygons.ids[k]);
    }
  }
  const n = g.polygons.ids.length;
  const box = (j: number) => Float64Array.from({ length: n }, (_, i) => g.index.boxes[4 * i + j]);
  const [lookup, shapes] = [`${table}_${level}_lookup`, `${table}_${level}_shapes`];
  try {
    await db.insertArrow(lookup, columnsToIpc({ lsoa: lsoas, area: areas }));
    for (const sql of assignLsoasSql(level, lookup, table)) await db.query(sql);
    await db.insertArrow(shapes, columnsToIpc({
      code: g.polygons.ids, name: g.names,
      lon: Float64Array.from({ length: n }, (_, i) => g.points[2 * i]), lat: Float64Array.from({ length: n }, (_, i) => g.points[2 * i + 1]),
      minx: box(0), miny: box(1), maxx: box(2), maxy: box(3),
    }));
    await db.query(insertUserAreasSql(level, shapes, table));
  } finally {
    for (const t of [lookup, shapes]) await db.query(dropTableSql(t)).catch(() => undefined);
  }
  const c = await db.query(userLevelCoverageSql(level, table));
  return { areas: numberColumn(c, 'areas')[0], empty: numberColumn(c, 'empty')[0], residents: numberColumn(c, 'residents')[0], lsoas: lsoas.length };
}
