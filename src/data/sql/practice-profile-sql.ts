/**
 * A practice's or PCN's profile: every QOF register (and the list) for the unit beside its Sub-ICB,
 * its ICB and England, each a sum of the practices' registers and lists (never a mean of practice
 * rates), with the Wilson 95 % interval of the sums. A PCN's Sub-ICB (and that Sub-ICB's ICB) is the
 * one holding most of its registered patients, as in practiceMeasureSql. Rows: scope ('unit', 'sicbl',
 * 'icb', 'england'), area_code (the Sub-ICB or ICB code), group_code, numerator, denominator, value,
 * lower, upper; the list size is the cancer register's denominator (QOF list type TOTAL).
 */
import type { PracticeLevelId } from '../catalogue/practice-measures';
import { ciSql } from './ci-sql';
import { sqlString } from './sql-text';

export function practiceProfileSql(level: PracticeLevelId, code: string): string {
  const ci = ciSql('proportion', 'numerator', 'denominator', 100);
  const key = level === 'practice' ? 'practice_code' : 'pcn_code';
  const sums = (scope: string, area: string, where: string) =>
    `SELECT '${scope}' AS scope, ${area} AS area_code, group_code, sum(reg) AS numerator, sum(list) AS denominator FROM base WHERE ${where} GROUP BY group_code`;
  return `WITH base AS (
      SELECT p.practice_code, p.pcn_code, p.sicbl24_code, p.icb24_code, r.group_code, r.register::DOUBLE AS reg, r.list_size::DOUBLE AS list
      FROM gp_practices p JOIN qof_registers r ON r.practice_code = p.practice_code),
    unit AS (SELECT * FROM base WHERE ${key} = ${sqlString(code)}),
    home AS (SELECT arg_max(sicbl24_code, list) AS sicbl, arg_max(icb24_code, list) AS icb
      FROM (SELECT sicbl24_code, icb24_code, sum(list) AS list FROM unit WHERE group_code = 'CAN' GROUP BY sicbl24_code, icb24_code)),
    sums AS (
      SELECT 'unit' AS scope, ${sqlString(code)} AS area_code, group_code, sum(reg) AS numerator, sum(list) AS denominator FROM unit GROUP BY group_code
      UNION ALL ${sums('sicbl', '(SELECT sicbl FROM home)', 'sicbl24_code = (SELECT sicbl FROM home)')}
      UNION ALL ${sums('icb', '(SELECT icb FROM home)', 'icb24_code = (SELECT icb FROM home)')}
      UNION ALL ${sums('england', 'NULL', 'true')})
    SELECT *, 100 * numerator / nullif(denominator, 0) AS value,
      CASE WHEN numerator <= denominator THEN ${ci.lower} END AS lower, CASE WHEN numerator <= denominator THEN ${ci.upper} END AS upper
    FROM sums ORDER BY group_code, scope`;
}
