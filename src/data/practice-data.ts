/**
 * Practice and PCN values as the app, the CLI and the tests read them: the rows of practiceMeasureSql
 * through the one query runner, typed. Numbers are null where the source has none.
 */
import type { PracticeLevelId } from './catalogue/practice-measures';
import { rowsOf } from './db/arrow-columns';
import type { QueryRunner } from './query-runner';
import { practiceEnglandSql, practiceMeasureSql } from './sql/practice-sql';

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
  return rowsOf(await q.run(practiceMeasureSql(id, level))).map((r) => ({
    code: String(r.code), name: str(r.name) ?? '', pcn: str(r.pcn_code), pcnName: str(r.pcn_name), sicbl24: str(r.sicbl24_code), icb24: str(r.icb24_code),
    lon: num(r.lon), lat: num(r.lat), practices: num(r.practices) ?? 0,
    numerator: num(r.numerator), denominator: num(r.denominator), value: num(r.value), lower: num(r.lower), upper: num(r.upper),
  }));
}

export async function loadPracticeEngland(q: Pick<QueryRunner, 'run'>, id: string): Promise<Pick<PracticeValue, 'numerator' | 'denominator' | 'value' | 'lower' | 'upper'>> {
  const [r] = rowsOf(await q.run(practiceEnglandSql(id)));
  return { numerator: num(r?.numerator), denominator: num(r?.denominator), value: num(r?.value), lower: num(r?.lower), upper: num(r?.upper) };
}
