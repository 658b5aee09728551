/**
 * SQL for the practice and PCN levels (QOF 2022-23): one row per practice or PCN with numerator,
 * denominator, value and, for register prevalence, the Wilson 95 % interval. A PCN sums the registers
 * and list sizes of its practices (never a mean of practice rates); its Sub-ICB location is the one
 * holding most of its registered patients (ten PCNs straddle two or three). England sums all practices.
 * Practices with no PCN ("Unallocated" in the mapping) appear at practice level only. Neighbourhood
 * measures (practice-neighbourhood-sql.ts) join residents sums of the LSOAs around each practice or
 * PCN onto the same frame; England for them is every LSOA's residents.
 */
import { practiceMeasure, type PracticeLevelId, type PracticeMeasure } from '../catalogue/practice-measures';
import { ciSql } from './ci-sql';
import { neighbourhoodEnglandSql, neighbourhoodSumsSql } from './practice-neighbourhood-sql';
import { sqlString } from './sql-text';

const LIST_SIZE = measureOf('qof.list_size');

function measureOf(id: string): PracticeMeasure {
  const m = practiceMeasure(id);
  if (!m) throw new Error(`unknown practice measure: ${id}`);
  return m;
}

/** One row per practice: its register and the list it is a share of (the whole list for list size). */
function perPractice(m: PracticeMeasure): string {
  // Neighbourhood measures take the list-size frame (the PCN's Sub-ICB follows its list) and replace the sums.
  if (m.kind === 'neighbourhood') return perPractice(LIST_SIZE);
  const group = m.group ?? 'CAN'; // the cancer register's list is the whole registered list (type TOTAL)
  const num = m.kind === 'count' ? 'r.list_size' : 'r.register';
  return `SELECT p.practice_code, p.name, p.pcn_code, p.pcn_name, p.sicbl24_code, p.icb24_code, p.lon, p.lat,
      ${num}::DOUBLE AS numerator, r.list_size::DOUBLE AS denominator
    FROM gp_practices p JOIN qof_registers r ON r.practice_code = p.practice_code AND r.group_code = ${sqlString(group)}`;
}

/** Neighbourhood measures: every practice (or PCN) frame with its neighbourhood's residents sums joined on. */
function withNeighbourhood(m: PracticeMeasure, frame: string, by: 'practice_code' | 'pcn_code'): string {
  return `SELECT f.* EXCLUDE (numerator, denominator), s.numerator, s.denominator FROM (${frame}) f LEFT JOIN (${neighbourhoodSumsSql(m.stat!, by)}) s ON s.key = f.code`;
}

function finish(m: PracticeMeasure, from: string): string {
  if (m.kind === 'neighbourhood') {
    const scale = m.stat === 'imd2025_score' ? '' : '100 * ';
    return `SELECT *, ${scale}numerator / nullif(denominator, 0) AS value, NULL::DOUBLE AS lower, NULL::DOUBLE AS upper FROM (${from})`;
  }
  if (m.kind === 'count') return `SELECT *, numerator AS value, NULL::DOUBLE AS lower, NULL::DOUBLE AS upper FROM (${from})`;
  const ci = ciSql('proportion', 'numerator', 'denominator', 100);
  // One practice's learning-disability register exceeds its list (Y05750: 121 of 118); its value is
  // shown as published, but a share above 1 has no binomial interval.
  const valid = 'numerator <= denominator';
  return `SELECT *, 100 * numerator / nullif(denominator, 0) AS value, CASE WHEN ${valid} THEN ${ci.lower} END AS lower, CASE WHEN ${valid} THEN ${ci.upper} END AS upper FROM (${from})`;
}

/** Columns: code, name, pcn_code, pcn_name, sicbl24_code, icb24_code, lon, lat, practices, numerator, denominator, value, lower, upper. */
export function practiceMeasureSql(id: string, level: PracticeLevelId): string {
  const m = measureOf(id);
  if (level === 'practice') {
    const frame = `SELECT practice_code AS code, name, pcn_code, pcn_name, sicbl24_code, icb24_code, lon, lat, 1 AS practices, numerator, denominator FROM (${perPractice(m)})`;
    return `${finish(m, m.kind === 'neighbourhood' ? withNeighbourhood(m, frame, 'practice_code') : frame)} ORDER BY code`;
  }
  const pcns = `SELECT pcn_code AS code, any_value(pcn_name) AS name, pcn_code, any_value(pcn_name) AS pcn_name,
      arg_max(sicbl24_code, sicbl_list) AS sicbl24_code, arg_max(icb24_code, sicbl_list) AS icb24_code, NULL::DOUBLE AS lon, NULL::DOUBLE AS lat,
      count(*) AS practices, sum(numerator) AS numerator, sum(denominator) AS denominator
    FROM (SELECT *, sum(denominator) OVER (PARTITION BY pcn_code, sicbl24_code) AS sicbl_list FROM (${perPractice(m)}))
    WHERE pcn_code IS NOT NULL GROUP BY pcn_code`;
  return `${finish(m, m.kind === 'neighbourhood' ? withNeighbourhood(m, pcns, 'pcn_code') : pcns)} ORDER BY code`;
}

/** England: every practice's register and list summed. Columns: numerator, denominator, value, lower, upper. */
export function practiceEnglandSql(id: string): string {
  const m = measureOf(id);
  if (m.kind === 'neighbourhood') return finish(m, neighbourhoodEnglandSql(m.stat!));
  return finish(m, `SELECT sum(numerator) AS numerator, sum(denominator) AS denominator FROM (${perPractice(m)})`);
}

