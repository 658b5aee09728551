/**
 * The only way the session's own data changes in DuckDB: a change is staged first (dataset tables
 * built under staged names, user levels added to a staged copy of the areas table), and swapped in
 * by renames in one transaction. DuckDB cannot commit a transaction that alters the areas table's
 * columns and then writes to it, so the whole table is staged and replaced, which it can. On any
 * failure nothing changes and every staged table is dropped.
 */
import type { Db } from '../db/db';
import { stringColumn } from '../db/arrow-columns';
import type { UserLevelId } from '../../geo/levels';
import type { UserLevelGeometry } from '../../geo/user-level-geometry';
import { sqlIdent } from '../sql/sql-text';
import { addUserLevelRows, type LevelCoverage } from './load-user-level';
import { stageAreasSql } from './user-level-sql';
import { dropTableSql } from './user-table-sql';

export interface UserDataChange {
  /** Dataset tables to remove. */
  dropTables?: readonly string[];
  /** User levels whose rows and columns leave the areas table. */
  dropLevels?: readonly UserLevelId[];
  /** Staged dataset tables and the names they take. */
  addTables?: readonly { staged: string; table: string }[];
  addLevels?: readonly { id: UserLevelId; geometry: UserLevelGeometry }[];
}

let stages = 0;

/** Applies the change atomically; returns the coverage of each added level. */
export async function applyUserDataChange(db: Db, change: UserDataChange): Promise<Map<UserLevelId, LevelCoverage>> {
  const { dropTables = [], dropLevels = [], addTables = [], addLevels = [] } = change;
  const coverage = new Map<UserLevelId, LevelCoverage>();
  let areas: string | null = null;
  try {
    if (dropLevels.length || addLevels.length) {
      areas = `stage_areas_${++stages}`;
      const columns = stringColumn(await db.query(`SELECT column_name FROM duckdb_columns() WHERE table_name = 'areas' ORDER BY column_index`), 'column_name') as string[];
      await db.query(stageAreasSql(areas, columns, dropLevels));
      for (const l of addLevels) coverage.set(l.id, await addUserLevelRows(db, areas, l.id, l.geometry));
    }
    await db.transaction([
      ...(areas ? ['DROP TABLE areas', `ALTER TABLE ${sqlIdent(areas)} RENAME TO areas`] : []),
      ...dropTables.map(dropTableSql),
      ...addTables.map((t) => `ALTER TABLE ${sqlIdent(t.staged)} RENAME TO ${sqlIdent(t.table)}`),
    ]);
  } catch (e) {
    for (const t of [areas, ...addTables.map((x) => x.staged)]) if (t) await db.query(dropTableSql(t)).catch(() => undefined);
    throw e;
  }
  return coverage;
}
