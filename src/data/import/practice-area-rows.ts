/**
 * A GP practice file's Sub-ICB and ICB values come from the practices' own Sub-ICB (the QOF 2022-23
 * practice → PCN → Sub-ICB mapping in the built practice table, recoded to 2024), not from the LSOA
 * where each surgery stands: patients of a practice near a boundary are counted with the Sub-ICB
 * that commissions their practice. The rows go into the dataset's own table beside its LSOAs (the
 * indicator reads them as native rows at those levels, see dataset-indicators.ts), so the map, the
 * rules, the composite, the CLI and saved projects all read the same numbers. An ICB is the ICB of
 * its Sub-ICBs in the atlas's 2024 areas (not the 2022 ICB code the QOF mapping carries).
 *
 * Rates are rebuilt from summed numerators and denominators and counts are added up; averages keep
 * the LSOA path (their weights are residents or rows, not practices), so their columns stay NULL here.
 */
import { sqlIdent, sqlNumber, sqlString } from '../sql/sql-text';
import { carriesWeight, denominatorField, numeratorField, weightField, type DatasetSpec, type ValueSpec } from './user-dataset';

/** Levels whose rows a practice file's table carries beside its LSOAs. */
export const PRACTICE_AREA_LEVELS = ['sicbl24', 'icb24'] as const;

/** Whether a value is summed over practices into their Sub-ICB and ICB (rates with a denominator, counts). */
export const summedByPractice = (v: ValueSpec) => !!v.ratio || v.unit === 'count';

function valueColumns(d: DatasetSpec, v: ValueSpec): string[] {
  const f = sqlIdent(v.field);
  if (v.ratio) {
    const [n, den] = [sqlIdent(numeratorField(v)), sqlIdent(denominatorField(v))];
    return [`(${sqlNumber(v.ratio.multiplier)} * sum(${n}) / nullif(sum(${den}), 0))::DOUBLE AS ${f}`, `sum(${n})::DOUBLE AS ${n}`, `sum(${den})::DOUBLE AS ${den}`];
  }
  if (v.unit === 'count') return [`sum(${f})::DOUBLE AS ${f}`];
  return [`NULL::DOUBLE AS ${f}`, ...(carriesWeight(d, v) ? [`NULL::DOUBLE AS ${sqlIdent(weightField(v))}`] : [])];
}

/** Each per-practice row with its 2024 Sub-ICB and that Sub-ICB's ICB (practices without one are left out). */
const mapped = (practiceTable: string) => `SELECT u.*, g.sicbl24_code AS sicbl24, s.icb24_code AS icb24
  FROM ${sqlIdent(practiceTable)} u JOIN gp_practices g ON g.practice_code = u.code
  JOIN areas s ON s.level = 'sicbl24' AND s.code = g.sicbl24_code`;

/**
 * Adds to `target` (a dataset table, one row per LSOA) one row per Sub-ICB and per ICB summed from
 * `practiceTable` (the file's per-practice table, user-table-sql.ts), in the same columns.
 */
export function insertPracticeAreaRowsSql(d: DatasetSpec, practiceTable: string, target: string): string {
  const values = d.values.flatMap((v) => valueColumns(d, v));
  const select = (level: (typeof PRACTICE_AREA_LEVELS)[number]) => {
    const keys = d.split ? `${level}, split` : level;
    return `SELECT ${level} AS code${d.split ? ', split' : ''}, ${values.join(', ')}, count(*)::INTEGER AS "rows" FROM (${mapped(practiceTable)}) GROUP BY ${keys}`;
  };
  return `INSERT INTO ${sqlIdent(target)} BY NAME ${PRACTICE_AREA_LEVELS.map(select).join(' UNION ALL BY NAME ')}`;
}

/**
 * For the join report: the file's practices with a Sub-ICB, those without one (closed or merged
 * practices, not in QOF 2022-23, or a practice the mapping places nowhere), and the patients the
 * latter count in the first rate's denominator (null when the file has no rate). One row.
 */
export function practiceAreaReportSql(d: DatasetSpec, practiceTable: string): string {
  const rate = d.values.find((v) => v.ratio);
  const den = rate ? `coalesce(sum(${sqlIdent(denominatorField(rate))}) FILTER (WHERE NOT mapped), 0)::DOUBLE` : 'NULL::DOUBLE';
  const codes = `SELECT code, ${rate ? `sum(${sqlIdent(denominatorField(rate))})` : 'NULL'} AS ${sqlIdent(rate ? denominatorField(rate) : 'none')},
      code IN (SELECT code FROM (${mapped(practiceTable)})) AS mapped
    FROM ${sqlIdent(practiceTable)} WHERE code <> ${sqlString('E92000001')} GROUP BY code`;
  return `SELECT count(*) FILTER (WHERE mapped)::INTEGER AS mapped, count(*) FILTER (WHERE NOT mapped)::INTEGER AS unmapped, ${den} AS patients FROM (${codes})`;
}
