/**
 * Every period of an indicator for one area (for the detail panel's trend chart), with the other
 * dimensions fixed, England's value per period, and the years each period covers (pooled periods
 * span several). Periods without a value keep their row (value NULL) so the chart shows the gap.
 * An area whose value is inherited gets its parent's series, with the parent in `source_code`.
 */
import { getIndicator } from '../catalogue';
import { periodDimension } from '../catalogue/types';
import type { LevelId } from '../../geo/levels';
import { sqlIdent, sqlNumber, sqlString } from './sql-text';
import { englandRowSql, valuesSql } from './values-sql';

export function trendSql(indicatorId: string, level: LevelId, code: string, dims: Record<string, string> = {}): string {
  const ind = getIndicator(indicatorId);
  const periods = periodDimension(ind);
  if (!periods) throw new Error(`${ind.label} has a single period (${ind.period}): there is no trend`);
  const rule = ind.levels[level];
  if (!rule) throw new Error(`${ind.label} is not available for ${level}`);
  const inherited = rule.kind === 'inherit';
  const at = inherited ? rule.from : level;
  const areaCode = inherited
    ? `(SELECT ${sqlIdent(`${rule.from}_code`)} FROM areas WHERE level = ${sqlString(level)} AND code = ${sqlString(code)})`
    : sqlString(code);
  const num = (n: number | undefined) => (n === undefined ? 'NULL' : sqlNumber(n));
  // `ord`: the dimension's own order, which is time order (quarters and months of one year share its start year)
  const list = periods.values.map((v, i) => `(${sqlString(v.value)}, ${sqlString(v.label)}, ${num(v.start)}, ${num(v.end)}, ${i})`).join(', ');
  const source = inherited ? 'coalesce(v.source_code, v.code)' : 'v.source_code';
  return `SELECT p.period, p.label, p.start_year::INTEGER AS start_year, p.end_year::INTEGER AS end_year, v.value, v.lower, v.upper, v.numerator, v.denominator, `
    + `coalesce(v.suppressed, false) AS suppressed, v.note, ${source} AS source_code, e.value AS england_value, e.lower AS england_lower, e.upper AS england_upper `
    + `FROM (VALUES ${list}) AS p(period, label, start_year, end_year, ord) `
    + `LEFT JOIN (SELECT * FROM (${valuesSql(ind, at, dims, periods.key)}) WHERE code = ${areaCode}) v ON v.by_value = p.period `
    + `LEFT JOIN (${englandRowSql(ind, dims, periods.key)}) e ON e.by_value = p.period `
    + `ORDER BY p.start_year, p.end_year, p.ord`;
}
