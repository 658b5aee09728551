/**
 * Independent reads (papaparse only, none of the pipeline's code) of the files behind ethnic group,
 * stage at diagnosis and the 2022 Cancer Alliances, for the tests that recompute their figures.
 */
import { num, rawRows } from './raw-csv';

/** TS021 column header of each group key, written out here rather than derived from the app's classification. */
export const TS021_HEADERS: Record<string, string> = {
  asian: 'Asian, Asian British or Asian Welsh', asian_bangladeshi: 'Asian, Asian British or Asian Welsh: Bangladeshi',
  asian_chinese: 'Asian, Asian British or Asian Welsh: Chinese', asian_indian: 'Asian, Asian British or Asian Welsh: Indian',
  asian_pakistani: 'Asian, Asian British or Asian Welsh: Pakistani', asian_other: 'Asian, Asian British or Asian Welsh: Other Asian',
  black: 'Black, Black British, Black Welsh, Caribbean or African', black_african: 'Black, Black British, Black Welsh, Caribbean or African: African',
  black_caribbean: 'Black, Black British, Black Welsh, Caribbean or African: Caribbean', black_other: 'Black, Black British, Black Welsh, Caribbean or African: Other Black',
  mixed: 'Mixed or Multiple ethnic groups', mixed_white_asian: 'Mixed or Multiple ethnic groups: White and Asian',
  mixed_white_black_african: 'Mixed or Multiple ethnic groups: White and Black African', mixed_white_black_caribbean: 'Mixed or Multiple ethnic groups: White and Black Caribbean',
  mixed_other: 'Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups', white: 'White',
  white_british: 'White: English, Welsh, Scottish, Northern Irish or British', white_irish: 'White: Irish', white_gypsy_traveller: 'White: Gypsy or Irish Traveller',
  white_roma: 'White: Roma', white_other: 'White: Other White', other: 'Other ethnic group', other_arab: 'Other ethnic group: Arab', other_any: 'Other ethnic group: Any other ethnic group',
};

export interface RawEthnicity { total: number; counts: Record<string, number> }

let ts021: Map<string, RawEthnicity> | undefined;

/** England LSOAs of TS021: the table's own total and each group's residents. */
export function rawTs021(): Map<string, RawEthnicity> {
  if (ts021) return ts021;
  ts021 = new Map(rawRows('ethnicity/census2021_ts021_ethnic_group_lsoa21_ew.csv.gz').filter((r) => r['geography code'].startsWith('E01')).map((r) => [
    r['geography code'],
    { total: num(r['Ethnic group: Total: All usual residents']), counts: Object.fromEntries(Object.entries(TS021_HEADERS).map(([k, h]) => [k, num(r[`Ethnic group: ${h}`])])) },
  ]));
  return ts021;
}

/** NHS England's 2022 mapping by ODS code, and each LSOA 2021's Sub-ICB ODS code from the ONS lookup. */
export function rawCal22(): { byOds: Map<string, { cal: string; name: string; icbName: string }>; odsOfLsoa: Map<string, string> } {
  const byOds = new Map(rawRows('lookups/sicbl22_icb22_cancer_alliance_nhse_mapping_2022_v1_4.csv').map((r) => [r.SICBL22CDH, { cal: r['Cancer Alliance Code'], name: r['Cancer Alliance'], icbName: r.ICB }]));
  const odsOfLsoa = new Map(rawRows('lookups/lsoa21_sicbl24_icb24_england_geographr.csv.gz').map((r) => [r.lsoa21_code, r.sicbl24_code_nhs]));
  return { byOds, odsOfLsoa };
}

const STAGE_COLUMNS = ['Stage 1', 'Stage 2', 'Stage 3', 'Stage 4', 'Staged - other early', 'Staged - other advanced', 'Unstageable', 'Missing stage'];

export interface RawStage { type: string; name: string; year: number; site: string; c: Record<string, number> }

export function rawStage(): RawStage[] {
  return rawRows('cancer/ndrs_stage_at_diagnosis_by_site_cancer_alliance_icb_2013_2022.csv.gz').map((r) => ({
    type: r['Geography Type'], name: r['Geography Name'], year: num(r.Year), site: r.Site, c: Object.fromEntries(STAGE_COLUMNS.map((k) => [k, num(r[k])])),
  }));
}

/** Early (stage 1, 2, other early), staged (every stage category) and all tumours, summed over rows. */
export function stageSums(rows: RawStage[]): { early: number; staged: number; total: number } {
  let early = 0;
  let staged = 0;
  let total = 0;
  for (const r of rows) {
    early += r.c['Stage 1'] + r.c['Stage 2'] + r.c['Staged - other early'];
    staged += r.c['Stage 1'] + r.c['Stage 2'] + r.c['Stage 3'] + r.c['Stage 4'] + r.c['Staged - other early'] + r.c['Staged - other advanced'];
    total += STAGE_COLUMNS.reduce((s, k) => s + r.c[k], 0);
  }
  return { early, staged, total };
}

/** Wilson score interval for a proportion, in %. */
export function wilson(k: number, n: number): [number, number] {
  const z = 1.959964;
  const p = k / n;
  const centre = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [(100 * (centre - half)) / (1 + (z * z) / n), (100 * (centre + half)) / (1 + (z * z) / n)];
}
