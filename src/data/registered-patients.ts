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
import { BROAD_GROUPS } from './sql/profile-sql';
import { registeredMeasuresSql, type RegisteredUnit } from './sql/registered-measures-sql';
import { createRegisteredSql, REGISTERED_TABLE, registeredClosedSql, registeredReportSql } from './sql/registered-patients-sql';

export interface RegisteredReport {
  file: string;
  rowsRead: number;
  rowsUsed: number;
  /** The SEX values whose rows were added ("ALL", or "FEMALE, MALE"); null without a SEX column. */
  sexUsed: string | null;
  /** Practices not in QOF 2022-23 (closed or merged since), most patients first. */
  closed: { practice: string; patients: number }[];
  /** Rows with a 2011 LSOA code that changed in 2021, apportioned to 2021 LSOAs (registered-patients-sql.ts), their distinct codes and patients. */
  lsoa11Rows: number;
  lsoa11Codes: number;
  lsoa11Patients: number;
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
    const [r] = rowsOf(await db.query(`SELECT rows_read, rows_used, sex_used, lsoa11_rows, lsoa11_codes, lsoa11_patients, array_to_string(unknown_lsoas, ',') AS unknown, unknown_lsoa_patients, bad_counts FROM (${registeredReportSql(raw, hasSex)})`));
    const c = await db.query(registeredClosedSql(raw, hasSex));
    const closedCodes = stringColumn(c, 'practice');
    const closedPatients = numberColumn(c, 'patients');
    await db.query(createRegisteredSql(raw, hasSex, staged));
    const [t] = rowsOf(await db.query(`SELECT count(DISTINCT practice_code) AS practices, coalesce(sum(patients), 0) AS patients FROM ${staged}`));
    if (!Number(t.practices)) {
      throw new Error(`${f.file}: no row has a QOF 2022-23 practice code in PRACTICE_CODE, an LSOA code (2021, or 2011) in LSOA_CODE and a number in NUMBER_OF_PATIENTS, so nothing was loaded (a registered-patient file loaded before is kept). Check it is NHS England's "Patients registered at a GP practice" LSOA file.`);
    }
    await db.transaction([dropTableSql(REGISTERED_TABLE), `ALTER TABLE ${staged} RENAME TO ${REGISTERED_TABLE}`]);
    return {
      file: f.file, rowsRead: Number(r.rows_read), rowsUsed: Number(r.rows_used), sexUsed: r.sex_used == null ? null : String(r.sex_used),
      closed: closedCodes.map((p, i) => ({ practice: p ?? '', patients: closedPatients[i] })),
      lsoa11Rows: Number(r.lsoa11_rows), lsoa11Codes: Number(r.lsoa11_codes), lsoa11Patients: Number(r.lsoa11_patients),
      unknownLsoas: r.unknown ? String(r.unknown).split(',') : [], unknownLsoaPatients: Number(r.unknown_lsoa_patients), badCounts: Number(r.bad_counts),
      practices: Number(t.practices), patients: Number(t.patients),
    };
  } finally {
    await db.query(dropTableSql(raw)).catch(() => undefined);
    await db.query(dropTableSql(staged)).catch(() => undefined);
  }
}

/** Share (%) of `num` over `den`, or null when no patient has a value. */
const share = (num: number, den: number) => (den > 0 ? (100 * num) / den : null);

/**
 * A practice's or PCN's measures weighted by where its registered patients live (registered-measures-sql.ts):
 * IMD 2025 score; Core20 shares (% of patients living in LSOAs of national deciles 1–2) by IMD 2025 and
 * IMD 2019; adult smoking, an estimate from each patient's council's APS value in `smokingYear`;
 * Census 2021 broad ethnic groups as % of patients (their LSOAs' residents' shares). `patients`: in 2021 LSOAs.
 */
export interface RegisteredDeprivation {
  /** A practice's PCN code (null for a PCN, or a practice in none). */
  pcn: string | null;
  patients: number;
  score: number | null;
  core20: number | null;
  core20_2019: number | null;
  smoking: number | null;
  /** % of the patients whose council has an APS value that year (the smoking estimate covers only them). */
  smokingCoverage: number | null;
  smokingYear: number | null;
  ethnicity: Record<string, number | null>;
}

/** Per practice (or PCN: its practices' numerators and denominators summed) in the loaded table. */
export async function loadRegisteredDeprivation(db: Db, unit: RegisteredUnit = 'practice'): Promise<Map<string, RegisteredDeprivation>> {
  return new Map(rowsOf(await db.query(registeredMeasuresSql(unit))).map((r) => {
    const n = (k: string) => Number(r[k] ?? 0);
    return [String(r.code), {
      pcn: r.pcn == null ? null : String(r.pcn),
      patients: n('patients'),
      score: n('imd2025_known') > 0 ? n('imd2025_score') / n('imd2025_known') : null,
      core20: share(n('core20_2025'), n('core20_2025_known')),
      core20_2019: share(n('core20_2019'), n('core20_2019_known')),
      smoking: n('smoking_known') > 0 ? n('smoking') / n('smoking_known') : null,
      smokingCoverage: share(n('smoking_known'), n('patients')),
      smokingYear: r.smoking_year == null ? null : Number(r.smoking_year),
      ethnicity: Object.fromEntries(BROAD_GROUPS.map((g) => [g, share(n(`eth_${g}`), n('eth_known'))])),
    }];
  }));
}
