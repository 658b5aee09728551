/**
 * Loads a registered-patient file (registered-file.ts) into the atlas's DuckDB as
 * `registered_patients_lsoa21`, replacing an earlier one, and reads back its join report and each
 * practice's registered-population-weighted IMD 2025 score and Core20 share. A file that joins nothing
 * is refused with a message naming it and leaves what was loaded before as it was.
 */
import { numberColumn, rowsOf, stringColumn } from './db/arrow-columns';
import type { Db } from './db/db';
import { columnsToIpc } from './import/arrow-ipc';
import type { RegisteredFile } from './import/registered-file';
import { dropTableSql } from './import/user-table-sql';
import { createRegisteredSql, REGISTERED_TABLE, registeredClosedSql, registeredReportSql, registeredSumsSql } from './sql/registered-patients-sql';

export interface RegisteredReport {
  file: string;
  rowsRead: number;
  rowsUsed: number;
  /** The SEX values whose rows were added ("ALL", or "FEMALE, MALE"); null without a SEX column. */
  sexUsed: string | null;
  /** Practices not in QOF 2022-23 (closed or merged since), most patients first. */
  closed: { practice: string; patients: number }[];
  unknownLsoas: string[];
  unknownLsoaPatients: number;
  badCounts: number;
  /** Practices and patients in the table built. */
  practices: number;
  patients: number;
}

let loads = 0;

export async function loadRegisteredPatients(db: Db, f: RegisteredFile): Promise<RegisteredReport> {
  const raw = `registered_raw_${++loads}`;
  const staged = `${raw}_built`;
  const hasSex = f.sex !== null;
  try {
    await db.insertArrow(raw, columnsToIpc({
      PRACTICE_CODE: f.practice, LSOA_CODE: f.lsoa, NUMBER_OF_PATIENTS: f.patients, ...(f.sex ? { SEX: f.sex } : {}),
    }));
    const [r] = rowsOf(await db.query(`SELECT rows_read, rows_used, sex_used, array_to_string(unknown_lsoas, ',') AS unknown, unknown_lsoa_patients, bad_counts FROM (${registeredReportSql(raw, hasSex)})`));
    const c = await db.query(registeredClosedSql(raw, hasSex));
    const closedCodes = stringColumn(c, 'practice');
    const closedPatients = numberColumn(c, 'patients');
    await db.query(createRegisteredSql(raw, hasSex, staged));
    const [t] = rowsOf(await db.query(`SELECT count(DISTINCT practice_code) AS practices, coalesce(sum(patients), 0) AS patients FROM ${staged}`));
    if (!Number(t.practices)) {
      throw new Error(`${f.file}: no row has a QOF 2022-23 practice code in PRACTICE_CODE, a 2021 LSOA code in LSOA_CODE and a number in NUMBER_OF_PATIENTS, so nothing was loaded (a registered-patient file loaded before is kept). Check it is NHS England's "Patients registered at a GP practice" LSOA file.`);
    }
    await db.transaction([dropTableSql(REGISTERED_TABLE), `ALTER TABLE ${staged} RENAME TO ${REGISTERED_TABLE}`]);
    return {
      file: f.file, rowsRead: Number(r.rows_read), rowsUsed: Number(r.rows_used), sexUsed: r.sex_used == null ? null : String(r.sex_used),
      closed: closedCodes.map((p, i) => ({ practice: p ?? '', patients: closedPatients[i] })),
      unknownLsoas: r.unknown ? String(r.unknown).split(',') : [], unknownLsoaPatients: Number(r.unknown_lsoa_patients), badCounts: Number(r.bad_counts),
      practices: Number(t.practices), patients: Number(t.patients),
    };
  } finally {
    await db.query(dropTableSql(raw)).catch(() => undefined);
    await db.query(dropTableSql(staged)).catch(() => undefined);
  }
}

export interface RegisteredDeprivation { score: number | null; core20: number | null; patients: number }

/** Per practice in the loaded table: weighted IMD 2025 score and Core20 share (% of patients with a known LSOA). */
export async function loadRegisteredDeprivation(db: Db): Promise<Map<string, RegisteredDeprivation>> {
  const [s, c] = [await db.query(registeredSumsSql('imd2025_score')), await db.query(registeredSumsSql('imd2025_core20'))];
  const core = new Map(stringColumn(c, 'practice_code').map((p, i) => [p, numberColumn(c, 'numerator')[i]]));
  const num = numberColumn(s, 'numerator');
  const den = numberColumn(s, 'denominator');
  return new Map(stringColumn(s, 'practice_code').map((p, i) => [p ?? '', {
    score: den[i] > 0 ? num[i] / den[i] : null, core20: den[i] > 0 ? (100 * (core.get(p) ?? 0)) / den[i] : null, patients: den[i],
  }]));
}
