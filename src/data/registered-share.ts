/**
 * "Practice measures shared out to where patients live": with the registered-patient file loaded,
 * QOF 2022-23 register prevalence becomes a dataset of LSOA 2021 measures (registered-share-sql.ts),
 * one per register, in "Your data". Each LSOA's value is Σ practices' (register ÷ list) × their
 * patients living there, over those patients; larger areas average the LSOA values weighted by the
 * patients, which is the same as adding up both sums. Registers are context: direction neutral.
 * A GP practice file's share of a list is shared out the same way, one dataset per value.
 */
import { QOF_REGISTERS } from './catalogue/practice-measures';
import { numberColumn, stringColumn } from './db/arrow-columns';
import type { Db } from './db/db';
import type { JoinedRows } from './import/load-dataset';
import type { DatasetSpec, ValueSpec } from './import/user-dataset';
import type { UserPracticeMeasure } from './import/user-practice-measures';
import { registeredShareSql, registeredUserShareSql, shareColumn } from './sql/registered-share-sql';

/** The weight's name in method texts ("averaged weighted by …"). */
const WEIGHT = 'registered patients living in the area';

/** How the measures were made and what they are not (the dataset's note, shown with its method and caveats). */
function registeredShareNote(file: string): string {
  return `Shared out from GP practices to where their patients live, using ${file} and QOF 2022-23: for each LSOA 2021, `
    + 'the estimated number on a register is the sum over practices of the practice\'s register prevalence (register ÷ list) times its registered patients living in the LSOA, '
    + 'divided by those patients; larger areas add up both. It is each practice\'s recorded prevalence applied to its patients where they live: '
    + 'an estimate, not a count of the area\'s residents on a register, and it covers only the patients in the file (practices not in QOF 2022-23 left out). '
    + 'Registers for part of the list (e.g. aged 18 and over) are applied to all the practice\'s patients in the file. Registers are context (recorded prevalence reflects case-finding and coding as well as disease), not better or worse.';
}

function userShareNote(m: UserPracticeMeasure, registered: string): string {
  return `Shared out from GP practices to where their patients live, using ${registered}: for each LSOA 2021, the estimated number is the sum over the practices of ${m.file} `
    + 'of the practice\'s share (your numerator ÷ denominator) times its registered patients living in the LSOA, divided by those patients; larger areas add up both. '
    + 'It is each practice\'s share applied to all its registered patients where they live (whatever group your denominator counts): an estimate, not a count of the area\'s residents, '
    + 'and only practices with a numerator and a denominator in your file and patients in the registered file count. No confidence interval.';
}

/** One LSOA dataset whose values are averaged by `patients` wherever areas combine (so larger areas sum both). */
function shareSpec(id: string, file: string, note: string, values: ValueSpec[], codes: (string | null)[], patients: Float64Array, columns: JoinedRows['columns']): { spec: DatasetSpec; rows: JoinedRows } {
  const spec: DatasetSpec = {
    id, file, sheet: null, table: `user_${id}`, nativeLevel: 'lsoa21', practices: false, combine: 'first', split: null,
    joinNote: note, values, weight: { kind: 'column', column: WEIGHT }, rowsRead: codes.length, rowsJoined: 0, areas: 0,
  };
  return { spec, rows: { joinKeys: codes, rowNumbers: Uint32Array.from(codes, (_, i) => i + 1), columns, weights: Float64Array.from(patients) } };
}

const perPatient = (x: Float64Array, patients: Float64Array) => Float64Array.from(x, (v, k) => (patients[k] > 0 ? (100 * v) / patients[k] : Number.NaN));

/** A GP practice file's share of a list (user-practice-measures.ts) shared out to where patients live, as a one-value dataset. */
export async function registeredUserShareDataset(db: Db, id: string, m: UserPracticeMeasure, registered: string): Promise<{ spec: DatasetSpec; rows: JoinedRows }> {
  const t = await db.query(registeredUserShareSql(m.rate));
  const patients = numberColumn(t, 'patients');
  const value: ValueSpec = {
    column: `${m.label} shared out by registered patients`, field: 'v1', label: `${m.label.replace(/^Your data: /, '')}, by where practices' patients live (estimate)`,
    unit: 'percent', unitText: '% (estimate)', polarity: 'neutral', decimals: 2,
  };
  return shareSpec(id, m.file, userShareNote(m, registered), [value], stringColumn(t, 'code'), patients, [{ name: value.column, raw: [], numbers: perPatient(numberColumn(t, 'share'), patients) }]);
}

export async function registeredShareDataset(db: Db, id: string, file: string): Promise<{ spec: DatasetSpec; rows: JoinedRows }> {
  const t = await db.query(registeredShareSql());
  const codes = stringColumn(t, 'code');
  const patients = numberColumn(t, 'patients');
  const values: ValueSpec[] = QOF_REGISTERS.map((g, i) => ({
    column: `${g.name} register % shared out by registered patients`, field: `v${i + 1}`,
    label: `${g.name} register % (QOF 2022-23), by where practices' patients live (estimate)`,
    unit: 'percent', unitText: '% of registered patients (estimate)', polarity: 'neutral', decimals: 2,
  }));
  const columns = QOF_REGISTERS.map((g, i) => ({ name: values[i].column, raw: [], numbers: perPatient(numberColumn(t, shareColumn(g.group)), patients) }));
  return shareSpec(id, file, registeredShareNote(file), values, codes, patients, columns);
}
