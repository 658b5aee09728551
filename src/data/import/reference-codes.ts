/**
 * The lists of valid area codes, by geography and year, that key detection and the join report
 * check a user's codes against. Built from the pipeline's reference tables (tables/areas.csv,
 * tables/ref_lad_codes.csv, tables/ref_area_codes.csv, tables/ref_practices.csv) by a pure function
 * of their rows, so tests can pass small synthetic lists instead.
 */
import type { Geography } from './classify-code';

/** Year → the codes valid that year (e.g. LSOA 2011 and 2021; wards 2019, 2021, 2022, 2024). */
export type VintagedCodes = ReadonlyMap<number, ReadonlySet<string>>;

export type GssGeography = Exclude<Geography, 'practice'>;

export interface PracticeRef {
  name: string;
  /** Where the practice is (its location, not where its patients live); null when unknown. */
  lsoa21: string | null;
  ward24: string | null;
  lad24: string | null;
  sicbl: string | null;
  icb: string | null;
  /** Registered patients (QOF 2022-23), a weight for averaging practices' percentages; null when unknown. */
  listSize: number | null;
}

export interface ReferenceCodes {
  vintages: Record<GssGeography, VintagedCodes>;
  /** Every English LAD code of 2016–2024 → its 2024 authority (itself when unchanged). */
  ladTo2024: ReadonlyMap<string, string>;
  /**
   * Census 2021 residents of each LAD code's area (a former district too), to weight former districts'
   * rates when several became one council; empty when the data was built before it was added.
   */
  ladResidents: ReadonlyMap<string, number>;
  /** GP practices by ODS code (e.g. A81001). */
  practices: ReadonlyMap<string, PracticeRef>;
  /** Area names by code, for messages ("E07000004 Aylesbury Vale"). */
  names: ReadonlyMap<string, string>;
}

export type Row = Record<string, string>;

export interface ReferenceTables {
  /** tables/areas.csv: level, code, name (lsoa21 and lsoa11 rows give the LSOA lists). */
  areas: Iterable<Row>;
  /** tables/ref_lad_codes.csv: code, name, year_first, year_last, lad24_code, residents (optional). */
  ladCodes: Iterable<Row>;
  /** tables/ref_area_codes.csv: family (ward|sicbl|icb|cal), code, name, years ("2019 2022"). */
  areaCodes: Iterable<Row>;
  /** tables/ref_practices.csv: code, name, lsoa21_code, ward24_code, lad24_code, sicbl_code, icb_code, list_size (optional). */
  practices: Iterable<Row>;
}

class VintageBuilder {
  readonly map = new Map<number, Set<string>>();
  add(year: number, code: string): void {
    let set = this.map.get(year);
    if (!set) this.map.set(year, (set = new Set()));
    set.add(code);
  }
}

function need(row: Row, col: string, table: string): string {
  const v = row[col];
  if (v === undefined) throw new Error(`reference table ${table}: column "${col}" is missing; rebuild the data with "npm run data"`);
  return v;
}

const orNull = (s: string | undefined) => (s ? s : null);
/** A positive count from a reference cell, or null (blank, or a table built before the column existed). */
const positive = (s: string | undefined) => (s && Number(s) > 0 ? Number(s) : null);

export function buildReferenceCodes(t: ReferenceTables): ReferenceCodes {
  const v: Record<GssGeography, VintageBuilder> = {
    lsoa: new VintageBuilder(), ward: new VintageBuilder(), lad: new VintageBuilder(),
    sicbl: new VintageBuilder(), icb: new VintageBuilder(), cal: new VintageBuilder(),
  };
  const names = new Map<string, string>();
  for (const r of t.areas) {
    const level = need(r, 'level', 'areas.csv');
    if (level === 'lsoa21' || level === 'lsoa11') v.lsoa.add(level === 'lsoa21' ? 2021 : 2011, need(r, 'code', 'areas.csv'));
    else if (r.name) names.set(r.code, r.name);
  }
  const ladTo2024 = new Map<string, string>();
  const ladResidents = new Map<string, number>();
  for (const r of t.ladCodes) {
    const code = need(r, 'code', 'ref_lad_codes.csv');
    const first = Number(need(r, 'year_first', 'ref_lad_codes.csv'));
    const last = Number(need(r, 'year_last', 'ref_lad_codes.csv'));
    for (let y = first; y <= last; y++) v.lad.add(y, code);
    ladTo2024.set(code, need(r, 'lad24_code', 'ref_lad_codes.csv'));
    const residents = positive(r.residents);
    if (residents !== null) ladResidents.set(code, residents);
    if (r.name) names.set(code, r.name);
  }
  for (const r of t.areaCodes) {
    const family = need(r, 'family', 'ref_area_codes.csv') as GssGeography;
    if (!(family in v) || family === 'lsoa' || family === 'lad') throw new Error(`reference table ref_area_codes.csv: unknown family "${family}"`);
    const code = need(r, 'code', 'ref_area_codes.csv');
    for (const y of need(r, 'years', 'ref_area_codes.csv').split(' ')) v[family].add(Number(y), code);
    if (r.name && !names.has(code)) names.set(code, r.name);
  }
  const practices = new Map<string, PracticeRef>();
  for (const r of t.practices) {
    practices.set(need(r, 'code', 'ref_practices.csv'), {
      name: r.name ?? '', lsoa21: orNull(r.lsoa21_code), ward24: orNull(r.ward24_code), lad24: orNull(r.lad24_code),
      sicbl: orNull(r.sicbl_code), icb: orNull(r.icb_code), listSize: positive(r.list_size),
    });
  }
  return {
    vintages: { lsoa: v.lsoa.map, ward: v.ward.map, lad: v.lad.map, sicbl: v.sicbl.map, icb: v.icb.map, cal: v.cal.map },
    ladTo2024, ladResidents, practices, names,
  };
}
