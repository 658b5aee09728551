/** Runs SQL on the test database and indexes the result rows by area code. */
import type { Db } from '../../src/data/db/db';
import { rowsOf } from '../../src/data/db/arrow-columns';
import { indicatorSql } from '../../src/data/sql/indicator-sql';
import type { LevelId } from '../../src/geo/levels';

export type ResultRow = Record<string, string | number | boolean | null>;

export async function rows(db: Db, sql: string): Promise<ResultRow[]> {
  return rowsOf(await db.query(sql));
}

export async function indicatorRows(db: Db, id: string, level: LevelId, dims: Record<string, string> = {}): Promise<Map<string, ResultRow>> {
  return new Map((await rows(db, indicatorSql(id, level, dims))).map((r) => [r.code as string, r]));
}
