/**
 * SQL for one indicator at one level. The result has one row per area of the level (in code order,
 * the order of the geometry files) with: value, lower/upper confidence limits, numerator, denominator,
 * national rank (1 = worst; among areas of the level the value belongs to), the number of ranked
 * areas, and `source_code` — the coarser area a value was inherited from, when it was.
 */
import { getIndicator } from '../catalogue';
import { dimensionValues, type Indicator } from '../catalogue/types';
import type { LevelId } from '../../geo/levels';
import { sqlIdent, sqlNumber, sqlString } from './sql-text';

export const RESULT_COLUMNS = ['code', 'value', 'lower', 'upper', 'numerator', 'denominator', 'national_rank', 'ranked', 'source_code'] as const;

/** Column name on the base (LSOA) rows of `areas` that holds an area's parent code at `level`. */
const parentColumn = (level: LevelId) => sqlIdent(`${level}_code`);

function dimFilter(ind: Indicator, dims: Record<string, string>, alias: string): string {
  const chosen = dimensionValues(ind, dims);
  return (ind.dimensions ?? []).map((d) => ` AND ${alias}.${sqlIdent(d.column)} = ${sqlString(chosen[d.key])}`).join('');
}

const col = (alias: string, c: string | undefined) => (c ? `${alias}.${sqlIdent(c)}` : 'NULL');

/** Values at the level before ranking: code, value, lower, upper, numerator, denominator, source_code. */
function valuesSql(ind: Indicator, level: LevelId, dims: Record<string, string>): string {
  const rule = ind.levels[level];
  if (!rule) throw new Error(`${ind.label} is not available for ${level}`);
  const table = sqlIdent(ind.table);
  const base = sqlString(ind.nativeLevel);
  const join = `FROM areas b JOIN ${table} t ON t.code = b.code${dimFilter(ind, dims, 't')} WHERE b.level = ${base}`;
  const c = ind.columns;
  switch (rule.kind) {
    case 'native':
      return `SELECT t.code, ${col('t', c.value)}::DOUBLE AS value, ${col('t', c.lower)}::DOUBLE AS lower, ${col('t', c.upper)}::DOUBLE AS upper, `
        + `${col('t', c.numerator)}::DOUBLE AS numerator, ${col('t', c.denominator)}::DOUBLE AS denominator, NULL::VARCHAR AS source_code `
        + `FROM ${table} t WHERE true${dimFilter(ind, dims, 't')}`;
    case 'mean': {
      const v = `t.${sqlIdent(rule.column)}`;
      return `SELECT b.${parentColumn(level)} AS code, sum(b.population * ${v})::DOUBLE / nullif(sum(b.population) FILTER (WHERE ${v} IS NOT NULL), 0) AS value, `
        + `NULL::DOUBLE AS lower, NULL::DOUBLE AS upper, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator, NULL::VARCHAR AS source_code ${join} GROUP BY 1`;
    }
    case 'sum': {
      const v = `t.${sqlIdent(rule.column)}`;
      return `SELECT b.${parentColumn(level)} AS code, sum(${v})::DOUBLE AS value, NULL::DOUBLE AS lower, NULL::DOUBLE AS upper, `
        + `sum(${v})::DOUBLE AS numerator, NULL::DOUBLE AS denominator, NULL::VARCHAR AS source_code ${join} GROUP BY 1`;
    }
    case 'ratio': {
      const [n, d] = [`t.${sqlIdent(rule.numerator)}`, `t.${sqlIdent(rule.denominator)}`];
      return `SELECT b.${parentColumn(level)} AS code, ${sqlNumber(rule.multiplier)} * sum(${n})::DOUBLE / nullif(sum(${d}), 0) AS value, NULL::DOUBLE AS lower, NULL::DOUBLE AS upper, `
        + `sum(${n})::DOUBLE AS numerator, sum(${d})::DOUBLE AS denominator, NULL::VARCHAR AS source_code ${join} GROUP BY 1`;
    }
    case 'share': {
      const v = `t.${sqlIdent(rule.column)}`;
      return `SELECT b.${parentColumn(level)} AS code, 100.0 * coalesce(sum(b.population) FILTER (WHERE ${v} <= ${sqlNumber(rule.atMost)}), 0) / nullif(sum(b.population) FILTER (WHERE ${v} IS NOT NULL), 0) AS value, `
        + `NULL::DOUBLE AS lower, NULL::DOUBLE AS upper, coalesce(sum(b.population) FILTER (WHERE ${v} <= ${sqlNumber(rule.atMost)}), 0)::DOUBLE AS numerator, `
        + `sum(b.population) FILTER (WHERE ${v} IS NOT NULL)::DOUBLE AS denominator, NULL::VARCHAR AS source_code ${join} GROUP BY 1`;
    }
    case 'rank-of':
    case 'decile-of': {
      const of = getIndicator(rule.indicator);
      const order = of.polarity === 'higher-worse' ? 'DESC' : 'ASC';
      const fn = rule.kind === 'rank-of' ? 'rank()' : 'ntile(10)';
      return `SELECT code, (${fn} OVER (ORDER BY value ${order}))::DOUBLE AS value, NULL::DOUBLE AS lower, NULL::DOUBLE AS upper, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator, NULL::VARCHAR AS source_code `
        + `FROM (${valuesSql(of, level, dims)}) WHERE value IS NOT NULL`;
    }
    case 'inherit':
      return `SELECT code, value, lower, upper, numerator, denominator, source_code FROM (${rankedSql(ind, level, dims)})`;
  }
}

/** Values plus national rank among areas of the level the values belong to. */
function rankedSql(ind: Indicator, level: LevelId, dims: Record<string, string>): string {
  const rule = ind.levels[level];
  const order = ind.polarity === 'higher-worse' ? 'DESC' : 'ASC';
  if (rule?.kind === 'inherit') {
    // Keep the parent's rank: ranking thousands of copies of one value would be meaningless.
    return `SELECT a.code, p.value, p.lower, p.upper, p.numerator, p.denominator, p.national_rank, p.ranked, p.code AS source_code `
      + `FROM areas a JOIN (${rankedSql(ind, rule.from, dims)}) p ON p.code = a.${parentColumn(rule.from)} WHERE a.level = ${sqlString(level)}`;
  }
  return `SELECT v.*, CASE WHEN v.value IS NULL THEN NULL ELSE (rank() OVER (ORDER BY v.value ${order} NULLS LAST))::INTEGER END AS national_rank, `
    + `(count(v.value) OVER ())::INTEGER AS ranked FROM (${valuesSql(ind, level, dims)}) v`;
}

/** The full query: every area of `level` (code order), with nulls where there is no value. */
export function indicatorSql(indicatorId: string, level: LevelId, dims: Record<string, string> = {}): string {
  const ind = getIndicator(indicatorId);
  return `WITH r AS (${rankedSql(ind, level, dims)}) SELECT a.code, r.value, r.lower, r.upper, r.numerator, r.denominator, r.national_rank, r.ranked, r.source_code `
    + `FROM areas a LEFT JOIN r ON r.code = a.code WHERE a.level = ${sqlString(level)} ORDER BY a.code`;
}
