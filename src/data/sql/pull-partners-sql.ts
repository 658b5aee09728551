/**
 * "Pull" partners for a shortlist: the GP practices located in the shortlisted areas or within a
 * stated distance of them, with ODS code, PCN and list size (QOF 2022-23), ranked by how many
 * shortlisted areas they touch, then list size. A practice is "in" an area when its site's LSOA 2021
 * (from its coordinates, MANIFEST §8) is in it; "near" when its site is within `withinKm` great-circle
 * km of the area's centre point (the areas table's lon/lat, the point labels use). With the
 * registered-patient file loaded (table `registered_patients_lsoa21`), practices are ranked first by
 * their registered patients living in the shortlisted areas, and practices with such patients join
 * the list even when their site is further away.
 */
import { sqlString } from './sql-text';

/** The areas-table column that places an LSOA 2021 in each level a shortlist can be at. */
const LSOA_PARENT: Record<string, string> = {
  lsoa21: 'code', ward24: 'ward24_code', lad24: 'lad24_code', sicbl24: 'sicbl24_code', icb24: 'icb24_code', cal22: 'cal22_code',
};

export const PULL_PARTNER_LEVELS = Object.keys(LSOA_PARENT);

/** SQL telling whether the registered-patient table exists (one row, column `n`). */
export const registeredPatientsExistSql = "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'registered_patients_lsoa21'";

export interface PullPartnerQuery { level: string; codes: readonly string[]; withinKm: number; withPatients: boolean }

/**
 * Columns: practice_code, name, pcn_code, pcn_name, list_size, areas (shortlisted areas touched),
 * areas_in (of them, those the site is in), nearest_km (to the nearest shortlisted area's centre),
 * patients (registered patients living in the shortlisted areas; NULL without the file).
 */
export function pullPartnersSql(q: PullPartnerQuery): string {
  const parent = LSOA_PARENT[q.level];
  if (!parent) throw new Error(`pull partners are not available at level ${q.level}`);
  if (!Number.isFinite(q.withinKm) || q.withinKm < 0) throw new Error(`distance must be 0 km or more, not ${q.withinKm}`);
  const codes = q.codes.length ? q.codes.map(sqlString).join(', ') : 'NULL';
  const km = (lon1: string, lat1: string, lon2: string, lat2: string) =>
    `2 * 6371.0088 * asin(least(1, sqrt(pow(sin(radians(${lat2} - ${lat1}) / 2), 2) + cos(radians(${lat1})) * cos(radians(${lat2})) * pow(sin(radians(${lon2} - ${lon1}) / 2), 2))))`;
  const patients = q.withPatients
    ? `, patients AS (SELECT r.practice_code, sum(r.patients)::DOUBLE AS patients FROM registered_patients_lsoa21 r JOIN members m ON m.lsoa = r.lsoa21_code GROUP BY r.practice_code)`
    : '';
  return `WITH picked AS (SELECT code, lon, lat FROM areas WHERE level = ${sqlString(q.level)} AND code IN (${codes})),
  members AS (SELECT code AS lsoa, ${parent} AS area FROM areas WHERE level = 'lsoa21' AND ${parent} IN (SELECT code FROM picked)),
  pairs AS (
    SELECT p.practice_code, k.code AS area, m.lsoa IS NOT NULL AS inside, ${km('p.lon', 'p.lat', 'k.lon', 'k.lat')} AS km
    FROM gp_practices p CROSS JOIN picked k LEFT JOIN members m ON m.lsoa = p.lsoa21_code AND m.area = k.code
  ),
  touched AS (
    SELECT practice_code, count(*) FILTER (WHERE inside OR km <= ${q.withinKm}) AS areas, count(*) FILTER (WHERE inside) AS areas_in, min(km) AS nearest_km
    FROM pairs GROUP BY practice_code
  ),
  lists AS (SELECT practice_code, any_value(list_size) AS list_size FROM qof_registers WHERE list_type = 'TOTAL' GROUP BY practice_code)${patients}
SELECT p.practice_code, p.name, p.pcn_code, p.pcn_name, l.list_size::DOUBLE AS list_size, t.areas::INTEGER AS areas, t.areas_in::INTEGER AS areas_in,
  t.nearest_km, ${q.withPatients ? 'coalesce(pt.patients, 0)' : 'NULL::DOUBLE'} AS patients
FROM touched t JOIN gp_practices p USING (practice_code) LEFT JOIN lists l USING (practice_code)
${q.withPatients ? 'LEFT JOIN patients pt USING (practice_code)' : ''}
WHERE t.areas > 0${q.withPatients ? ' OR coalesce(pt.patients, 0) > 0' : ''}
ORDER BY ${q.withPatients ? 'patients DESC, ' : ''}areas DESC, list_size DESC NULLS LAST, practice_code`;
}
