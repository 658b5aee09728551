/**
 * SQL for one indicator at one level. The result has one row per area of the level (in code order,
 * the order of the geometry files) with: value, lower/upper confidence limits, numerator, denominator,
 * national rank (1 = worst), the number of ranked areas, `source_code` (the area the value belongs to
 * when it is not this one: the coarser area it was inherited from, or the county a district shares a
 * value with), `suppressed` (a rate from fewer than 10 events: value NULL, never drawn or ranked as
 * zero), `note` (harmonisation and publication notes), `coverage` (share of residents whose areas had
 * a value, for aggregates) and `source_share` (share of residents living in the source area, for
 * inherited values: below 1 where an area straddles two parents and took the larger one's value).
 */
import { getIndicator } from '../catalogue';
import { rankOrder } from '../catalogue/direction';
import type { Indicator } from '../catalogue/types';
import { LEVELS, type LevelId } from '../../geo/levels';
import { sqlIdent, sqlNumber, sqlString } from './sql-text';
import { publishedRankSql } from './summary-sql';
import { valuesSql } from './values-sql';

const parentColumn = (level: LevelId) => sqlIdent(`${level}_code`);

/** Residents of each area of `level` living in its recorded parent at `from`, as a share. */
function sourceShareSql(level: LevelId, from: LevelId): string {
  const { base, baseKey } = LEVELS[level];
  if (base === level || LEVELS[from].base !== base) return 'SELECT NULL::VARCHAR AS code, NULL::VARCHAR AS parent, NULL::DOUBLE AS share WHERE false';
  return `SELECT b.${sqlIdent(baseKey)} AS code, b.${parentColumn(from)} AS parent, sum(b.population)::DOUBLE AS share FROM areas b WHERE b.level = ${sqlString(base)} GROUP BY 1, 2`;
}

/**
 * Values plus national rank. Rows that share one published value (districts of one county) are
 * ranked once, so a rank reads "of N published areas"; inherited rows keep their parent's rank.
 */
function rankedSql(ind: Indicator, level: LevelId, dims: Record<string, string>): string {
  const rule = ind.levels[level];
  if (rule?.kind === 'inherit') {
    const shares = sourceShareSql(level, rule.from);
    const share = LEVELS[level].base === level ? '1.0' : 's.share / nullif(a.population, 0)';
    return `SELECT a.code, NULL::VARCHAR AS by_value, p.value, p.lower, p.upper, p.numerator, p.denominator, coalesce(p.source_code, p.code) AS source_code, `
      + `p.suppressed, p.note, p.coverage, p.national_rank, p.ranked, (${share})::DOUBLE AS source_share `
      + `FROM areas a JOIN (${rankedSql(ind, rule.from, dims)}) p ON p.code = a.${parentColumn(rule.from)} `
      + `LEFT JOIN (${shares}) s ON s.code = a.code AND s.parent = a.${parentColumn(rule.from)} WHERE a.level = ${sqlString(level)}`;
  }
  const ranked = (n: number | undefined) => (n === undefined ? '(SELECT count(*) FROM v WHERE value IS NOT NULL)' : sqlNumber(n));
  if (rule?.kind === 'native' && ind.columns.rank) {
    // The publisher's own rank (it breaks ties on unrounded values); a carried-over rank may be fractional.
    return `WITH v AS (${valuesSql(ind, level, dims)}) SELECT v.*, round(t.${sqlIdent(ind.columns.rank)})::INTEGER AS national_rank, `
      + `${ranked(rule.rankOf)}::INTEGER AS ranked, NULL::DOUBLE AS source_share FROM v LEFT JOIN ${sqlIdent(rule.table ?? ind.table)} t ON t.code = v.code`;
  }
  if (rule?.kind === 'published' && rule.rank && !rule.otherwise) {
    return `WITH v AS (${valuesSql(ind, level, dims)}) SELECT v.*, t.rank AS national_rank, ${ranked(undefined)}::INTEGER AS ranked, NULL::DOUBLE AS source_share `
      + `FROM v LEFT JOIN (${publishedRankSql(rule)}) t ON t.code = v.code`;
  }
  const order = rankOrder(ind);
  return `WITH v AS (${valuesSql(ind, level, dims)}), `
    + `k AS (SELECT coalesce(source_code, code) AS k, any_value(value) AS value FROM v WHERE value IS NOT NULL GROUP BY 1), `
    + `r AS (SELECT k, (rank() OVER (ORDER BY value ${order}))::INTEGER AS national_rank FROM k) `
    + `SELECT v.*, r.national_rank, (SELECT count(*) FROM k)::INTEGER AS ranked, NULL::DOUBLE AS source_share FROM v LEFT JOIN r ON r.k = coalesce(v.source_code, v.code)`;
}

/** The full query: every area of `level` (code order), with nulls where there is no value. */
export function indicatorSql(indicatorId: string, level: LevelId, dims: Record<string, string> = {}): string {
  const ind = getIndicator(indicatorId);
  if (!ind.levels[level]) throw new Error(`${ind.label} is not available for ${level}`);
  return `WITH r AS (${rankedSql(ind, level, dims)}) SELECT a.code, r.value, r.lower, r.upper, r.numerator, r.denominator, r.national_rank, r.ranked, r.source_code, `
    + `coalesce(r.suppressed, false) AS suppressed, r.note, r.coverage, r.source_share FROM areas a LEFT JOIN r ON r.code = a.code WHERE a.level = ${sqlString(level)} ORDER BY a.code`;
}
