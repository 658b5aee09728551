/**
 * Practice and PCN values as the app, the CLI and the tests read them: the rows of practiceMeasureSql
 * through the one query runner, typed. Numbers are null where the source has none.
 */
import type { PracticeLevelId } from './catalogue/practice-measures';
import { rowsOf } from './db/arrow-columns';
import type { QueryRunner } from './query-runner';
import { practiceEnglandSql, practiceMeasureSql } from './sql/practice-sql';
import { userPracticeEnglandSql, userPracticeMissingSql, userPracticeSql, type UserPracticeRate } from './sql/user-practice-sql';

export interface PracticeValue {
  code: string;
  name: string;
  pcn: string | null;
  pcnName: string | null;
  sicbl24: string | null;
  icb24: string | null;
  lon: number | null;
  lat: number | null;
  practices: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'bigint' ? Number(v) : null);
const str = (v: string | number | boolean | null): string | null => (v === null ? null : String(v));

export async function loadPracticeValues(q: Pick<QueryRunner, 'run'>, id: string, level: PracticeLevelId): Promise<PracticeValue[]> {
  return valuesOf(await q.run(practiceMeasureSql(id, level)));
}

/** A GP practice file's rate per practice or PCN (user-practice-sql.ts). */
export async function loadUserPracticeValues(q: Pick<QueryRunner, 'run'>, rate: UserPracticeRate, level: PracticeLevelId): Promise<PracticeValue[]> {
  return valuesOf(await q.run(userPracticeSql(rate, level)));
}

/** The file's England (its practices in QOF 2022-23 summed) and how many practices it sums. */
export async function loadUserPracticeEngland(q: Pick<QueryRunner, 'run'>, rate: UserPracticeRate): Promise<Pick<PracticeValue, 'numerator' | 'denominator' | 'value' | 'lower' | 'upper' | 'practices'>> {
  const [r] = rowsOf(await q.run(userPracticeEnglandSql(rate)));
  return { practices: num(r?.practices) ?? 0, numerator: num(r?.numerator), denominator: num(r?.denominator), value: num(r?.value), lower: num(r?.lower), upper: num(r?.upper) };
}

/** The file's practice codes not in QOF 2022-23 (closed or merged): left out of the measure and its funnel. */
export async function loadUserPracticeMissing(q: Pick<QueryRunner, 'run'>, rate: Pick<UserPracticeRate, 'table'>): Promise<string[]> {
  return rowsOf(await q.run(userPracticeMissingSql(rate))).map((r) => String(r.code));
}

function valuesOf(result: Parameters<typeof rowsOf>[0]): PracticeValue[] {
  return rowsOf(result).map((r) => ({
    code: String(r.code), name: str(r.name) ?? '', pcn: str(r.pcn_code), pcnName: str(r.pcn_name), sicbl24: str(r.sicbl24_code), icb24: str(r.icb24_code),
    lon: num(r.lon), lat: num(r.lat), practices: num(r.practices) ?? 0,
    numerator: num(r.numerator), denominator: num(r.denominator), value: num(r.value), lower: num(r.lower), upper: num(r.upper),
  }));
}

export async function loadPracticeEngland(q: Pick<QueryRunner, 'run'>, id: string): Promise<Pick<PracticeValue, 'numerator' | 'denominator' | 'value' | 'lower' | 'upper'>> {
  const [r] = rowsOf(await q.run(practiceEnglandSql(id)));
  return { numerator: num(r?.numerator), denominator: num(r?.denominator), value: num(r?.value), lower: num(r?.lower), upper: num(r?.upper) };
}
