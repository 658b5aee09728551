/**
 * NDRS incidence rows read straight from the raw derived-rates file (MANIFEST §7c), and which
 * CancerData unit each 2024 Sub-ICB location's values come from, as the MANIFEST documents it.
 */
import { num, rawRows } from './raw-csv';

export interface RawIncidence { count: number; population: number; crude: number; dsr: number; lower: number | null; upper: number | null }

const SEX: Record<string, string> = { Persons: 'persons', Female: 'female', Male: 'male' };

let cached: Map<string, RawIncidence> | undefined;

/** Key `unit|period|sex|site`, with sex and site as the catalogue writes them. */
export function rawIncidence(): Map<string, RawIncidence> {
  if (cached) return cached;
  cached = new Map();
  for (const r of rawRows('cancer/cancer_incidence_rates_dsr_ccg21x105_18sites_2001_2020_derived.csv.gz')) {
    const site = r.icd10_code === '18 sites combined' ? 'all-18' : r.icd10_code;
    cached.set(`${r.area_code}|${r.period}|${SEX[r.sex]}|${site}`, {
      count: num(r.count), population: num(r.population), crude: num(r.crude_rate_per_100k), dsr: num(r.dsr_esp2013_6band_per_100k),
      lower: r.dsr_lcl95 === 'NA' ? null : num(r.dsr_lcl95), upper: r.dsr_ucl95 === 'NA' ? null : num(r.dsr_ucl95),
    });
  }
  return cached;
}

/**
 * MANIFEST §7: four units were re-drawn in 2022 and keep their old CCG codes; Birmingham and
 * Solihull and the Black Country are one combined unit; two Sub-ICB locations were recoded in 2024.
 */
const UNIT_OF: Record<string, string> = {
  E38000260: 'E38000026', E38000263: 'E38000182', E38000261: 'E38000229', E38000262: 'E38000242',
  E38000258: 'E38000258/E38000259', E38000259: 'E38000258/E38000259', E38000264: 'E38000246', E38000265: 'E38000248',
};

export const unitOf = (sicbl24: string) => UNIT_OF[sicbl24] ?? sicbl24;

export const isCombined = (sicbl24: string) => unitOf(sicbl24).includes('/');
