/**
 * The pull partners as CSV: ODS codes (practice_code, pcn_code) first so the file joins to any
 * practice data, then names, list size and how the practice relates to the shortlist. Strings are
 * formula-guarded (practice and PCN names come from published files but are passed on to Excel).
 */
import { toCsv } from '../lib/csv-write';

export interface PullPartner {
  practice_code: string;
  name: string;
  pcn_code: string | null;
  pcn_name: string | null;
  list_size: number | null;
  areas: number;
  areas_in: number;
  nearest_km: number;
  patients: number | null;
}

export function pullPartnersCsv(rows: readonly PullPartner[], rule: string): string {
  const header = ['rank', 'practice_code', 'practice_name', 'pcn_code', 'pcn_name', 'list_size_qof_2022_23', 'shortlisted_areas_touched', 'shortlisted_areas_located_in', 'km_to_nearest_shortlisted_area_centre', 'registered_patients_in_shortlisted_areas', 'rule'];
  return toCsv(header, rows.map((r, i) => [
    i + 1, r.practice_code, r.name, r.pcn_code, r.pcn_name, r.list_size, r.areas, r.areas_in, Math.round(r.nearest_km * 100) / 100, r.patients, i === 0 ? rule : '',
  ]), { bom: true, guardFormulas: true });
}
