/**
 * SQL for the tables that hold users' values. The rows come in as they were joined (`raw`: code,
 * row number, optional split value, the row's weight `w`, and per value its cells — for a rate, its
 * numerator and denominator) and are reduced to one row per area (per area and split value), which
 * is what the indicator SQL expects of a native table: per value the value itself, and the summed
 * numerator and denominator of a rate, or the summed weight of a weighted average.
 */
import { sqlIdent, sqlNumber, sqlString } from '../sql/sql-text';
import { ENGLAND_CODE } from '../catalogue/types';
import { carriesWeight, combineOf, denominatorField, numeratorField, weightField, type DatasetSpec, type ValueSpec } from './user-dataset';

/** The first row's cell among rows where `present` holds. */
const first = (cell: string, present: string) => `arg_min(${cell}, "row") FILTER (WHERE ${present})`;

function valueColumns(d: DatasetSpec, v: ValueSpec, weighted: boolean): string[] {
  const f = sqlIdent(v.field);
  const how = combineOf(d, v);
  if (v.ratio) {
    // numerator and denominator arrive as valid pairs (both or neither: load-dataset.ts)
    const [n, den] = [sqlIdent(numeratorField(v)), sqlIdent(denominatorField(v))];
    const [sn, sd] = how === 'first' ? [first(n, `${n} IS NOT NULL`), first(den, `${n} IS NOT NULL`)] : [`sum(${n})`, `sum(${den})`];
    return [`(${sqlNumber(v.ratio.multiplier)} * ${sn} / nullif(${sd}, 0))::DOUBLE AS ${f}`, `${sn}::DOUBLE AS ${n}`, `${sd}::DOUBLE AS ${den}`];
  }
  const w = weighted ? 'w' : '1.0';
  const value = how === 'first' ? first(f, `${f} IS NOT NULL`)
    : how === 'mean' ? `sum(${f} * ${w}) / nullif(sum(CASE WHEN ${f} IS NOT NULL THEN ${w} END), 0)`
    : `${how}(${f})`;
  const out = [`(${value})::DOUBLE AS ${f}`];
  if (carriesWeight(d, v)) {
    const weight = how === 'first' ? first(w, `${f} IS NOT NULL`) : `sum(CASE WHEN ${f} IS NOT NULL THEN ${w} END)`;
    out.push(`(${weight})::DOUBLE AS ${sqlIdent(weightField(v))}`);
  }
  return out;
}

/**
 * The table `target` (the staged name of `d.table`) from the joined rows in `raw` (`weighted`: it has
 * a `w` column), one row per `code`; with `by = 'practice'`, one row per practice code instead (raw's
 * `practice` column, kept for GP practice files placed in their LSOA).
 */
export function datasetTableSql(d: DatasetSpec, raw: string, target: string, weighted: boolean, by: 'code' | 'practice' = 'code'): string {
  const keys = d.split ? 'code, split' : 'code';
  const values = d.values.flatMap((v) => valueColumns(d, v, weighted));
  const from = by === 'code' ? sqlIdent(raw) : `(SELECT * EXCLUDE (code, practice), practice AS code FROM ${sqlIdent(raw)})`;
  return `CREATE OR REPLACE TABLE ${sqlIdent(target)} AS SELECT ${keys}, ${values.join(', ')}, count(*)::INTEGER AS "rows" `
    + `FROM ${from} WHERE code IS NOT NULL GROUP BY ${keys} ORDER BY ${keys}`;
}

/** The table holding a GP practice file's values per practice, beside its per-LSOA table. */
export const practiceTableOf = (table: string) => `${table}_practice`;

/** Areas (England's own row, kept for comparisons, is not one) and the most rows combined into one, for the report after adding. */
export function datasetSummarySql(table: string): string {
  return `SELECT count(DISTINCT code) FILTER (WHERE code <> ${sqlString(ENGLAND_CODE)})::INTEGER AS areas, coalesce(max("rows"), 0)::INTEGER AS most_rows FROM ${sqlIdent(table)}`;
}

export function dropTableSql(table: string): string {
  return `DROP TABLE IF EXISTS ${sqlIdent(table)}`;
}

/** The name a table is built under before it replaces or joins the session's tables. */
export const stagedName = (table: string) => `stage_${table}`;
