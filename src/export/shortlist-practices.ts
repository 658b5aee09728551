/**
 * The shortlist's "Practices and PCNs" section in the exports: one row per practice or Primary Care
 * Network the planner added, ODS codes first (practice_code, pcn_code) so the rows join to any
 * practice data. A PCN is a group of practices, not an area: its row has no practice code and no site,
 * and in GeoJSON it is a feature without geometry (RFC 7946 §3.2); a practice is a point at its site
 * (NHS website 2019). Names come from published files but are still formula-guarded in CSV.
 */
import { toCsv } from '../lib/csv-write';

export interface ShortlistPracticeRow {
  kind: 'practice' | 'pcn';
  /** null for a PCN. */
  practiceCode: string | null;
  /** The practice's name, or the PCN's. */
  name: string;
  pcnCode: string | null;
  pcnName: string | null;
  /** For a PCN: its practices (QOF 2022-23 mapping); for a practice: null. */
  practices: number | null;
  lon: number | null;
  lat: number | null;
}

export const PRACTICE_HEADER = ['kind', 'practice_code', 'practice_name', 'pcn_code', 'pcn_name', 'practices_in_pcn', 'latitude', 'longitude'] as const;

export function practiceTableRows(rows: readonly ShortlistPracticeRow[]): (string | number | null)[][] {
  return rows.map((r) => [
    r.kind === 'pcn' ? 'PCN' : 'GP practice', r.practiceCode, r.kind === 'practice' ? r.name : null,
    r.pcnCode, r.kind === 'pcn' ? r.name : r.pcnName, r.practices, r.lat, r.lon,
  ]);
}

export function writePracticesCsv(rows: readonly ShortlistPracticeRow[]): string {
  return toCsv([...PRACTICE_HEADER], practiceTableRows(rows), { bom: true, guardFormulas: true });
}

/** GeoJSON features for the section, after the areas': `section: "practices and PCNs"` tells them apart. */
export function practiceFeatures(rows: readonly ShortlistPracticeRow[]): object[] {
  return rows.map((r) => ({
    type: 'Feature',
    id: r.kind === 'pcn' ? r.pcnCode : r.practiceCode,
    geometry: r.kind === 'practice' && r.lon !== null && r.lat !== null ? { type: 'Point', coordinates: [r.lon, r.lat] } : null,
    properties: { section: 'practices and PCNs', ...Object.fromEntries(PRACTICE_HEADER.map((h, j) => [h, practiceTableRows([r])[0][j]])) },
  }));
}
