/**
 * The 2021 geography read straight from the raw ONS files (papaparse only): each English LSOA 2021
 * with its 2024 district, ward, Sub-ICB location and ICB and its Census 2021 residents.
 */
import { num, rawRows } from './raw-csv';

export interface RawLsoa { code: string; lad: string; ward: string; sicbl: string; icb: string; pop: number; pop16: number }

let cached: RawLsoa[] | undefined;

export function rawLsoas(): RawLsoa[] {
  if (cached) return cached;
  const nhs = new Map(rawRows('lookups/lsoa21_sicbl24_icb24_england_geographr.csv.gz').map((r) => [r.lsoa21_code, r]));
  const pop = new Map(rawRows('population/census2021_usual_residents_by_age6_lsoa21_ew.csv.gz').map((r) => [r.lsoa21_code, r]));
  cached = rawRows('lookups/lsoa21_ward24_lad24_ew_geographr.csv.gz')
    .filter((r) => nhs.has(r.lsoa21_code))
    .map((r) => {
      const n = nhs.get(r.lsoa21_code)!;
      const p = pop.get(r.lsoa21_code)!;
      return { code: r.lsoa21_code, lad: r.ltla24_code, ward: r.ward24_code, sicbl: n.sicbl24_code, icb: n.icb24_code, pop: num(p.total_usual_residents), pop16: num(p.age_16_plus) };
    });
  return cached;
}

/** Resident-weighted mean of `valueOf(lsoa)` over the LSOAs `inArea` selects; LSOAs without a value are left out. */
export function weightedMean(inArea: (l: RawLsoa) => boolean, valueOf: (l: RawLsoa) => number | null, weight: (l: RawLsoa) => number = (l) => l.pop) {
  let s = 0;
  let w = 0;
  let all = 0;
  for (const l of rawLsoas()) {
    if (!inArea(l)) continue;
    all += weight(l);
    const v = valueOf(l);
    if (v === null) continue;
    s += weight(l) * v;
    w += weight(l);
  }
  return { mean: s / w, coverage: w / all };
}
