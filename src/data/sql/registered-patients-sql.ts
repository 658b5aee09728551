/**
 * NHS England's "Patients registered at a GP practice" LSOA breakdown, as SQL: the file's rows (loaded
 * as a raw table with its own column names) become `registered_patients_lsoa21(practice_code,
 * lsoa21_code, patients)` — a contract other parts read — and practices' registered-population-weighted
 * deprivation is summed from it. Sex: where the file has ALL rows only those are used; where it has only
 * MALE and FEMALE rows they are added. LSOA codes: a code that is a 2021 LSOA is used as it is (2011
 * codes unchanged in 2021 keep their code, so they match too); a 2011 code that changed (older files)
 * is mapped through the ONS 2011→2021 lookup, a split LSOA's patients apportioned by the 2021 LSOAs'
 * Census 2021 residents; any other code is reported, not guessed.
 */
import { sqlIdent } from './sql-text';

export const REGISTERED_TABLE = 'registered_patients_lsoa21';

/** The file's columns this layout needs (SEX is optional). */
const REGISTERED_COLUMNS = ['PRACTICE_CODE', 'LSOA_CODE', 'NUMBER_OF_PATIENTS'] as const;

/** True when a header row is this layout (column names compared without case or surrounding spaces). */
export function isRegisteredPatientsLayout(header: readonly string[]): boolean {
  const have = new Set(header.map((h) => h.trim().toUpperCase()));
  return REGISTERED_COLUMNS.every((c) => have.has(c));
}

/** Rows of `raw` this build uses: ALL rows where the file has them, else every sex row. */
function usedRows(raw: string, hasSex: boolean): string {
  const t = sqlIdent(raw);
  if (!hasSex) return `SELECT * FROM ${t}`;
  return `SELECT * FROM ${t} WHERE CASE WHEN (SELECT bool_or(upper(trim(SEX)) = 'ALL') FROM ${t}) THEN upper(trim(SEX)) = 'ALL' ELSE upper(trim(SEX)) IN ('MALE', 'FEMALE') END`;
}

/** `raw`'s used rows with codes tidied: practice, lsoa (as in the file), patients (NULL when not a number). */
const tidyRows = (raw: string, hasSex: boolean) =>
  `SELECT upper(trim(PRACTICE_CODE)) AS practice, upper(trim(LSOA_CODE)) AS lsoa, TRY_CAST(NUMBER_OF_PATIENTS AS DOUBLE) AS patients FROM (${usedRows(raw, hasSex)})`;

const LSOA21 = `(SELECT code FROM areas WHERE level = 'lsoa21')`;

/**
 * The ONS LSOA 2011 → 2021 lookup for the 2011 LSOAs that changed (split, merged, complex), as the
 * pipeline carries it in imd2019_lsoa21 (each 2021 LSOA with its 2011 parents), and each link's share:
 * a 2011 LSOA's patients are apportioned to the 2021 LSOAs it became by their Census 2021 residents.
 * Unchanged 2011 LSOAs keep their code in 2021 and match directly.
 */
const LSOA11_SHARES = `SELECT l.lsoa11, l.lsoa21, a.population / sum(a.population) OVER (PARTITION BY l.lsoa11) AS share
  FROM (SELECT code AS lsoa21, unnest(string_split(lsoa11, ' ')) AS lsoa11 FROM imd2019_lsoa21 WHERE change <> 'U') l
  JOIN areas a ON a.level = 'lsoa21' AND a.code = l.lsoa21`;

/** Rows placed on 2021 LSOAs: a 2021 code as it is, a changed 2011 code through LSOA11_SHARES (`mapped` marks those). */
const placedRows = (raw: string, hasSex: boolean) => `WITH u AS (${tidyRows(raw, hasSex)}), s AS (${LSOA11_SHARES})
  SELECT practice, lsoa AS lsoa21, patients, false AS mapped FROM u WHERE lsoa IN ${LSOA21}
  UNION ALL
  SELECT u.practice, s.lsoa21, u.patients * s.share, true FROM u JOIN s ON s.lsoa11 = u.lsoa WHERE u.lsoa NOT IN ${LSOA21}`;

/** Creates registered_patients_lsoa21 (or `target`, to be swapped in) from `raw`: known practices and 2021 LSOAs only, patients summed. */
export function createRegisteredSql(raw: string, hasSex: boolean, target: string = REGISTERED_TABLE): string {
  return `CREATE OR REPLACE TABLE ${sqlIdent(target)} AS
    SELECT practice AS practice_code, lsoa21 AS lsoa21_code, sum(patients) AS patients
    FROM (${placedRows(raw, hasSex)})
    WHERE practice IN (SELECT practice_code FROM gp_practices)
    GROUP BY ALL`;
}

/**
 * The join report, one row: rows read and used, the sex rows used, practices not in QOF 2022-23
 * (closed or merged since, with their patients), rows with a 2011 LSOA code that changed in 2021 and
 * were apportioned to 2021 LSOAs (and their patients), and LSOA codes that are neither (with theirs).
 */
export function registeredReportSql(raw: string, hasSex: boolean): string {
  const t = sqlIdent(raw);
  const known = `(SELECT code FROM areas WHERE level = 'lsoa21' UNION ALL SELECT lsoa11 FROM (${LSOA11_SHARES}))`;
  return `WITH u AS (${tidyRows(raw, hasSex)})
    SELECT (SELECT count(*) FROM ${t}) AS rows_read, (SELECT count(*) FROM u) AS rows_used,
      ${hasSex ? `(SELECT string_agg(DISTINCT upper(trim(SEX)), ', ' ORDER BY upper(trim(SEX))) FROM (${usedRows(raw, true)}))` : 'NULL'} AS sex_used,
      (SELECT list(DISTINCT practice ORDER BY practice) FROM u WHERE practice NOT IN (SELECT practice_code FROM gp_practices)) AS closed_practices,
      (SELECT coalesce(sum(patients), 0) FROM u WHERE practice NOT IN (SELECT practice_code FROM gp_practices)) AS closed_patients,
      (SELECT count(*) FROM u WHERE lsoa NOT IN ${LSOA21} AND lsoa IN (SELECT lsoa11 FROM (${LSOA11_SHARES}))) AS lsoa11_rows,
      (SELECT count(DISTINCT lsoa) FROM u WHERE lsoa NOT IN ${LSOA21} AND lsoa IN (SELECT lsoa11 FROM (${LSOA11_SHARES}))) AS lsoa11_codes,
      (SELECT coalesce(sum(patients), 0) FROM u WHERE lsoa NOT IN ${LSOA21} AND lsoa IN (SELECT lsoa11 FROM (${LSOA11_SHARES}))) AS lsoa11_patients,
      (SELECT list(DISTINCT lsoa ORDER BY lsoa) FROM u WHERE lsoa NOT IN ${known}) AS unknown_lsoas,
      (SELECT coalesce(sum(patients), 0) FROM u WHERE lsoa NOT IN ${known}) AS unknown_lsoa_patients,
      (SELECT count(*) FROM u WHERE patients IS NULL) AS bad_counts`;
}

export type RegisteredStat = 'imd2025_score' | 'imd2025_core20' | 'imd2019_core20';

/** Per practice: (practice_code, numerator, denominator = registered patients with a known LSOA). */
export function registeredSumsSql(stat: RegisteredStat): string {
  const numerator = stat === 'imd2025_score' ? 'sum(r.patients * i.imd_score)'
    : stat === 'imd2025_core20' ? 'coalesce(sum(r.patients) FILTER (WHERE i.imd_decile <= 2), 0)'
      : 'coalesce(sum(r.patients) FILTER (WHERE j.imd_decile <= 2), 0)';
  const join = stat === 'imd2019_core20' ? 'JOIN imd2019_lsoa21 j ON j.code = r.lsoa21_code' : 'JOIN imd2025 i ON i.code = r.lsoa21_code';
  return `SELECT r.practice_code, ${numerator}::DOUBLE AS numerator, sum(r.patients)::DOUBLE AS denominator
    FROM ${REGISTERED_TABLE} r ${join} GROUP BY r.practice_code ORDER BY r.practice_code`;
}

/** Per practice not in QOF 2022-23 (closed or merged since): its code and the patients the file gives it. */
export function registeredClosedSql(raw: string, hasSex: boolean): string {
  return `SELECT upper(trim(PRACTICE_CODE)) AS practice, coalesce(sum(TRY_CAST(NUMBER_OF_PATIENTS AS DOUBLE)), 0)::DOUBLE AS patients
    FROM (${usedRows(raw, hasSex)}) WHERE upper(trim(PRACTICE_CODE)) NOT IN (SELECT practice_code FROM gp_practices)
    GROUP BY 1 ORDER BY patients DESC, practice`;
}
