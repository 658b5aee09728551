/**
 * QOF registers shared out to where practices' registered patients live: for each LSOA 2021 in the
 * registered-patient table, `patients` = Σ over practices of their patients living there, and per
 * register `reg_<GROUP>` = Σ over practices of (register ÷ list) × those patients — the practice's
 * recorded prevalence applied to its patients who live in the LSOA. An estimate, not a count of
 * residents on a register. Larger areas add up both (the dataset weights each LSOA's share by `patients`).
 * Every QOF 2022-23 practice has every register with a list above 0, so `patients` is every register's denominator.
 */
import { QOF_REGISTERS } from '../catalogue/practice-measures';
import { sqlIdent, sqlString } from './sql-text';
import { REGISTERED_TABLE } from './registered-patients-sql';
import type { UserPracticeRate } from './user-practice-sql';

export const shareColumn = (group: string) => sqlIdent(`reg_${group}`);

export function registeredShareSql(): string {
  const regs = QOF_REGISTERS.map((g) => `sum(r.patients * q.register / q.list_size) FILTER (WHERE q.group_code = ${sqlString(g.group)})::DOUBLE AS ${shareColumn(g.group)}`);
  return `SELECT r.lsoa21_code AS code, sum(r.patients) FILTER (WHERE q.group_code = 'CAN')::DOUBLE AS patients, ${regs.join(', ')}
    FROM ${REGISTERED_TABLE} r JOIN qof_registers q ON q.practice_code = r.practice_code AND q.list_size > 0
    GROUP BY 1 HAVING sum(r.patients) > 0 ORDER BY 1`;
}

/** A GP practice file's share of a list shared out the same way: per LSOA, `patients` of the file's practices with a usable pair, and `share` = Σ (numerator ÷ denominator) × patients. */
export function registeredUserShareSql(r: UserPracticeRate): string {
  const [num, den] = [`u.${sqlIdent(r.numerator)}`, `u.${sqlIdent(r.denominator)}`];
  return `SELECT r.lsoa21_code AS code, sum(r.patients)::DOUBLE AS patients, sum(r.patients * ${num} / ${den})::DOUBLE AS share
    FROM ${REGISTERED_TABLE} r JOIN ${sqlIdent(r.table)} u ON u.code = r.practice_code
    WHERE ${num} IS NOT NULL AND ${den} > 0
    GROUP BY 1 HAVING sum(r.patients) > 0 ORDER BY 1`;
}
