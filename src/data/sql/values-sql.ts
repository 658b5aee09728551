/**
 * Values of one indicator at one level before ranking: one row per area (per area and period when a
 * dimension is carried through for a trend) with value, lower, upper, numerator, denominator,
 * source_code, suppressed, note and coverage.
 *
 * Native rows come straight from the table. Coarser levels are built from the base small areas
 * (LSOAs): when the indicator is published for a coarser area (a local authority, a Sub-ICB
 * location), each LSOA carries its share of that area — its residents over the area's residents —
 * so means weight by residents and sums and ratios split counts by residents. Where the areas nest
 * this is the plain sum over the member areas; where they do not (a Sub-ICB location split between
 * two 2019 Cancer Alliances) it apportions by residents.
 *
 * Every number read from an indicator's table goes through `sqlPresent` (NaN and infinities are
 * missing), so "present" means the same in values, coverage and ranks.
 */
import { getIndicator } from '../catalogue';
import { rankOrder } from '../catalogue/direction';
import type { AggregateRule, Indicator } from '../catalogue/types';
import { LEVELS, type LevelId } from '../../geo/levels';
import { ciSql } from './ci-sql';
import { rowFilter } from './row-filter';
import { sqlIdent, sqlNumber, sqlPresent, sqlString } from './sql-text';
import { publishedSql, summarySql } from './summary-sql';

const col = (alias: string, c: string | undefined) => (c ? `${alias}.${sqlIdent(c)}` : 'NULL');
/** A numeric column of the indicator's table: NULL unless finite. */
const num = (alias: string, c: string | undefined) => (c ? sqlPresent(`${alias}.${sqlIdent(c)}`) : 'NULL');

/**
 * Hides value, limits and count where fewer than `suppressBelow` events underlie a rate, and notes
 * (without hiding) rates from fewer than `flagBelow` events.
 */
function suppress(ind: Indicator, inner: string): string {
  const s = ind.suppressBelow === undefined ? 'false' : `coalesce(numerator < ${sqlNumber(ind.suppressBelow)}, false)`;
  const hide = (c: string) => `CASE WHEN suppressed THEN NULL ELSE ${c} END AS ${c}`;
  const flag = ind.flagBelow === undefined ? 'note'
    : `CASE WHEN NOT suppressed AND numerator < ${sqlNumber(ind.flagBelow)} THEN concat_ws(' ', note, ${sqlString(`From fewer than ${ind.flagBelow} events: an imprecise rate (see its interval).`)}) ELSE note END AS note`;
  return `SELECT code, by_value, ${hide('value')}, ${hide('lower')}, ${hide('upper')}, ${hide('numerator')}, denominator, source_code, suppressed, ${flag}, coverage `
    + `FROM (SELECT *, ${s} AS suppressed FROM (${inner}))`;
}

function nativeSql(ind: Indicator, dims: Record<string, string>, by: string | undefined, where: string, table = ind.table): string {
  const c = ind.columns;
  const [n, d] = [num('t', c.numerator), num('t', c.denominator)];
  const ci = !c.lower && ind.ci ? ciSql(ind.ci.method, n, d, ind.ci.multiplier) : { lower: num('t', c.lower), upper: num('t', c.upper) };
  return `SELECT t.code, ${byColumn(ind, by, 't')} AS by_value, ${num('t', c.value)}::DOUBLE AS value, (${ci.lower})::DOUBLE AS lower, (${ci.upper})::DOUBLE AS upper, `
    + `${n}::DOUBLE AS numerator, ${d}::DOUBLE AS denominator, ${col('t', c.valueArea)}::VARCHAR AS source_code, ${col('t', c.note)}::VARCHAR AS note, NULL::DOUBLE AS coverage `
    + `FROM ${sqlIdent(table)} t WHERE ${where}${rowFilter(ind, dims, 't', by)}`;
}

function byColumn(ind: Indicator, by: string | undefined, alias: string): string {
  if (!by) return 'NULL::VARCHAR';
  const d = ind.dimensions?.find((x) => x.key === by);
  if (!d) throw new Error(`${ind.label} has no "${by}" dimension`);
  return `CAST(${alias}.${sqlIdent(d.column)} AS VARCHAR)`;
}

/**
 * Native rows of the indicator's own areas (England's row and any other area stays out); `table` and
 * `level` name another table of rows for another level (IMD 2019 carried onto 2021 LSOAs).
 */
function nativeValuesSql(ind: Indicator, dims: Record<string, string>, by?: string, table = ind.table, level: LevelId = ind.nativeLevel): string {
  return suppress(ind, nativeSql(ind, dims, by, `t.code IN (SELECT code FROM areas WHERE level = ${sqlString(level)})`, table));
}

/** England's own row (tables keep it under E92000001), same columns. */
export function englandRowSql(ind: Indicator, dims: Record<string, string>, by?: string): string {
  return suppress(ind, nativeSql(ind, dims, by, `t.code = 'E92000001'`));
}

function aggregateSql(ind: Indicator, rule: AggregateRule, level: LevelId, dims: Record<string, string>, by: string | undefined): string {
  const nativeLevel = rule.base?.level ?? ind.nativeLevel;
  const native = LEVELS[nativeLevel];
  const direct = native.base === nativeLevel;
  const table = sqlIdent(rule.base?.table ?? ind.table);
  const filter = rowFilter(ind, dims, 't', by);
  const from = direct
    ? `FROM areas b LEFT JOIN ${table} t ON t.code = b.code${filter} WHERE b.level = ${sqlString(native.base)}`
    : `FROM areas b JOIN areas n ON n.level = ${sqlString(nativeLevel)} AND n.code = b.${sqlIdent(native.baseKey)} `
      + `LEFT JOIN ${table} t ON t.code = n.code${filter} WHERE b.level = ${sqlString(native.base)}`;
  // The part of a native area's counts that falls in this LSOA.
  const part = `${direct ? '1.0' : 'b.population::DOUBLE / nullif(n.population, 0)'}${ind.columns.share ? ` * ${num('t', ind.columns.share)}` : ''}`;
  const group = `GROUP BY 1, 2`;
  const code = `b.${sqlIdent(LEVELS[level].baseKey)}`;
  const byValue = byColumn(ind, by, 't');
  const head = `SELECT ${code} AS code, ${byValue} AS by_value`;
  const tail = `NULL::VARCHAR AS source_code, NULL::VARCHAR AS note`;
  const covered = (w: string, present: string) => `coalesce(sum(${w}) FILTER (WHERE ${present}), 0)::DOUBLE / nullif(sum(${w}), 0) AS coverage`;
  const counted = ind.columns.numerator ? `sum(${num('t', ind.columns.numerator)} * ${part})::DOUBLE` : 'NULL::DOUBLE';
  switch (rule.kind) {
    case 'mean': {
      const v = num('t', rule.column);
      // a weight column holds the row's own weight (split like a count where areas straddle); coverage stays a share of residents
      const w = rule.weightColumn ? `(${num('t', rule.weightColumn)} * ${part})` : `b.${sqlIdent(rule.weight ?? 'population')}::DOUBLE`;
      return `${head}, sum(${w} * ${v}) / nullif(sum(${w}) FILTER (WHERE ${v} IS NOT NULL), 0) AS value, NULL::DOUBLE AS lower, NULL::DOUBLE AS upper, `
        + `${counted} AS numerator, NULL::DOUBLE AS denominator, ${tail}, ${covered(rule.weightColumn ? 'b.population' : w, `${v} IS NOT NULL`)} ${from} ${group}`;
    }
    case 'sum': {
      const v = num('t', rule.column);
      return `${head}, sum(${v} * ${part})::DOUBLE AS value, NULL::DOUBLE AS lower, NULL::DOUBLE AS upper, sum(${v} * ${part})::DOUBLE AS numerator, NULL::DOUBLE AS denominator, `
        + `${tail}, ${covered('b.population', `${v} IS NOT NULL`)} ${from} ${group}`;
    }
    case 'ratio': {
      const [n, d] = [`sum(${num('t', rule.numerator)} * ${part})`, `sum(${num('t', rule.denominator)} * ${part})`];
      const ci = ind.ci ? ciSql(ind.ci.method, n, d, ind.ci.multiplier) : { lower: 'NULL', upper: 'NULL' };
      return `${head}, ${sqlNumber(rule.multiplier)} * ${n}::DOUBLE / nullif(${d}, 0) AS value, (${ci.lower})::DOUBLE AS lower, (${ci.upper})::DOUBLE AS upper, `
        + `${n}::DOUBLE AS numerator, ${d}::DOUBLE AS denominator, ${tail}, ${covered('b.population', `${num('t', rule.numerator)} IS NOT NULL`)} ${from} ${group}`;
    }
    case 'share': {
      const v = num('t', rule.column);
      const inShare = `coalesce(sum(b.population) FILTER (WHERE ${v} <= ${sqlNumber(rule.atMost)}), 0)::DOUBLE`;
      const known = `sum(b.population) FILTER (WHERE ${v} IS NOT NULL)::DOUBLE`;
      const value = rule.as === 'residents' ? `CASE WHEN ${known} > 0 THEN ${inShare} END` : `100.0 * ${inShare} / nullif(${known}, 0)`;
      return `${head}, ${value} AS value, NULL::DOUBLE AS lower, NULL::DOUBLE AS upper, ${inShare} AS numerator, ${known} AS denominator, `
        + `${tail}, ${covered('b.population', `${v} IS NOT NULL`)} ${from} ${group}`;
    }
    default:
      return summarySql(rule, { head, code, by: byValue, from, tail });
  }
}

/** Values at `level`; `by` carries one dimension (e.g. period) through as `by_value` instead of filtering it. */
export function valuesSql(ind: Indicator, level: LevelId, dims: Record<string, string>, by?: string): string {
  const rule = ind.levels[level];
  if (!rule) throw new Error(`${ind.label} is not available for ${level}`);
  switch (rule.kind) {
    case 'native':
      return nativeValuesSql(ind, dims, by, rule.table, level);
    case 'published': {
      if (by) throw new Error(`${ind.label}: published summaries have no trend`);
      const derived = rule.otherwise ? suppress(ind, aggregateSql(ind, rule.otherwise, level, dims, undefined)) : null;
      return publishedSql(rule, level, derived);
    }
    case 'rank-of':
    case 'decile-of': {
      if (by) throw new Error(`${ind.label}: ranks have no trend`);
      const of = getIndicator(rule.indicator);
      // rank() gives tied areas the same (best) rank; deciles come from those ranks, so ties never split.
      const rank = `rank() OVER (ORDER BY value ${rankOrder(of)})`;
      const fn = rule.kind === 'rank-of' ? rank : `ceil(10.0 * ${rank} / count(*) OVER ())`;
      return `SELECT code, by_value, (${fn})::DOUBLE AS value, NULL::DOUBLE AS lower, NULL::DOUBLE AS upper, NULL::DOUBLE AS numerator, `
        + `NULL::DOUBLE AS denominator, NULL::VARCHAR AS source_code, false AS suppressed, note, coverage FROM (${valuesSql(of, level, dims)}) WHERE value IS NOT NULL`;
    }
    case 'inherit':
      throw new Error(`${ind.label}: inherited values come from the ranked parent query`);
    default:
      return suppress(ind, aggregateSql(ind, rule, level, dims, by));
  }
}
