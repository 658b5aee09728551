/**
 * A GP practice file's rate from a numerator and a denominator (screening coverage, referral
 * conversion) as a practice and PCN measure: the file's per-practice sums (the dataset's
 * `<table>_practice` table, see load-dataset.ts) joined onto the QOF 2022-23 practice frame. Same
 * columns as practiceMeasureSql, so the Practices tab, funnel and tests read it the same way. A PCN
 * sums its member practices' numerators and denominators (never a mean of rates); its Sub-ICB is the
 * one holding most of its denominator. England sums the file's practices that are in QOF 2022-23;
 * practices of the file that are not (closed or merged) are listed by userPracticeMissingSql and are
 * left out of every sum, so England is the file's England, not the nation's.
 */
import type { PracticeLevelId } from '../catalogue/practice-measures';
import type { RatioCi } from '../catalogue/types';
import { ciSql } from './ci-sql';
import { sqlIdent, sqlNumber } from './sql-text';

export interface UserPracticeRate {
  /** The per-practice table (`user_<id>_practice`). */
  table: string;
  /** Its summed numerator and denominator columns (`v1_n`, `v1_d`). */
  numerator: string;
  denominator: string;
  multiplier: number;
  ci: RatioCi;
}

/** Practices of the file that are in QOF 2022-23, with their file's numerator and denominator. */
function perPractice(r: UserPracticeRate): string {
  return `SELECT p.practice_code, p.name, p.pcn_code, p.pcn_name, p.sicbl24_code, p.icb24_code, p.lon, p.lat,
      u.${sqlIdent(r.numerator)}::DOUBLE AS numerator, u.${sqlIdent(r.denominator)}::DOUBLE AS denominator
    FROM gp_practices p JOIN ${sqlIdent(r.table)} u ON u.code = p.practice_code
    WHERE u.${sqlIdent(r.numerator)} IS NOT NULL AND u.${sqlIdent(r.denominator)} > 0`;
}

function finish(r: UserPracticeRate, from: string): string {
  const ci = ciSql(r.ci, 'numerator', 'denominator', r.multiplier);
  return `SELECT *, ${sqlNumber(r.multiplier)} * numerator / nullif(denominator, 0) AS value, ${ci.lower} AS lower, ${ci.upper} AS upper FROM (${from})`;
}

/** Columns: code, name, pcn_code, pcn_name, sicbl24_code, icb24_code, lon, lat, practices, numerator, denominator, value, lower, upper. */
export function userPracticeSql(r: UserPracticeRate, level: PracticeLevelId): string {
  if (level === 'practice') {
    return `${finish(r, `SELECT practice_code AS code, name, pcn_code, pcn_name, sicbl24_code, icb24_code, lon, lat, 1 AS practices, numerator, denominator FROM (${perPractice(r)})`)} ORDER BY code`;
  }
  const pcns = `SELECT pcn_code AS code, any_value(pcn_name) AS name, pcn_code, any_value(pcn_name) AS pcn_name,
      arg_max(sicbl24_code, sicbl_den) AS sicbl24_code, arg_max(icb24_code, sicbl_den) AS icb24_code, NULL::DOUBLE AS lon, NULL::DOUBLE AS lat,
      count(*) AS practices, sum(numerator) AS numerator, sum(denominator) AS denominator
    FROM (SELECT *, sum(denominator) OVER (PARTITION BY pcn_code, sicbl24_code) AS sicbl_den FROM (${perPractice(r)}))
    WHERE pcn_code IS NOT NULL GROUP BY pcn_code`;
  return `${finish(r, pcns)} ORDER BY code`;
}

/** The file's England: its practices in QOF 2022-23 summed. Columns: practices, numerator, denominator, value, lower, upper. */
export function userPracticeEnglandSql(r: UserPracticeRate): string {
  return finish(r, `SELECT count(*) AS practices, sum(numerator) AS numerator, sum(denominator) AS denominator FROM (${perPractice(r)})`);
}

/** The file's practice codes that are not in QOF 2022-23 (closed or merged), left out of the measure. Column: code. */
export function userPracticeMissingSql(r: Pick<UserPracticeRate, 'table'>): string {
  return `SELECT code FROM ${sqlIdent(r.table)} WHERE code NOT IN (SELECT practice_code FROM gp_practices) ORDER BY code`;
}
