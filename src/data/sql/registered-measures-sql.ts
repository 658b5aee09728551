/**
 * Measures of a practice or a PCN weighted by where its registered patients live (table
 * `registered_patients_lsoa21`, registered-patients-sql.ts): for each LSOA 2021 a patient lives in,
 * that LSOA's IMD 2025 score and deciles (IMD 2025, and IMD 2019 through the ONS 2011→2021 lookup),
 * its council's APS adult smoking prevalence (latest year England has) and its Census 2021 residents'
 * broad ethnic groups (TS021). One row per unit of weighted numerators and their denominators (the
 * patients for whom the LSOA has a value); a PCN's row sums its practices' numerators and
 * denominators, never a mean of practice rates. Callers divide. A practice's row also names its PCN.
 */
import { BROAD_GROUPS } from './profile-sql';
import { sqlIdent } from './sql-text';
import { REGISTERED_TABLE } from './registered-patients-sql';

export type RegisteredUnit = 'practice' | 'pcn';

/** The APS year used: the latest with an England value (as the area profiles use). */
const SMOKING_YEAR = `(SELECT max(CAST(period AS INTEGER)) FROM smoking_aps WHERE code = 'E92000001')`;

export function registeredMeasuresSql(unit: RegisteredUnit): string {
  const key = unit === 'practice' ? 'r.practice_code' : 'g.pcn_code';
  const known = (cond: string) => `coalesce(sum(r.patients) FILTER (WHERE ${cond}), 0)::DOUBLE`;
  // each patient counts towards a group by the share of their LSOA's residents in it
  const ethnic = BROAD_GROUPS.map((g) => `coalesce(sum(r.patients * e.${sqlIdent(g)} / e.total) FILTER (WHERE e.total > 0), 0)::DOUBLE AS ${sqlIdent(`eth_${g}`)}`);
  return `SELECT ${key} AS code, ${unit === 'practice' ? 'any_value(g.pcn_code)' : 'NULL::VARCHAR'} AS pcn, sum(r.patients)::DOUBLE AS patients,
      sum(r.patients * i.imd_score)::DOUBLE AS imd2025_score, ${known('i.imd_score IS NOT NULL')} AS imd2025_known,
      ${known('i.imd_decile <= 2')} AS core20_2025, ${known('i.imd_decile IS NOT NULL')} AS core20_2025_known,
      ${known('j.imd_decile <= 2')} AS core20_2019, ${known('j.imd_decile IS NOT NULL')} AS core20_2019_known,
      sum(r.patients * s.value)::DOUBLE AS smoking, ${known('s.value IS NOT NULL')} AS smoking_known,
      ${ethnic.join(', ')}, ${known('e.total > 0')} AS eth_known,
      any_value(${SMOKING_YEAR})::INTEGER AS smoking_year
    FROM ${REGISTERED_TABLE} r
      JOIN gp_practices g ON g.practice_code = r.practice_code
      JOIN areas a ON a.level = 'lsoa21' AND a.code = r.lsoa21_code
      LEFT JOIN imd2025 i ON i.code = r.lsoa21_code
      LEFT JOIN imd2019_lsoa21 j ON j.code = r.lsoa21_code
      LEFT JOIN ethnicity e ON e.code = r.lsoa21_code
      LEFT JOIN smoking_aps s ON s.code = a.lad24_code AND CAST(s.period AS INTEGER) = ${SMOKING_YEAR}
    WHERE ${key} IS NOT NULL
    GROUP BY 1 ORDER BY 1`;
}
