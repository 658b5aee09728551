/**
 * MHCLG's summary measures of the Indices of Deprivation for areas larger than an LSOA, derived from
 * LSOA rows by the method of the IoD technical report, and the publisher's own summaries where they
 * exist. Ranks in the averages follow MHCLG's convention: the most deprived LSOA counts as rank N (the
 * number of LSOAs ranked), so a higher average rank or local concentration is more deprived.
 *
 * - average rank: residents-weighted mean of the LSOAs' (reversed) ranks;
 * - proportion of LSOAs in the most deprived 10 % nationally: a count of LSOAs, not of residents;
 * - extent: share of residents living in the most deprived 30 % of LSOAs nationally, those in the
 *   most deprived 10 % counting fully and those in percentiles 11 to 30 with a weight falling from
 *   0.95 to 0.05 (percentile = ⌈100 × rank / N⌉);
 * - local concentration: residents-weighted mean (reversed) rank of the area's most deprived LSOAs
 *   that hold exactly 10 % of its residents (the LSOA on the boundary counts with the part needed).
 *
 * Each query takes the parts values-sql.ts builds for every aggregate (group code, by-value and the
 * FROM clause over base LSOAs `b` joined to the table `t`) and returns its value columns.
 */
import type { AggregateRule, PublishedRule } from '../catalogue/types';
import { sqlIdent, sqlNumber, sqlString } from './sql-text';

interface AggregateParts {
  /** `SELECT <group code> AS code, <by> AS by_value` */
  head: string;
  /** The group-code expression alone (for window partitions). */
  code: string;
  by: string;
  /** `FROM areas b … WHERE …` over the base LSOAs. */
  from: string;
  tail: string;
}

type SummaryRule = Extract<AggregateRule, { kind: 'lsoa-share' | 'average-rank' | 'extent' | 'local-concentration' }>;

const pop = 'b.population::DOUBLE';
const covered = (present: string) => `coalesce(sum(${pop}) FILTER (WHERE ${present}), 0) / nullif(sum(${pop}), 0) AS coverage`;
const reversed = (rank: string, lsoas: number) => `(${sqlNumber(lsoas + 1)} - ${rank})`;

export function summarySql(rule: SummaryRule, p: AggregateParts): string {
  const none = 'NULL::DOUBLE AS lower, NULL::DOUBLE AS upper';
  switch (rule.kind) {
    case 'lsoa-share': {
      const v = `t.${sqlIdent(rule.column)}`;
      const inShare = `count(*) FILTER (WHERE ${v} <= ${sqlNumber(rule.atMost)})::DOUBLE`;
      const known = `count(${v})::DOUBLE`;
      return `${p.head}, 100.0 * ${inShare} / nullif(${known}, 0) AS value, ${none}, ${inShare} AS numerator, ${known} AS denominator, ${p.tail}, ${covered(`${v} IS NOT NULL`)} ${p.from} GROUP BY 1, 2`;
    }
    case 'average-rank': {
      const r = `t.${sqlIdent(rule.rank)}`;
      return `${p.head}, sum(${pop} * ${reversed(r, rule.lsoas)}) / nullif(sum(${pop}) FILTER (WHERE ${r} IS NOT NULL), 0) AS value, ${none}, `
        + `NULL::DOUBLE AS numerator, sum(${pop}) FILTER (WHERE ${r} IS NOT NULL) AS denominator, ${p.tail}, ${covered(`${r} IS NOT NULL`)} ${p.from} GROUP BY 1, 2`;
    }
    case 'extent': {
      const r = `t.${sqlIdent(rule.rank)}`;
      const pct = `ceil(100.0 * ${r} / ${sqlNumber(rule.lsoas)})`;
      const weight = `(CASE WHEN ${pct} <= 10 THEN 1.0 WHEN ${pct} <= 30 THEN 0.95 - (0.9 / 19) * (${pct} - 11) ELSE 0.0 END)`;
      const known = `sum(${pop}) FILTER (WHERE ${r} IS NOT NULL)`;
      return `${p.head}, 100.0 * sum(${pop} * ${weight}) / nullif(${known}, 0) AS value, ${none}, sum(${pop} * ${weight}) AS numerator, ${known} AS denominator, `
        + `${p.tail}, ${covered(`${r} IS NOT NULL`)} ${p.from} GROUP BY 1, 2`;
    }
    case 'local-concentration': {
      const r = `t.${sqlIdent(rule.rank)}`;
      // Most deprived first; the code breaks ties so the boundary LSOA is the same on every run.
      const inner = `SELECT ${p.code} AS code, ${p.by} AS by_value, ${pop} AS pop, ${reversed(r, rule.lsoas)}::DOUBLE AS rr, `
        + `sum(${pop}) OVER (PARTITION BY ${p.code}, ${p.by} ORDER BY ${r}, b.code ROWS UNBOUNDED PRECEDING) AS cum, `
        + `0.1 * sum(${pop}) OVER (PARTITION BY ${p.code}, ${p.by}) AS target ${p.from} AND ${r} IS NOT NULL`;
      const take = 'greatest(0.0, least(pop, target - (cum - pop)))';
      return `SELECT code, by_value, sum(rr * ${take}) / nullif(sum(${take}), 0) AS value, ${none}, NULL::DOUBLE AS numerator, 10.0 * max(target) AS denominator, `
        + `NULL::VARCHAR AS source_code, NULL::VARCHAR AS note, NULL::DOUBLE AS coverage FROM (${inner}) GROUP BY 1, 2`;
    }
  }
}

/** Filter conditions on a published summary table (compared as text, like dimensions). */
function publishedFilter(rule: PublishedRule, alias: string): string {
  return Object.entries(rule.filter).map(([c, v]) => ` AND CAST(${alias}.${sqlIdent(c)} AS VARCHAR) = ${sqlString(v)}`).join('');
}

const DERIVED_NOTE = 'No published value for this area: derived by the atlas by MHCLG\'s method.';

/**
 * The published summary of every area of `level`, with `derived` (the `otherwise` rule's values, or
 * null) filling areas the publisher did not cover.
 */
export function publishedSql(rule: PublishedRule, level: string, derived: string | null): string {
  const note = rule.note ? `p.${sqlIdent(rule.note)}::VARCHAR` : 'NULL::VARCHAR';
  const pub = `SELECT p.code, p.${sqlIdent(rule.value)}::DOUBLE AS value, ${note} AS note FROM ${sqlIdent(rule.table)} p WHERE true${publishedFilter(rule, 'p')}`;
  const head = `SELECT a.code, NULL::VARCHAR AS by_value`;
  const where = `WHERE a.level = ${sqlString(level)}`;
  if (!derived) {
    return `${head}, p.value, NULL::DOUBLE AS lower, NULL::DOUBLE AS upper, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator, NULL::VARCHAR AS source_code, `
      + `false AS suppressed, p.note, NULL::DOUBLE AS coverage FROM areas a JOIN (${pub}) p ON p.code = a.code ${where}`;
  }
  const fill = `p.value IS NULL AND d.value IS NOT NULL`;
  return `${head}, coalesce(p.value, d.value) AS value, NULL::DOUBLE AS lower, NULL::DOUBLE AS upper, CASE WHEN ${fill} THEN d.numerator END AS numerator, `
    + `CASE WHEN ${fill} THEN d.denominator END AS denominator, NULL::VARCHAR AS source_code, false AS suppressed, `
    + `CASE WHEN ${fill} THEN coalesce(p.note, ${sqlString(DERIVED_NOTE)}) ELSE p.note END AS note, CASE WHEN ${fill} THEN d.coverage END AS coverage `
    + `FROM areas a LEFT JOIN (${pub}) p ON p.code = a.code LEFT JOIN (${derived}) d ON d.code = a.code ${where}`;
}

/** The publisher's rank of each area (joined by code), when the rule has one. */
export function publishedRankSql(rule: PublishedRule): string {
  return `SELECT p.code, p.${sqlIdent(rule.rank!)}::INTEGER AS rank FROM ${sqlIdent(rule.table)} p WHERE true${publishedFilter(rule, 'p')}`;
}
