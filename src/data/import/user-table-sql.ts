/**
 * SQL for the tables that hold users' values. The rows come in as they were joined (`raw`: code,
 * row number, optional split value, v1…vN) and are reduced to one row per area (per area and split
 * value), which is what the indicator SQL expects of a native table.
 */
import { sqlIdent } from '../sql/sql-text';
import { combineOf, type DatasetSpec } from './user-dataset';

/** The table `target` (the staged name of `d.table`) from the joined rows in `raw`. */
export function datasetTableSql(d: DatasetSpec, raw: string, target: string): string {
  const keys = d.split ? 'code, split' : 'code';
  const values = d.values.map((v) => {
    const f = sqlIdent(v.field);
    const c = combineOf(d, v);
    return `${c === 'first' ? `arg_min(${f}, "row")` : `${c}(${f})`}::DOUBLE AS ${f}`;
  });
  return `CREATE OR REPLACE TABLE ${sqlIdent(target)} AS SELECT ${keys}, ${values.join(', ')}, count(*)::INTEGER AS "rows" `
    + `FROM ${sqlIdent(raw)} WHERE code IS NOT NULL GROUP BY ${keys} ORDER BY ${keys}`;
}

/** Areas and the largest number of rows combined into one, for the report after adding. */
export function datasetSummarySql(table: string): string {
  return `SELECT count(DISTINCT code)::INTEGER AS areas, coalesce(max("rows"), 0)::INTEGER AS most_rows FROM ${sqlIdent(table)}`;
}

export function dropTableSql(table: string): string {
  return `DROP TABLE IF EXISTS ${sqlIdent(table)}`;
}

/** The name a table is built under before it replaces or joins the session's tables. */
export const stagedName = (table: string) => `stage_${table}`;
