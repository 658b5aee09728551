/**
 * The shortlist's "Practices and PCNs" section in the exports: one row per practice or Primary Care
 * Network the planner added, ODS codes first (practice_code, pcn_code) so the rows join to any
 * practice data, with the Sub-ICB, the QOF 2022-23 list size and the practice measure chosen in the
 * Practices tab (value and Wilson 95 % interval). A practice is a point at its site (NHS website
 * 2019). A PCN is a group of practices, not an area: its row has no practice code and no site of its
 * own, and in GeoJSON its geometry is a MultiPoint of its practices' sites, said so in a property.
 * Names come from published files but are still formula-guarded in CSV.
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
  /** The Sub-ICB location (2024 ONS code) of the practice; of a PCN, the one holding most of its list. */
  subIcbCode: string | null;
  /** QOF 2022-23 list size (all ages); a PCN's is the sum over its practices. */
  listSize: number | null;
  /** For a PCN: its practices (QOF 2022-23 mapping); for a practice: null. */
  practices: number | null;
  /** The practice measure chosen in the Practices tab, for this practice or PCN; null when none applies. */
  measure: { label: string; unit: string; value: number | null; lower: number | null; upper: number | null } | null;
  /** A practice's site; null for a PCN. */
  lon: number | null;
  lat: number | null;
  /** For a PCN: its practices' sites [lon, lat] (those with a known site); empty for a practice. */
  members: readonly (readonly [number, number])[];
}

export const PRACTICE_HEADER = [
  'kind', 'practice_code', 'practice_name', 'pcn_code', 'pcn_name', 'sub_icb_code', 'list_size', 'practices_in_pcn',
  'measure', 'measure_value', 'measure_lower_95', 'measure_upper_95', 'latitude', 'longitude',
] as const;

/** What a PCN's GeoJSON geometry is, in its properties (a reader must not take it for an area). */
export const PCN_GEOMETRY_NOTE = 'A PCN is a group of GP practices, not an area: its geometry is its practices\' sites (a MultiPoint), not a boundary.';

export function practiceTableRows(rows: readonly ShortlistPracticeRow[]): (string | number | null)[][] {
  return rows.map((r) => [
    r.kind === 'pcn' ? 'PCN' : 'GP practice', r.practiceCode, r.kind === 'practice' ? r.name : null,
    r.pcnCode, r.kind === 'pcn' ? r.name : r.pcnName, r.subIcbCode, r.listSize, r.practices,
    r.measure ? `${r.measure.label}${r.measure.unit ? ` (${r.measure.unit})` : ''}` : null, r.measure?.value ?? null, r.measure?.lower ?? null, r.measure?.upper ?? null,
    r.lat, r.lon,
  ]);
}

export function writePracticesCsv(rows: readonly ShortlistPracticeRow[]): string {
  return toCsv([...PRACTICE_HEADER], practiceTableRows(rows), { bom: true, guardFormulas: true });
}

function geometryOf(r: ShortlistPracticeRow): object | null {
  if (r.kind === 'practice') return r.lon !== null && r.lat !== null ? { type: 'Point', coordinates: [r.lon, r.lat] } : null;
  return r.members.length ? { type: 'MultiPoint', coordinates: r.members.map(([x, y]) => [x, y]) } : null;
}

/** GeoJSON features for the section, after the areas': `section: "practices and PCNs"` tells them apart. */
export function practiceFeatures(rows: readonly ShortlistPracticeRow[]): object[] {
  return rows.map((r) => ({
    type: 'Feature',
    id: r.kind === 'pcn' ? r.pcnCode : r.practiceCode,
    geometry: geometryOf(r),
    properties: {
      section: 'practices and PCNs', ...Object.fromEntries(PRACTICE_HEADER.map((h, j) => [h, practiceTableRows([r])[0][j]])),
      ...(r.kind === 'pcn' ? { geometry_note: PCN_GEOMETRY_NOTE } : {}),
    },
  }));
}
